<?php
/*
 * Serves the test site with one of Debian's WordPress themes (the wordpress-theme-* packages):
 * `php theme.php DIR NAME` links /usr/share/wordpress/wp-content/themes/NAME into the site's
 * wp-content/themes and switches to it (switch_theme). Prints {"theme": NAME}; exit 3 when the
 * theme is not installed.
 */
require __DIR__ . '/load.php';

$name = $argv[2] ?? '';
$installed = '/usr/share/wordpress/wp-content/themes/' . $name;
if ($name === '' || !preg_match('/^[a-z0-9-]+$/', $name) || !is_dir($installed)) {
    fwrite(STDERR, "missing: wordpress-theme-$name ($installed)\n");
    exit(3);
}
$link = ABSPATH . 'wp-content/themes/' . $name;
if (!file_exists($link) && !symlink($installed, $link)) {
    fwrite(STDERR, "could not link $installed into the site\n");
    exit(1);
}
wp_clean_themes_cache();
switch_theme($name);
if (get_stylesheet() !== $name) {
    fwrite(STDERR, "switch_theme($name) did not take: the theme is " . get_stylesheet() . "\n");
    exit(1);
}
echo json_encode(['theme' => $name]), "\n";
