<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/**
 * One entry of a report's violations, skipped checks or warnings: Allegro's
 * code (BA12, BB5, ...) or the engine's, the request field it blames or the
 * input it misses, the message and its figures.
 */
final class Finding
{
    /**
     * @param array<string, string> $params
     * @param array<string, mixed> $raw the entry as the server sent it
     */
    public function __construct(
        public readonly string $code,
        public readonly string $message,
        public readonly ?string $path,
        public readonly ?string $missing,
        public readonly array $params,
        public readonly array $raw,
    ) {
    }

    /** @param array<string, mixed> $entry */
    public static function fromArray(array $entry): self
    {
        return new self(
            (string) ($entry['code'] ?? ''),
            (string) ($entry['message'] ?? ''),
            isset($entry['path']) ? (string) $entry['path'] : null,
            isset($entry['missing']) ? (string) $entry['missing'] : null,
            is_array($entry['params'] ?? null) ? array_map('strval', $entry['params']) : [],
            $entry,
        );
    }
}
