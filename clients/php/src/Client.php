<?php

declare(strict_types=1);

namespace BadgeRules\Client;

/**
 * The client of `badge-rules serve`: checks Allegro badge-campaign requests
 * before they are submitted, and answers exactly what `badge-rules check`
 * answers for the same document.
 *
 *     $client = new Client('http://127.0.0.1:8787');
 *     $report = $client->check(file_get_contents('document.json'));
 *     if (!$report->accepted()) { print_r($report->violationCodes()); }
 */
final class Client
{
    private Transport $transport;

    /**
     * @param string $baseUrl where the server listens
     * @param string|null $token its bearer token, when it was started with one
     * @param float $timeout seconds to wait for it
     */
    public function __construct(string $baseUrl = 'http://127.0.0.1:8787', ?string $token = null, float $timeout = 30.0)
    {
        $this->transport = new Transport(rtrim($baseUrl, '/'), $token, $timeout);
    }

    /**
     * Checks one document (a JSON string, sent as it is, or an array) and
     * returns its report.
     *
     * @param string|array<string, mixed> $document
     * @throws InputErrorException when the document cannot be checked
     * @throws HttpException when the server refuses the request
     */
    public function check(string|array $document, ?string $lang = null): Report
    {
        return Report::fromJson($this->checkJson($document, $lang));
    }

    /**
     * The report's line exactly as `badge-rules check --format json`
     * prints it (without the newline).
     *
     * @param string|array<string, mixed> $document
     */
    public function checkJson(string|array $document, ?string $lang = null, string $format = 'json'): string
    {
        $target = '/v1/check' . self::query(['lang' => $lang, 'format' => $format]);
        [$status, $headers, $body] = $this->transport->request('POST', $target, ['Content-Type' => 'application/json'], self::json($document));
        if ($status !== 200) {
            throw self::failure($status, $headers, $body);
        }
        return rtrim($body, "\n");
    }

    /**
     * Allegro's answer to the request, predicted (`check --format allegro`):
     * at once an HTTP error with Allegro's `errors`, or 202 and what the
     * later lookup shows.
     *
     * @param string|array<string, mixed> $document
     * @return array<string, mixed>
     */
    public function allegro(string|array $document, ?string $lang = null): array
    {
        return self::decode($this->checkJson($document, $lang, 'allegro'));
    }

    /**
     * Checks many documents in one streamed request: yields, in order, each
     * document's Report, or the ErrorEnvelope of one that cannot be checked.
     * Documents are sent as they are taken from `$documents` and reports
     * read as they come: memory stays flat however many there are.
     *
     * @param iterable<string|array<string, mixed>> $documents
     * @return \Generator<int, Report|ErrorEnvelope>
     */
    public function checkBatch(iterable $documents, ?string $lang = null): \Generator
    {
        $lines = (static function () use ($documents): \Generator {
            $buffer = '';
            foreach ($documents as $document) {
                $buffer .= self::oneLine($document) . "\n";
                if (strlen($buffer) >= 65536) {
                    yield $buffer;
                    $buffer = '';
                }
            }
            yield $buffer;
        })();
        $target = '/v1/check' . self::query(['lang' => $lang]);
        foreach ($this->transport->stream('POST', $target, ['Content-Type' => 'application/x-ndjson'], $lines) as $line) {
            yield ErrorEnvelope::fromJson($line) ?? Report::fromJson($line);
        }
    }

    /**
     * Plans campaigns over offers (`badge-rules plan`): the context, then
     * each item of the offers (a GET /sale/offers page, an offer, or
     * {offer, metrics}); yields one decoded line per (offer, campaign).
     *
     * @param string|array<string, mixed> $context
     * @param iterable<string|array<string, mixed>> $offers
     * @param list<string> $campaigns
     * @return \Generator<int, array<string, mixed>>
     */
    public function plan(string|array $context, iterable $offers, array $campaigns = [], ?string $price = null, ?string $lang = null): \Generator
    {
        $lines = (static function () use ($context, $offers): \Generator {
            yield self::oneLine($context) . "\n";
            foreach ($offers as $offer) {
                yield self::oneLine($offer) . "\n";
            }
        })();
        $target = '/v1/plan' . self::query(['lang' => $lang, 'price' => $price, 'campaign' => $campaigns === [] ? null : implode(',', $campaigns)]);
        foreach ($this->transport->stream('POST', $target, ['Content-Type' => 'application/x-ndjson'], $lines) as $line) {
            yield self::decode($line);
        }
    }

