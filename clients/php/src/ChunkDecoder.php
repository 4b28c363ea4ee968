<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/**
 * HTTP/1.1 chunked transfer coding, decoded as the bytes arrive.
 *
 * @internal
 */
final class ChunkDecoder
{
    private string $buffer = '';
    /** Bytes left of the current chunk; null while its size line is awaited. */
    private ?int $left = null;
    private bool $done = false;

    /** The data of whatever whole parts `$bytes` completes. */
    public function feed(string $bytes): string
    {
        $this->buffer .= $bytes;
        $out = '';
        while (!$this->done) {
            if ($this->left === null) {
                $end = strpos($this->buffer, "\r\n");
                if ($end === false) {
                    break;
                }
                $size = hexdec(trim(explode(';', substr($this->buffer, 0, $end))[0]));
                $this->buffer = substr($this->buffer, $end + 2);
                if ($size === 0) {
                    $this->done = true;
                    break;
                }
                $this->left = (int) $size;
            }
            if (strlen($this->buffer) < $this->left + 2) {
                break;
            }
            $out .= substr($this->buffer, 0, $this->left);
            $this->buffer = substr($this->buffer, $this->left + 2);
            $this->left = null;
        }
        return $out;
    }

    /** The last chunk has been read. */
    public function done(): bool
    {
        return $this->done;
    }
}
