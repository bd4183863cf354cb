<?php
/*
 * The router of PHP's built-in server for the test site: files that exist are served as they are
 * (or run, for .php), every other address goes to WordPress's index.php, as Apache's rewrite rule
 * does for pretty permalinks. ABSPATH is this site's folder (where the symlinks to Debian's
 * WordPress and our wp-config.php are), so WordPress never reads /etc/wordpress.
 */
define('ABSPATH', $_SERVER['DOCUMENT_ROOT'] . '/');

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