    /** @return list<array<string, mixed>> every code: `badge-rules codes --format json` */
    public function codes(?string $lang = null): array
    {
        return self::decode($this->get('/v1/codes' . self::query(['lang' => $lang])));
    }

    /** @return list<array<string, mixed>> every rule: `badge-rules rules --format json` */
    public function rules(): array
    {
        return self::decode($this->get('/v1/rules'));
    }

    /**
     * The terms of a built-in campaign (`badge-rules terms ID`).
     *
     * @return array<string, mixed>
     * @throws HttpException 404 when the campaign is not built in
     */
    public function terms(string $campaignId): array
    {
        return self::decode($this->get('/v1/terms/' . rawurlencode($campaignId)));
    }

    /**
     * Records Allegro's responses into the server's price ledger.
     *
     * @return array<string, mixed> the summary: committed, refused, refusals, ...
     */
    public function record(string $responses, ?string $at = null): array
    {
        [$status, $headers, $body] = $this->transport->request('POST', '/v1/ledger/record' . self::query(['at' => $at]), ['Content-Type' => 'application/x-ndjson'], $responses);
        if ($status !== 200) {
            throw self::failure($status, $headers, $body);
        }
        return self::decode($body);
    }

    /**
     * The lowest price of the 30 days (M) of each offer, from the ledger.
     *
     * @param list<string> $offers
     * @return list<array<string, mixed>> one answer per offer, in order
     */
    public function lowest(array $offers, ?string $at = null): array
    {
        $body = $this->get('/v1/ledger/lowest' . self::query(['offer' => implode(',', $offers), 'at' => $at]));
        return array_map([self::class, 'decode'], array_values(array_filter(explode("\n", $body), 'strlen')));
    }

    /** @return array<string, mixed> an offer's price history, as a document's metrics want it */
    public function history(string $offer, ?string $at = null): array
    {
        return self::decode($this->get('/v1/ledger/history/' . rawurlencode($offer) . self::query(['at' => $at])));
    }

    /** Whether the server answers and its ledger (if any) can be reached. */
    public function ready(): bool
    {
        try {
            [$status] = $this->transport->request('GET', '/readyz', []);
            return $status === 200;
        } catch (BadgeRulesException) {
            return false;
        }
    }

    /** @internal The exception for an answer with `$status`. */
    public static function failure(int $status, array $headers, string $body): HttpException
    {
        $envelope = ErrorEnvelope::fromJson(rtrim($body, "\n"));
        if ($status === 400 && $envelope !== null && in_array($envelope->kind, ['syntax', 'shape', 'context'], true)) {
            return new InputErrorException($envelope);
        }
        $retry = isset($headers['retry-after']) ? (int) $headers['retry-after'] : null;
        return new HttpException($status, $envelope, $retry);
    }

    private function get(string $target): string
    {
        [$status, $headers, $body] = $this->transport->request('GET', $target, []);
        if ($status !== 200) {
            throw self::failure($status, $headers, $body);
        }
        return $body;
    }

    /** @param array<string, string|null> $params */
    private static function query(array $params): string
    {
        $params = array_filter($params, static fn ($v) => $v !== null && $v !== '');
        return $params === [] ? '' : '?' . http_build_query($params, '', '&', PHP_QUERY_RFC3986);
    }

    /** @param string|array<string, mixed> $document */
    private static function json(string|array $document): string
    {
        return is_string($document) ? $document : json_encode($document, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    }

    /**
     * A document on one line: an array encoded; a string with its line
     * breaks (pretty-printed JSON) made spaces, which JSON allows between
     * tokens and never holds inside a string.
     *
     * @param string|array<string, mixed> $document
     */
    private static function oneLine(string|array $document): string
    {
        return is_string($document) ? str_replace(["\r\n", "\n", "\r"], ' ', $document) : self::json($document);
    }

    private static function decode(string $json): mixed
    {
        try {
            return json_decode($json, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            throw new BadgeRulesException('badge-rules serve sent something that is not JSON: ' . $e->getMessage(), 0, $e);
        }
    }
}
