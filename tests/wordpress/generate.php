<?php
/*
 * Fills the test site with N more published posts for the benchmark: `php generate.php DIR N`.
 * Each is a realistic post of about 4 KB (paragraphs, a list, an image, links, a more marker), one
 * hour apart going back from 2016, in one of the seed categories, with two tags, through
 * wp_insert_post like any other. Deterministic: the same N gives the same posts.
 */
define('WP_IMPORTING', true);
require __DIR__ . '/load.php';

$count = (int) ($argv[2] ?? 0);
if ($count < 1) {
    fwrite(STDERR, "usage: php generate.php DIR N\n");
    exit(2);
}
wp_set_current_user(get_user_by('login', 'jimtincher')->ID);
wp_defer_term_counting(true);
wp_suspend_cache_invalidation(true);

$categories = [];
foreach (['Customer Experience', 'Journey Mapping', 'B2B', 'CX Strategy', 'CX Data', 'Contact Center'] as $name) {
    $term = term_exists($name, 'category') ?: wp_insert_term($name, 'category');
    $categories[] = (int) $term['term_id'];
}
$words = explode(' ', 'customer journey experience map data team insight loyalty retention survey executive change program touchpoint persona workshop emotion effort value growth');
$start = new DateTimeImmutable('2016-01-01 09:00:00', new DateTimeZone('UTC'));

for ($n = 1; $n <= $count; $n++) {
    $pick = fn(int $k) => $words[($n * 7 + $k * 13) % count($words)];
    $title = sprintf('Generated post %d: the %s of %s %s', $n, $pick(1), $pick(2), $pick(3));
    $paragraphs = [];
    for ($p = 0; $p < 6; $p++) {
        $paragraphs[] = sprintf('<p>Paragraph %d of post %d. Every %s team wants better %s, but the <a href="https://www.heartofthecustomer.com/%s-%s/">%s work</a> only pays when somebody acts on it. We asked %d leaders what they measure, and the answers – “%s”, “%s” and “%s” – say more about habits than about customers.</p>',
            $p + 1, $n, $pick($p), $pick($p + 1), $pick($p + 2), $pick($p + 3), $pick($p + 4), 10 + ($n + $p) % 90, $pick($p + 5), $pick($p + 6), $pick($p + 7));
        if ($p === 1) {
            $paragraphs[] = '<!--more-->';
            $paragraphs[] = sprintf('<p><img class="aligncenter size-large wp-image-%d" src="https://www.heartofthecustomer.com/wp-content/uploads/2015/12/generated-%d-1024x536.jpg" alt="The %s map" width="1024" height="536" /></p>', 100000 + $n, $n, $pick(8));
            $paragraphs[] = sprintf('<ul><li>Start with the %s.</li><li>Ask about %s.</li><li>Close the loop on %s.</li></ul>', $pick(9), $pick(10), $pick(11));
        }
    }
    $date = $start->sub(new DateInterval('PT' . $n . 'H'));
    $id = wp_insert_post([
        'post_status' => 'publish',
        'post_title' => $title,
        'post_content' => implode("\n", $paragraphs),
        'post_date_gmt' => $date->format('Y-m-d H:i:s'),
        'post_date' => get_date_from_gmt($date->format('Y-m-d H:i:s')),
        'post_category' => [$categories[$n % count($categories)]],
        'tags_input' => [$pick(12), $pick(13)],
        'comment_status' => 'closed',
        'ping_status' => 'closed',
    ], true);
    if (is_wp_error($id)) {
        fwrite(STDERR, "generated post $n: " . $id->get_error_message() . "\n");
        exit(1);
    }
    if ($n % 1000 === 0) {
        fwrite(STDERR, "$n posts\n");
    }
}
wp_defer_term_counting(false);
printf("%d posts generated\n", $count);
