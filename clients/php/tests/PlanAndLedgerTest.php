<?php

declare(strict_types=1);

namespace BadgeRules\Client\Tests;

use BadgeRules\Client\Client;
use PHPUnit\Framework\TestCase;

/** A plan streamed as `badge-rules plan` plans it; the ledger's endpoints. */
final class PlanAndLedgerTest extends TestCase
{
    public function testAPlanIsTheCliPlanOfTheSameOffers(): void
    {
        $dir = sys_get_temp_dir() . '/badge-rules-php-plan-' . getmypid();
        @mkdir($dir);
        copy(Server::root() . '/examples/plan/offers-metrics.jsonl', $dir . '/offers');
        [$status, $expected] = Server::cli(['plan', '--context', Server::root() . '/examples/plan/context.json', 'offers'], $dir);
        $this->assertSame(0, $status);
        $offers = array_filter(explode("\n", (string) file_get_contents($dir . '/offers')), 'strlen');
        $context = (string) file_get_contents(Server::root() . '/examples/plan/context.json');
        $got = [];
        foreach ((new Client(Server::get()->url))->plan($context, $offers) as $line) {
            $got[] = $line;
        }
        $expected = array_map(static fn ($l) => json_decode($l, true), explode("\n", rtrim($expected, "\n")));
        $this->assertGreaterThanOrEqual(3, count($expected));
        $this->assertSame($expected, $got);
        unlink($dir . '/offers');
        rmdir($dir);
    }

    public function testTheLedgerRecordsAndAnswers(): void
    {
        $db = sys_get_temp_dir() . '/badge-rules-php-ledger-' . getmypid() . '.db';
        @unlink($db);
        $client = new Client(Server::get(['--ledger', $db])->url);
        $this->assertTrue($client->ready());
        $pages = '{"fetchedAt": "2026-11-01T00:00:00Z", "response": {"offers": [{"id": "1", "sellingMode": {"price": {"amount": "200.00", "currency": "PLN"}}}]}}' . "\n"
            . '{"fetchedAt": "2026-11-10T00:00:00Z", "response": {"offers": [{"id": "1", "sellingMode": {"price": {"amount": "180.00", "currency": "PLN"}}}]}}' . "\n";
        $summary = $client->record($pages);
        $this->assertSame([2, 0], [$summary['committed'], $summary['refused']]);
        $lowest = $client->lowest(['1', '2'], '2026-11-20T00:00:00Z');
        $this->assertCount(2, $lowest);
        $this->assertSame('180.00', $lowest[0]['lowestPrice30Days']['amount']);
        $this->assertNull($lowest[1]['lowestPrice30Days']);
        $history = $client->history('1', '2026-11-20T00:00:00Z');
        $this->assertCount(2, $history['priceHistory']);
    }
}
