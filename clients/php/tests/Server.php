<?php

declare(strict_types=1);

namespace BadgeRules\Client\Tests;

/** A `badge-rules serve` process for the tests, on a free loopback port. */
final class Server
{
    /** @var array<string, self> */
    private static array $running = [];

    /** @var resource */
    private $process;
    /** @var array<int, resource> */
    private array $pipes;
    public readonly string $url;

    /** @param list<string> $args @param array<string, string> $env */
    private function __construct(array $args, array $env)
    {
        $command = array_merge([self::binary(), 'serve', '--addr', '127.0.0.1:0'], $args);
        $environment = array_merge(array_filter(getenv(), static fn ($k) => $k !== 'BADGE_RULES_TOKEN', ARRAY_FILTER_USE_KEY), $env);
        $process = proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $environment);
        if (!is_resource($process)) {
            throw new \RuntimeException('cannot start ' . self::binary());
        }
        $this->process = $process;
        $this->pipes = $pipes;
        $first = fgets($pipes[2]);
        $said = json_decode((string) $first, true);
        if (!is_array($said) || !isset($said['addr'])) {
            throw new \RuntimeException('badge-rules serve did not start: ' . $first . stream_get_contents($pipes[2]));
        }
        // Its log lines are not read further: drain them so it never blocks.
        stream_set_blocking($pipes[2], false);
        $this->url = 'http://' . $said['addr'];
    }

    /** The binary under test. */
    public static function binary(): string
    {
        $bin = getenv('BADGE_RULES_BIN') ?: __DIR__ . '/../../../target/debug/badge-rules';
        if (!is_executable($bin)) {
            throw new \RuntimeException("{$bin} is not built: cargo build -p badge-rules-cli (or set BADGE_RULES_BIN)");
        }
        return $bin;
    }

    /** The repository's root. */
    public static function root(): string
    {
        return dirname(__DIR__, 3);
    }

    /**
     * A server started with `$args` and `$env`, shared by the tests that ask
     * for the same.
     *
     * @param list<string> $args @param array<string, string> $env
     */
    public static function get(array $args = [], array $env = []): self
    {
        $key = json_encode([$args, $env]);
        return self::$running[$key] ??= new self($args, $env);
    }

    public function __destruct()
    {
        proc_terminate($this->process, 15);
        foreach ($this->pipes as $pipe) {
            fclose($pipe);
        }
        proc_close($this->process);
    }

    /**
     * Runs the CLI with `$args` in `$dir`: its exit status and stdout.
     *
     * @param list<string> $args
     * @return array{0: int, 1: string}
     */
    public static function cli(array $args, ?string $dir = null): array
    {
        $process = proc_open(array_merge([self::binary()], $args), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir ?? self::root());
        $out = stream_get_contents($pipes[1]);
        stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        return [proc_close($process), (string) $out];
    }
}
