<?php
/*
 * WordPress's own export of the test site, as Tools → Export → "All content" writes it:
 * `php export.php DIR FILE` calls export_wp() and writes what it prints to FILE.
 */
require __DIR__ . '/load.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

$file = $argv[2] ?? null;
if ($file === null) {
    fwrite(STDERR, "usage: php export.php DIR FILE\n");
    exit(2);
}
ob_start();
export_wp(['content' => 'all']);
$xml = ob_get_clean();
if ($xml === '' || file_put_contents($file, $xml) === false) {
    fwrite(STDERR, "export: nothing written to $file\n");
    exit(1);
}
echo json_encode(['file' => $file, 'bytes' => strlen($xml)]), "\n";
