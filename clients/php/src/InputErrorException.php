<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/**
 * The document cannot be checked (400): not JSON, the wrong shape, an
 * impossible context. `$envelope` names the JSON path and carries the
 * same line `badge-rules check --format json` prints.
 */
final class InputErrorException extends HttpException
{
    public function __construct(ErrorEnvelope $envelope)
    {
        parent::__construct(400, $envelope);
    }

    public function envelope(): ErrorEnvelope
    {
        return $this->envelope ?? throw new \LogicException('an input error has its envelope');
    }
}
