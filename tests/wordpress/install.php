<?php
/*
 * Installs the test site and fills it with the seed posts, through WordPress's own functions:
 * `php install.php DIR` (wordpress.sh start runs it; the seeds folder is $CXFEED_SEEDS).
 * Each seed post keeps its id (import_id), dates, author, categories, tags and featured image;
 * a few get what the seed pages cannot show: a manual excerpt, and one a gallery.
 */
define('WP_INSTALLING', true);
define('WP_IMPORTING', true); // no pings queued for the posts of the past
require __DIR__ . '/load.php';
require __DIR__ . '/seeds.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

/** Manual excerpts the author wrote (in the blog's voice; the seed pages show none). */
const CXFEED_MANUAL_EXCERPTS = [
    4687 => 'Hiring for CX? Look for someone who knows how to change an organization, not only how to run a survey.',
    4012 => 'The pandemic rewrote B2C journeys overnight. Cleanliness is now part of the experience you deliver.',
    1412 => 'Your CEO cares about growth and competitive advantage. If your CX work talks about tasks instead, it will be overlooked.',
];

/** The post whose content ends with a gallery, and the gallery's images (uploads-relative, width, height). */
const CXFEED_GALLERY_POST = 1395;
const CXFEED_GALLERY = [
    ['2017/05/scorecard-retention.jpg', 800, 533, 'Retention by customer segment'],
    ['2017/05/scorecard-share-of-wallet.jpg', 800, 533, 'Share of wallet over two years'],
    ['2017/05/scorecard-activity-measures.jpg', 800, 533, 'Activity measures that say little'],
];

wp_install('Heart of the Customer', 'jimtincher', 'jim@heartofthecustomer.example', true, '', 'cxfeed-test-password');
$author = get_user_by('login', 'jimtincher');
wp_update_user(['ID' => $author->ID, 'display_name' => 'Jim Tincher', 'first_name' => 'Jim', 'last_name' => 'Tincher', 'nickname' => 'Jim Tincher', 'user_nicename' => 'jim-tincher']);
wp_set_current_user($author->ID); // an administrator: his markup is kept as written (unfiltered_html)

// What wp_install leaves behind that the blog does not have.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $sample) {
    wp_delete_post($sample->ID, true);
}

update_option('blogdescription', 'B2B Customer Experience and Journey Mapping');
update_option('timezone_string', 'America/Chicago');
update_option('permalink_structure', '/%postname%/');
update_option('default_pingback_flag', 0);
update_option('default_ping_status', 'closed');
update_option('ping_sites', '');
update_option('blog_public', 1);
flush_rewrite_rules();

$seeds = cxfeed_seed_posts(getenv('CXFEED_SEEDS') ?: dirname(__DIR__, 2) . '/seeds/posts');
foreach ($seeds as $seed) {
    $id = wp_insert_post([
        'import_id' => $seed['id'],
        'post_type' => 'post',
        'post_status' => 'publish',
        'post_author' => $author->ID,
        'post_title' => $seed['title'],
        'post_name' => $seed['slug'],
        'post_content' => $seed['content'],
        'post_excerpt' => CXFEED_MANUAL_EXCERPTS[$seed['id']] ?? '',
        'post_date' => $seed['date'],
        'post_date_gmt' => $seed['date_gmt'],
        // The editor creates a post as an auto-draft first, so its guid is the ?p=ID form.
        'guid' => 'https://www.heartofthecustomer.com/?p=' . $seed['id'],
        'comment_status' => 'closed',
        'ping_status' => 'closed',
    ], true);
    if (is_wp_error($id) || $id !== $seed['id']) {
        fwrite(STDERR, "{$seed['source']}: not inserted as post {$seed['id']}: " . (is_wp_error($id) ? $id->get_error_message() : "got id $id") . "\n");
        exit(1);
    }
    wp_set_post_terms($id, cxfeed_term_ids($seed['categories'], 'category'), 'category');
    wp_set_post_terms($id, $seed['tags'], 'post_tag');
}

// Attachments: first those the content names by id (a caption's image), then the featured images
// and the gallery, which take the ids after the newest post.
foreach ($seeds as $seed) {
    if (preg_match_all('/\[caption id="attachment_(\d+)"[^\]]*\]<img [^>]*src="[^"]*\/wp-content\/uploads\/([^"]+)"[^>]*width="(\d+)" height="(\d+)"/', $seed['content'], $captions, PREG_SET_ORDER)) {
        foreach ($captions as [, $attachment, $file, $width, $height]) {
            cxfeed_attachment($seed['id'], $file, (int) $width, (int) $height, 'image/png', '', $seed['date'], (int) $attachment);
        }
    }
}
foreach ($seeds as $seed) {
    if ($seed['image'] !== null) {
        set_post_thumbnail($seed['id'], cxfeed_attachment($seed['id'], $seed['image']['file'], $seed['image']['width'], $seed['image']['height'], $seed['image']['type'], $seed['image']['alt'], $seed['date']));
    }
}
$gallery = [];
foreach (CXFEED_GALLERY as [$file, $width, $height, $caption]) {
    $gallery[] = $attachment = cxfeed_attachment(CXFEED_GALLERY_POST, $file, $width, $height, 'image/jpeg', $caption, get_post(CXFEED_GALLERY_POST)->post_date);
    wp_update_post(['ID' => $attachment, 'post_excerpt' => $caption]);
}
$post = get_post(CXFEED_GALLERY_POST);
wp_update_post(['ID' => $post->ID, 'post_content' => $post->post_content . "\n" . '[gallery ids="' . implode(',', $gallery) . '" columns="3" link="file"]']);

// WordPress stamps every insert and update with the present; the blog's posts were modified when they were.
foreach ($seeds as $seed) {
    $GLOBALS['wpdb']->update($GLOBALS['wpdb']->posts, [
        'post_modified' => $seed['modified'] ?? $seed['date'],
        'post_modified_gmt' => $seed['modified_gmt'] ?? $seed['date_gmt'],
    ], ['ID' => $seed['id']]);
    clean_post_cache($seed['id']);
}

printf("%d posts\n", count($seeds));

/** Category ids by name, created where missing (wp_set_post_terms takes ids for hierarchical taxonomies). */
function cxfeed_term_ids(array $names, string $taxonomy): array
{
    $ids = [];
    foreach ($names as $name) {
        $term = term_exists($name, $taxonomy) ?: wp_insert_term($name, $taxonomy);
        $ids[] = (int) $term['term_id'];
    }
    return $ids;
}

/** An attachment for an image in the blog's uploads (the file itself is not needed: nothing here serves it). */
function cxfeed_attachment(int $parent, string $file, int $width, int $height, string $type, string $alt, string $date, int $id = 0): int
{
    $attachment = wp_insert_attachment([
        'import_id' => $id,
        'post_mime_type' => $type,
        'post_title' => pathinfo($file, PATHINFO_FILENAME),
        'post_status' => 'inherit',
        'post_date' => $date,
        'guid' => 'https://www.heartofthecustomer.com/wp-content/uploads/' . $file,
    ], $file, $parent, true);
    if (is_wp_error($attachment)) {
        fwrite(STDERR, "attachment $file: " . $attachment->get_error_message() . "\n");
        exit(1);
    }
    wp_update_attachment_metadata($attachment, ['width' => $width, 'height' => $height, 'file' => $file, 'sizes' => []]);
    if ($alt !== '') {
        update_post_meta($attachment, '_wp_attachment_image_alt', $alt);
    }
    return $attachment;
}
