<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/**
 * A check's report: the verdict, the violations (each with Allegro's code,
 * the field to fix and Allegro's message), the checks skipped for want of
 * an input, the warnings and the hints (the bargain price range that
 * passes). `$json` is the line exactly as `badge-rules check --format json`
 * prints it.
 */
final class Report
{
    /**
     * @param list<Finding> $violations
     * @param list<Finding> $skipped
     * @param list<Finding> $warnings
     * @param array<string, mixed> $hints
     */
    public function __construct(
        public readonly Verdict $verdict,
        public readonly array $violations,
        public readonly array $skipped,
        public readonly array $warnings,
        public readonly array $hints,
        public readonly string $json,
    ) {
    }

    /** The report of one line of JSON (without its newline). */
    public static function fromJson(string $line): self
    {
        $data = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
        if (!is_array($data) || !isset($data['verdict'])) {
            throw new BadgeRulesException('not a report: ' . substr($line, 0, 200));
        }
        $findings = static fn (string $key): array => array_map(
            [Finding::class, 'fromArray'],
            is_array($data[$key] ?? null) ? $data[$key] : [],
        );
        return new self(
            Verdict::from((string) $data['verdict']),
            $findings('violations'),
            $findings('skipped'),
            $findings('warnings'),
            is_array($data['hints'] ?? null) ? $data['hints'] : [],
            $line,
        );
    }

    public function accepted(): bool
    {
        return $this->verdict === Verdict::Accept;
    }

    /** @return list<string> the codes of the violations, in report order */
    public function violationCodes(): array
    {
        return array_map(static fn (Finding $f): string => $f->code, $this->violations);
    }

    /**
     * The bargain price range that passes, when the engine could compute it.
     *
     * @return array{min: string, max: string, currency: string}|null
     */
    public function bargainRange(): ?array
    {
        $bargain = $this->hints['bargain'] ?? null;
        return is_array($bargain) ? $bargain : null;
    }
}
