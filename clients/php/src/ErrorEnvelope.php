<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/**
 * The `{"error": {...}}` line the CLI and the server give when a document
 * cannot be checked (kind syntax, shape, context: its JSON path, a stable
 * code, the message, and the line and column for bad JSON) or a request is
 * refused (kind usage, http, ledger, plan).
 */
final class ErrorEnvelope
{
    /**
     * @param array<string, string> $params
     * @param array<string, mixed> $raw the whole line, decoded
     */
    public function __construct(
        public readonly string $kind,
        public readonly string $code,
        public readonly string $path,
        public readonly string $message,
        public readonly array $params,
        public readonly ?int $line,
        public readonly ?int $column,
        public readonly array $raw,
        public readonly string $json,
    ) {
    }

    /** The envelope of one line of JSON, or null when it is none. */
    public static function fromJson(string $line): ?self
    {
        try {
            $data = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException) {
            return null;
        }
        $error = is_array($data) ? ($data['error'] ?? null) : null;
        if (!is_array($error)) {
            return null;
        }
        return new self(
            (string) ($error['kind'] ?? ''),
            (string) ($error['code'] ?? ''),
            (string) ($error['path'] ?? ''),
            (string) ($error['message'] ?? ''),
            is_array($error['params'] ?? null) ? array_map('strval', $error['params']) : [],
            isset($error['line']) ? (int) $error['line'] : null,
            isset($error['column']) ? (int) $error['column'] : null,
            $data,
            $line,
        );
    }
}
