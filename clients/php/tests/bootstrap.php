<?php

declare(strict_types=1);

// The client's classes without Composer (PSR-4, as composer.json maps
// them), and the server the tests talk to: `badge-rules serve` started on a
// free loopback port (BADGE_RULES_BIN, else the workspace's debug build),
// stopped when the run ends.

spl_autoload_register(static function (string $class): void {
    foreach (['BadgeRules\\Client\\Tests\\' => __DIR__ . '/', 'BadgeRules\\Client\\' => __DIR__ . '/../src/'] as $prefix => $dir) {
        if (str_starts_with($class, $prefix)) {
            $file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }
            return;
        }
    }
});

require_once __DIR__ . '/Server.php';
