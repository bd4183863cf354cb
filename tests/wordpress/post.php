<?php
/*
 * What an author does in the test site, through WordPress's own functions, as the admin screens do:
 *
 *   php post.php DIR publish ID TITLE     publishes a new post with that id (now, by Jim Tincher, in
 *                                         "Customer Experience", tagged "live"), then runs what
 *                                         wp-cron runs after a publish: do_all_pings(), which sends
 *                                         the Update Services ping to every address in ping_sites
 *   php post.php DIR edit ID TITLE        gives the post a new title and a new last paragraph
 *   php post.php DIR unpublish ID         back to draft
 *   php post.php DIR trash ID             to the trash
 *   php post.php DIR ping-sites [URL...]  Settings → Writing → Update Services: the addresses pinged
 *
 * Each prints the post as JSON (id, status, link, title, modified_gmt), or the ping_sites option.
 */
require __DIR__ . '/load.php';

[$command, $id, $title] = array_pad(array_slice($argv, 2), 3, null);
wp_set_current_user(get_user_by('login', 'jimtincher')->ID);

switch ($command) {
    case 'publish':
        $result = wp_insert_post([
            'import_id' => (int) $id,
            'guid' => home_url('/?p=' . (int) $id), // as the editor's auto-draft leaves it
            'post_status' => 'publish',
            'post_title' => $title,
            'post_content' => "<p>This post was published while CxFeed was watching: $title.</p>\n<p>It has a second paragraph, so that its excerpt has something to cut.</p>",
            'post_category' => [cxfeed_category('Customer Experience')],
            'tags_input' => ['live'],
        ], true);
        cxfeed_check($result, (int) $id);
        // wp-cron's do_pings event, which _publish_post_hook scheduled; this site runs no cron.
        wp_unschedule_hook('do_pings');
        do_all_pings();
        break;
    case 'edit':
        $post = cxfeed_post((int) $id);
        cxfeed_check(wp_update_post(['ID' => $post->ID, 'post_title' => $title, 'post_content' => $post->post_content . "\n<p>Edited: $title.</p>"], true), $post->ID);
        break;
    case 'unpublish':
        cxfeed_check(wp_update_post(['ID' => cxfeed_post((int) $id)->ID, 'post_status' => 'draft'], true), (int) $id);
        break;
    case 'trash':
        cxfeed_post((int) $id);
        cxfeed_check(wp_trash_post((int) $id) ? (int) $id : new WP_Error('trash', 'not trashed'), (int) $id);
        break;
    case 'ping-sites':
        update_option('ping_sites', implode("\n", array_slice($argv, 3)));
        echo json_encode(['ping_sites' => get_option('ping_sites')]), "\n";
        exit(0);
    default:
        fwrite(STDERR, "usage: php post.php DIR publish ID TITLE | edit ID TITLE | unpublish ID | trash ID | ping-sites [URL...]\n");
        exit(2);
}

$post = get_post((int) $id);
echo json_encode(['id' => $post->ID, 'status' => $post->post_status, 'link' => get_permalink($post), 'title' => $post->post_title, 'modified_gmt' => $post->post_modified_gmt], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";

function cxfeed_post(int $id): WP_Post
{
    $post = get_post($id);
    if (!$post instanceof WP_Post || $post->post_type !== 'post') {
        fwrite(STDERR, "no post $id\n");
        exit(1);
    }
    return $post;
}

function cxfeed_check(int|WP_Error $result, int $id): void
{
    if (is_wp_error($result) || $result !== $id) {
        fwrite(STDERR, "post $id: " . (is_wp_error($result) ? $result->get_error_message() : "got id $result") . "\n");
        exit(1);
    }
}

function cxfeed_category(string $name): int
{
    $term = term_exists($name, 'category') ?: wp_insert_term($name, 'category');
    return (int) $term['term_id'];
}
