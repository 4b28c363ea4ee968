<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/**
 * The server answered with an error status: its status and the error
 * envelope it sent (a missing token 401, too much in flight 503 with
 * `$retryAfter` seconds, an unknown campaign 404, a bad parameter 400).
 */
class HttpException extends BadgeRulesException
{
    public function __construct(
        public readonly int $status,
        public readonly ?ErrorEnvelope $envelope,
        public readonly ?int $retryAfter = null,
    ) {
        parent::__construct(
            sprintf('badge-rules serve answered %d: %s', $status, $envelope?->message ?? 'no error envelope'),
            $status,
        );
    }
}
