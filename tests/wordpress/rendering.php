<?php
/*
 * Adds to the test site the posts that exercise how WordPress renders what an author typed in the
 * classic editor (and one block post): `php rendering.php DIR` after `wordpress.sh start DIR`.
 * Through WordPress's own functions, as the editor saves them: blank-line paragraphs and single
 * line breaks, lists, a pre block with blank lines inside, captions with and without a link, a
 * gallery of attached images, [embed] and bare URLs alone on a line, nested shortcodes (a plugin's
 * wrapping shortcode around core ones), a more marker with its own text, escaped shortcodes,
 * Gutenberg block comments, and the straight quotes, dashes and ellipses wptexturize curls.
 * The seed site keeps its 20 posts unless this runs: only the tests of the export read these.
 *
 * The plugin shortcode [cxfeed_members] stands for a plugin's wrapper that shows what it wraps
 * (a membership or language plugin): mu-plugins/cxfeed-rendering.php registers it, and gives the
 * blog HTML5 captions and galleries, as the default themes do.
 * Prints the new posts' ids as JSON.
 */
require __DIR__ . '/load.php';

$author = get_user_by('login', 'jimtincher');
wp_set_current_user($author->ID); // an administrator: his markup is kept as written (unfiltered_html)
copy(__DIR__ . '/site/cxfeed-rendering.php', ABSPATH . 'wp-content/mu-plugins/cxfeed-rendering.php');

$category = (int) (term_exists('Customer Experience', 'category') ?: wp_insert_term('Customer Experience', 'category'))['term_id'];
$upload = 'https://www.heartofthecustomer.com/wp-content/uploads/';

/** A post as the editor saves it; the caller's id, terms, date. */
function cxfeed_rendering_post(int $id, string $slug, string $title, string $date, string $content, int $category, array $tags): int
{
    $zone = new DateTimeZone('America/Chicago');
    $local = new DateTimeImmutable($date, $zone);
    $result = wp_insert_post([
        'import_id' => $id,
        'post_type' => 'post',
        'post_status' => 'publish',
        'post_author' => get_current_user_id(),
        'post_title' => $title,
        'post_name' => $slug,
        'post_content' => $content,
        'post_date' => $local->format('Y-m-d H:i:s'),
        'post_date_gmt' => $local->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d H:i:s'),
        'guid' => 'https://www.heartofthecustomer.com/?p=' . $id,
        'comment_status' => 'closed',
        'ping_status' => 'closed',
        'post_category' => [$category],
        'tags_input' => $tags,
    ], true);
    if (is_wp_error($result) || $result !== $id) {
        fwrite(STDERR, "post $id: " . (is_wp_error($result) ? $result->get_error_message() : "got id $result") . "\n");
        exit(1);
    }
    return $id;
}

/** An image attachment of a post (the file itself is not needed: nothing here serves it). */
function cxfeed_rendering_image(int $id, int $parent, string $file, int $width, int $height, string $caption, string $alt): int
{
    $attachment = wp_insert_attachment([
        'import_id' => $id,
        'post_mime_type' => 'image/jpeg',
        'post_title' => pathinfo($file, PATHINFO_FILENAME),
        'post_excerpt' => $caption,
        'post_status' => 'inherit',
        'guid' => 'https://www.heartofthecustomer.com/wp-content/uploads/' . $file,
    ], $file, $parent, true);
    if (is_wp_error($attachment) || $attachment !== $id) {
        fwrite(STDERR, "attachment $file: " . (is_wp_error($attachment) ? $attachment->get_error_message() : "got id $attachment") . "\n");
        exit(1);
    }
    wp_update_attachment_metadata($attachment, ['width' => $width, 'height' => $height, 'file' => $file, 'sizes' => []]);
    update_post_meta($attachment, '_wp_attachment_image_alt', $alt);
    return $attachment;
}

$ids = [];

$ids[] = cxfeed_rendering_post(9101, 'what-a-journey-map-is-not', 'What a journey map is "not" -- and what it is...', '2023-03-14 09:30:00', <<<HTML
A journey map is not a process map. It's the customer's story, told from the customer's side -- and that's the point.
Most teams start from the "inside out" view... and stop there.

We've seen three mistakes over and over:

<ul>
<li>Mapping what the company does, not what the customer feels.</li>
<li>Skipping the research: "we already know our customers."</li>
<li>Building a poster nobody uses - the 'wall art' problem.</li>
</ul>

<!--more Read the three fixes-->

The fixes are simple, if not easy.

<ol>
<li>Talk to customers first.
Then talk to them again.</li>
<li>Map the emotions, not only the steps.</li>
</ol>

<h2>A template you can copy</h2>

<pre>Stage:     Aware → Consider → Buy

Feeling:   curious   "unsure"   relieved
Evidence:  interviews -- 12 of them</pre>

The template's rows are what we use in workshops; it's 1990's-style simple, and it works in 9 out of 10 teams.

<blockquote>A map that sits on a wall changed nothing.
It has to change a decision.</blockquote>

Write to us about yours.
HTML, $category, ['journey mapping', 'rendering']);

