<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/** What badge-rules answers about a request. */
enum Verdict: string
{
    /** No rule fails: Allegro would accept it. */
    case Accept = 'ACCEPT';
    /** At least one rule fails (see the report's violations). */
    case Reject = 'REJECT';
    /** No rule fails, but some could not be checked (see skipped). */
    case Incomplete = 'INCOMPLETE';
}
