<?php

declare(strict_types=1);

namespace BadgeRules\Client\Tests;

use BadgeRules\Client\BadgeRulesException;
use BadgeRules\Client\Client;
use BadgeRules\Client\HttpException;
use BadgeRules\Client\InputErrorException;
use PHPUnit\Framework\TestCase;

/** Errors carry the envelope; the token is sent when given. */
final class ErrorsTest extends TestCase
{
    public function testABadDocumentIsAnInputErrorNamingItsPath(): void
    {
        $client = new Client(Server::get()->url);
        try {
            $client->check('{"kind": "application", "offer": {"stock": {"available": "many"}}}');
            $this->fail('an input error was expected');
        } catch (InputErrorException $e) {
            $this->assertSame(400, $e->status);
            $this->assertSame('shape', $e->envelope()->kind);
            $this->assertSame('WRONG_TYPE', $e->envelope()->code);
            $this->assertSame('offer.stock.available', $e->envelope()->path);
        }
        try {
            $client->check('{');
            $this->fail('an input error was expected');
        } catch (InputErrorException $e) {
            $this->assertSame([1, 1], [$e->envelope()->line, $e->envelope()->column]);
        }
    }

    public function testRefusalsAreHttpExceptionsWithTheirEnvelope(): void
    {
        $client = new Client(Server::get()->url);
        try {
            $client->terms('NOT_BUILT_IN_ID');
            $this->fail('404 was expected');
        } catch (HttpException $e) {
            $this->assertSame(404, $e->status);
            $this->assertSame('NOT_BUILT_IN', $e->envelope?->code);
        }
        try {
            $client->check('{}', 'xx');
            $this->fail('400 was expected');
        } catch (HttpException $e) {
            $this->assertNotInstanceOf(InputErrorException::class, $e);
            $this->assertSame('lang', $e->envelope?->path);
        }
        $this->assertSame('40', $client->terms('SANDBOX_TEST_CAMPAIGN')['discount']['minPercent']);
        $this->assertNotEmpty($client->codes('pl'));
        $this->assertNotEmpty($client->rules());
    }

    public function testATokenIsSentWhenGiven(): void
    {
        $token = 'php-test-token-51c2e8';
        $server = Server::get([], ['BADGE_RULES_TOKEN' => $token]);
        try {
            (new Client($server->url))->check('{}');
            $this->fail('401 was expected');
        } catch (HttpException $e) {
            $this->assertSame(401, $e->status);
            $this->assertStringNotContainsString($token, $e->getMessage());
        }
        try {
            iterator_to_array((new Client($server->url, 'wrong'))->checkBatch(['{}']));
            $this->fail('401 was expected');
        } catch (HttpException $e) {
            $this->assertSame(401, $e->status);
        }
        $report = (new Client($server->url, $token))->check('{"kind": "accountConsent", "request": {"status": "ALLOWED"}}');
        $this->assertTrue($report->accepted());
    }

    public function testNoServerIsAClearError(): void
    {
        $this->expectException(BadgeRulesException::class);
        $this->expectExceptionMessage('cannot connect');
        (new Client('http://127.0.0.1:9', null, 2.0))->check('{}');
    }
}
