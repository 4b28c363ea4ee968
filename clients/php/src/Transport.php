<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/**
 * HTTP/1.1 over PHP's own sockets (no curl, no library): one request at a
 * time, `Connection: close`; and a streamed exchange, the request's body
 * sent in chunks while the answer's lines are read as they come, so that
 * neither side ever holds a whole batch.
 *
 * @internal
 */
final class Transport
{
    private string $address;
    private string $host;

    public function __construct(string $baseUrl, private ?string $token, private float $timeout)
    {
        $url = parse_url($baseUrl);
        if ($url === false || !isset($url['host'])) {
            throw new BadgeRulesException("not a URL: {$baseUrl}");
        }
        $tls = ($url['scheme'] ?? 'http') === 'https';
        $port = $url['port'] ?? ($tls ? 443 : 80);
        $this->address = ($tls ? 'tls://' : 'tcp://') . $url['host'] . ':' . $port;
        $this->host = $url['host'] . ':' . $port;
    }

    /**
     * One request, its whole answer.
     *
     * @param array<string, string> $headers
     * @return array{0: int, 1: array<string, string>, 2: string} status, headers (lower-case names), body
     */
    public function request(string $method, string $target, array $headers, string $body = ''): array
    {
        $socket = $this->connect();
        $headers['Content-Length'] = (string) strlen($body);
        $this->writeAll($socket, $this->head($method, $target, $headers) . $body);
        $raw = '';
        while (!feof($socket)) {
            $part = fread($socket, 65536);
            if ($part === false) {
                break;
            }
            if ($part === '' && $this->timedOut($socket)) {
                throw new BadgeRulesException('badge-rules serve did not answer in time');
            }
            $raw .= $part;
        }
        fclose($socket);
        $end = strpos($raw, "\r\n\r\n");
        if ($end === false) {
            throw new BadgeRulesException('badge-rules serve closed the connection without an answer');
        }
        [$status, $answerHeaders] = self::parseHead(substr($raw, 0, $end));
        $payload = substr($raw, $end + 4);
        if (str_contains($answerHeaders['transfer-encoding'] ?? '', 'chunked')) {
            $decoder = new ChunkDecoder();
            $payload = $decoder->feed($payload);
        }
        return [$status, $answerHeaders, $payload];
    }

    /**
     * A streamed exchange: the body's pieces sent as chunks, the answer's
     * lines yielded as they arrive (without their newline). An answer with
     * another status than 200 is thrown as an {@see HttpException}.
     *
     * @param array<string, string> $headers
     * @param iterable<string> $pieces
     * @return \Generator<int, string>
     */
    public function stream(string $method, string $target, array $headers, iterable $pieces): \Generator
    {
        $socket = $this->connect();
        $headers['Transfer-Encoding'] = 'chunked';
        $pending = $this->head($method, $target, $headers);
        $source = (static fn () => yield from $pieces)();
        $sending = true;
        stream_set_blocking($socket, false);
        $inbound = '';
        $status = null;
        $answerHeaders = [];
        $decoder = new ChunkDecoder();
        $lines = '';
        $deadline = microtime(true) + $this->timeout;
        while (true) {
            if ($sending && $pending === '') {
                if ($source->valid()) {
                    $piece = (string) $source->current();
                    $source->next();
                    if ($piece !== '') {
                        $pending = dechex(strlen($piece)) . "\r\n" . $piece . "\r\n";
                    }
                } else {
                    $pending = "0\r\n\r\n";
                    $sending = false;
                }
            }
            $read = [$socket];
            $write = $pending !== '' ? [$socket] : [];
            $except = null;
            $ready = stream_select($read, $write, $except, 0, 200000);
            if ($ready === false) {
                throw new BadgeRulesException('cannot wait on the connection to badge-rules serve');
            }
            if ($write !== []) {
                $written = @fwrite($socket, $pending);
                if ($written === false) {
                    // The server answered early (an error) and closed: read it.
                    $pending = '';
                    $sending = false;
                } else {
                    $pending = substr($pending, $written);
                }
            }
            if ($read !== []) {
                $part = fread($socket, 65536);
                if ($part === false || ($part === '' && feof($socket))) {
                    break;
                }
                $deadline = microtime(true) + $this->timeout;
                if ($status === null) {
                    $inbound .= $part;
                    $end = strpos($inbound, "\r\n\r\n");
                    if ($end === false) {
                        continue;
                    }
                    [$status, $answerHeaders] = self::parseHead(substr($inbound, 0, $end));
                    $part = substr($inbound, $end + 4);
                    $inbound = '';
                    if ($status !== 200) {
                        stream_set_blocking($socket, true);
                        $rest = $part . (string) stream_get_contents($socket);
                        fclose($socket);
                        if (str_contains($answerHeaders['transfer-encoding'] ?? '', 'chunked')) {
                            $rest = (new ChunkDecoder())->feed($rest);
                        }
                        throw Client::failure($status, $answerHeaders, $rest);
                    }
                }
                $lines .= $decoder->feed($part);
                while (($at = strpos($lines, "\n")) !== false) {
                    yield substr($lines, 0, $at);
                    $lines = substr($lines, $at + 1);
                }
                if ($decoder->done()) {
                    break;
                }
            } elseif (microtime(true) > $deadline) {
                fclose($socket);
                throw new BadgeRulesException('badge-rules serve stopped answering');
            }
        }
        if (is_resource($socket)) {
            fclose($socket);
        }
        if ($status === null) {
            throw new BadgeRulesException('badge-rules serve closed the connection without an answer');
        }
        if ($lines !== '') {
            yield $lines;
        }
        if (!$decoder->done()) {
            throw new BadgeRulesException('the answer was cut short: the server failed part way');
        }
    }

    /** @return resource */
    private function connect()
    {
        $socket = @stream_socket_client($this->address, $errno, $error, $this->timeout);
        if ($socket === false) {
            throw new BadgeRulesException("cannot connect to badge-rules serve at {$this->address}: {$error}");
        }
        stream_set_timeout($socket, (int) ceil($this->timeout));
        return $socket;
    }

    /** @param array<string, string> $headers */
    private function head(string $method, string $target, array $headers): string
    {
        $head = "{$method} {$target} HTTP/1.1\r\nHost: {$this->host}\r\nConnection: close\r\n";
        if ($this->token !== null) {
            $head .= "Authorization: Bearer {$this->token}\r\n";
        }
        foreach ($headers as $name => $value) {
            $head .= "{$name}: {$value}\r\n";
        }
        return $head . "\r\n";
    }

    /** @param resource $socket */
    private function writeAll($socket, string $bytes): void
    {
        while ($bytes !== '') {
            $written = @fwrite($socket, $bytes);
            if ($written === false || $written === 0) {
                // The server may have answered already (401, 413): read it.
                return;
            }
            $bytes = substr($bytes, $written);
        }
    }

    /** @param resource $socket */
    private function timedOut($socket): bool
    {
        $meta = stream_get_meta_data($socket);
        return (bool) ($meta['timed_out'] ?? false);
    }

    /** @return array{0: int, 1: array<string, string>} */
    private static function parseHead(string $head): array
    {
        $lines = explode("\r\n", $head);
        $parts = explode(' ', (string) array_shift($lines), 3);
        $headers = [];
        foreach ($lines as $line) {
            $colon = strpos($line, ':');
            if ($colon !== false) {
                $headers[strtolower(trim(substr($line, 0, $colon)))] = trim(substr($line, $colon + 1));
            }
        }
        return [(int) ($parts[1] ?? 0), $headers];
    }
}
