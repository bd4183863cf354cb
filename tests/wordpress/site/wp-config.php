<?php
/*
 * The test site's configuration, copied into the site folder by wordpress.sh. Everything it needs
 * is beside it: the database socket in ../run, the content in ./wp-content. The site's address is
 * the real blog's, so every link and shortlink WordPress prints is the seed pages' own, while the
 * tests reach it at http://127.0.0.1:PORT (the mu-plugin cxfeed-test-site.php).
 */
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . dirname(__DIR__) . '/run/mariadb.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');

define('WP_HOME', 'https://www.heartofthecustomer.com');
define('WP_SITEURL', 'https://www.heartofthecustomer.com');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');

// Fixed keys: a throw-away site on a private socket.
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, 'cxfeed-test-' . $key);
}

// No network but 127.0.0.1 (where cxfeed listens for the Update Services ping); no cron spawned
// over HTTP (the tests run what cron would run); no updates.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_DEBUG', false);

// Behind a proxy that ends TLS, as Debian's own wp-config.php allows: the feeds' self links are https.
if (($_SERVER['HTTP_X_FORWARDED_PROTO'] ?? '') === 'https') {
    $_SERVER['HTTPS'] = 'on';
}

$table_prefix = 'wp_';

require_once ABSPATH . 'wp-settings.php';
