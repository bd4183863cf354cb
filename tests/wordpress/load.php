<?php
/*
 * Loads the test site's WordPress in a command-line script: `php SCRIPT.php DIR ...` where DIR is
 * the folder wordpress.sh started. $argv after DIR is left to the script.
 */
if (PHP_SAPI !== 'cli' || count($argv) < 2 || !is_dir($argv[1] . '/site')) {
    fwrite(STDERR, "usage: php " . basename($argv[0] ?? 'script.php') . " DIR ... (DIR: the folder wordpress.sh start made)\n");
    exit(2);
}
$cxfeed_wp_dir = realpath($argv[1]);
define('ABSPATH', $cxfeed_wp_dir . '/site/');
// What WordPress reads of a request, for a script that is not one.
$_SERVER['HTTP_HOST'] = '127.0.0.1:' . trim((string) @file_get_contents($cxfeed_wp_dir . '/run/port'));
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD'] = 'GET';
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/post.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
