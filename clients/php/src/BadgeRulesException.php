<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/** Anything that went wrong talking to badge-rules serve. */
class BadgeRulesException extends \RuntimeException
{
}
