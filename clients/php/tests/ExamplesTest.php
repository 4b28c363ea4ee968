<?php

declare(strict_types=1);

namespace BadgeRules\Client\Tests;

use BadgeRules\Client\Client;
use BadgeRules\Client\ErrorEnvelope;
use BadgeRules\Client\InputErrorException;
use BadgeRules\Client\Report;
use BadgeRules\Client\Verdict;
use PHPUnit\Framework\TestCase;

/** The done-when: every file of examples/ gets the report `badge-rules check --format json` prints. */
final class ExamplesTest extends TestCase
{
    /** @return list<string> */
    private static function examples(): array
    {
        $files = glob(Server::root() . '/examples/*.json') ?: [];
        sort($files);
        return $files;
    }

    public function testEveryExampleGetsTheReportCheckPrints(): void
    {
        $client = new Client(Server::get()->url);
        $files = self::examples();
        $this->assertGreaterThanOrEqual(10, count($files));
        foreach ($files as $file) {
            [$status, $expected] = Server::cli(['check', '--format', 'json', $file]);
            $expected = rtrim($expected, "\n");
            $document = (string) file_get_contents($file);
            if ($status === 2) {
                try {
                    $client->check($document);
                    $this->fail("{$file}: an input error was expected");
                } catch (InputErrorException $e) {
                    $this->assertSame($expected, $e->envelope()->json, $file);
                    $this->assertNotSame('', $e->envelope()->message);
                }
                continue;
            }
            $report = $client->check($document);
            $this->assertSame($expected, $report->json, $file);
            $decoded = json_decode($expected, true);
            $this->assertSame($decoded['verdict'], $report->verdict->value, $file);
            $this->assertSame(array_column($decoded['violations'], 'code'), $report->violationCodes(), $file);
            $this->assertCount(count($decoded['skipped']), $report->skipped, $file);
            $this->assertSame($status === 0, $report->accepted(), $file);
            // The same document as an array: the same report.
            $this->assertSame($expected, $client->checkJson(json_decode($document, true)), $file);
        }
    }

    public function testAllegrosAnswerAndThePolishMessages(): void
    {
        $client = new Client(Server::get()->url);
        $file = Server::root() . '/examples/badges-query-bad-limit.json';
        [, $expected] = Server::cli(['check', '--format', 'allegro', '--lang', 'pl', $file]);
        $this->assertSame(json_decode($expected, true), $client->allegro((string) file_get_contents($file), 'pl'));
        $report = $client->check((string) file_get_contents($file), 'pl');
        $this->assertSame(Verdict::Reject, $report->verdict);
        $this->assertSame('Nieprawidłowa wartość parametru [limit].', $report->violations[0]->message);
    }

    public function testABatchIsStreamedAndAnsweredInOrderAsCheckJsonl(): void
    {
        $client = new Client(Server::get()->url);
        $documents = [];
        foreach (self::examples() as $file) {
            $documents[] = (string) file_get_contents($file);
        }
        $documents[] = 'not json';
        $lines = [];
        for ($i = 0; $i < 300; $i++) {
            foreach ($documents as $document) {
                $lines[] = str_replace(["\r\n", "\n"], ' ', $document);
            }
        }
        $input = tempnam(sys_get_temp_dir(), 'badge-rules-php-');
        file_put_contents($input, implode("\n", $lines) . "\n");
        [, $expected] = Server::cli(['check', '--jsonl', $input]);
        unlink($input);
        $expected = explode("\n", rtrim($expected, "\n"));
        $generator = (static function () use ($lines): \Generator {
            foreach ($lines as $line) {
                yield $line;
            }
        })();
        $got = 0;
        foreach ($client->checkBatch($generator) as $i => $answer) {
            $this->assertInstanceOf($expected[$i][2] === 'e' ? ErrorEnvelope::class : Report::class, $answer);
            $this->assertSame($expected[$i], $answer->json, "line {$i}");
            $got++;
        }
        $this->assertSame(count($lines), $got);
        $this->assertGreaterThan(3000, $got);
    }
}