$ids[] = cxfeed_rendering_post(9102, 'three-charts-for-your-ceo', 'Three charts for your CEO', '2023-04-04 10:00:00', 'placeholder', $category, ['metrics', 'rendering']);
$captionLinked = cxfeed_rendering_image(9111, 9102, '2023/04/retention-curve.jpg', 640, 360, 'Retention by cohort', 'Retention curve by cohort');
$captionPlain = cxfeed_rendering_image(9112, 9102, '2023/04/nps-trend.jpg', 480, 320, 'NPS over two years', 'NPS trend');
$galleryOne = cxfeed_rendering_image(9113, 9102, '2023/04/wallet-share.jpg', 800, 533, 'Share of wallet', 'Share of wallet by segment');
$galleryTwo = cxfeed_rendering_image(9114, 9102, '2023/04/effort-score.jpg', 800, 533, 'Customer effort', 'Customer effort score by channel');
wp_update_post(['ID' => 9102, 'post_content' => <<<HTML
Your CEO does not need another dashboard. She needs three charts.

[caption id="attachment_$captionLinked" align="aligncenter" width="640"]<a href="{$upload}2023/04/retention-curve.jpg"><img class="size-full wp-image-$captionLinked" src="{$upload}2023/04/retention-curve.jpg" alt="Retention curve by cohort" width="640" height="360" /></a> Retention by cohort: the first 90 days decide.[/caption]

The first shows retention. The second shows what customers say about you.

[caption id="attachment_$captionPlain" align="alignright" width="480"]<img class="size-full wp-image-$captionPlain" src="{$upload}2023/04/nps-trend.jpg" alt="NPS trend" width="480" height="320" /> NPS over two years[/caption]

The third is the one most teams never build: where the money goes.

[gallery ids="$galleryOne,$galleryTwo" columns="2" link="file"]

Put these three in front of her every quarter.
HTML]);

$ids[] = cxfeed_rendering_post(9103, 'watch-the-webinar', 'Watch the webinar', '2023-05-09 08:15:00', <<<HTML
We recorded last month's webinar on B2B journeys.

[embed]https://www.youtube.com/watch?v=cxfeed9103[/embed]

The slides are on SlideShare, and the Q&amp;A follow-up is here:

https://vimeo.com/9103000

https://www.heartofthecustomer.com/contact/

[cxfeed_members]Members also get the workbook:

[caption id="attachment_9112" align="alignnone" width="480"]<img class="size-full wp-image-9112" src="{$upload}2023/04/nps-trend.jpg" alt="NPS trend" width="480" height="320" /> The workbook's first page[/caption]

Ask us for the code.[/cxfeed_members]

To show a gallery in your own post, write [[gallery]]; for a caption, [[caption]]text[[/caption]].
HTML, $category, ['webinar', 'rendering']);

$ids[] = cxfeed_rendering_post(9104, 'journey-mapping-in-blocks', 'Journey mapping, in blocks', '2023-06-20 11:45:00', <<<HTML
<!-- wp:paragraph -->
<p>This post was written in the block editor. It's "modern" -- or so they say...</p>
<!-- /wp:paragraph -->

<!-- wp:list -->
<ul><li>Blocks keep their own markup.</li><li>No paragraphs are added.</li></ul>
<!-- /wp:list -->

<!-- wp:more {"customText":"Keep reading"} -->
<!--more Keep reading-->
<!-- /wp:more -->

<!-- wp:heading -->
<h2>After the break</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>A second paragraph, with a line
that the editor kept.</p>
<!-- /wp:paragraph -->
HTML, $category, ['blocks', 'rendering']);

// Each post last modified when it was written, and the block post last of all: WordPress 6.1
// renders the posts of one REST listing one after the other, and after a block post its
// do_blocks() puts wpautop back *after* shortcode_unautop (_restore_wpautop_hook), so a classic
// post rendered after it in the same request gets its lone shortcodes wrapped in <p>
// (<p><figure …></figure></p>), which that post's own page and its single REST request do not
// show. Last by id and by modification (the orders cxfeed lists in), it changes no other post.
foreach ($ids as $id) {
    $modified = $id === 9104 ? '2023-07-01 09:00:00' : get_post($id)->post_date;
    $GLOBALS['wpdb']->update($GLOBALS['wpdb']->posts, [
        'post_modified' => $modified,
        'post_modified_gmt' => get_gmt_from_date($modified),
    ], ['ID' => $id]);
    clean_post_cache($id);
}

echo json_encode($ids), "\n";
