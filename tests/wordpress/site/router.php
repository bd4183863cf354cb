<?php
/*
 * The router of PHP's built-in server for the test site: files that exist are served as they are
 * (or run, for .php), every other address goes to WordPress's index.php, as Apache's rewrite rule
 * does for pretty permalinks. ABSPATH is this site's folder (where the symlinks to Debian's
 * WordPress and our wp-config.php are), so WordPress never reads /etc/wordpress.
 */
define('ABSPATH', $_SERVER['DOCUMENT_ROOT'] . '/');

// An access log with WordPress's own time per request (the benchmark's floor): method, address,
// status, milliseconds, in the folder wordpress.sh made (../access.log).
$cxfeed_started = hrtime(true);
register_shutdown_function(function () use ($cxfeed_started) {
    file_put_contents(dirname($_SERVER['DOCUMENT_ROOT']) . '/access.log',
        sprintf("%s %s %d %.3f\n", $_SERVER['REQUEST_METHOD'], $_SERVER['REQUEST_URI'], http_response_code(), (hrtime(true) - $cxfeed_started) / 1e6),
        FILE_APPEND | LOCK_EX);
});

$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = realpath($_SERVER['DOCUMENT_ROOT'] . $path);
if ($path !== '/' && $file !== false && is_file($file)) {
    return false;
}
if ($path !== '/' && $file !== false && is_dir($file) && is_file($file . '/index.php')) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
