<?php
/*
 * Reads the seed pages (seeds/posts/*.html) back into what their author wrote in WordPress: title,
 * slug, id, dates, categories, tags, featured image and the post's content as it is stored
 * (lazy-loading undone, the theme's "Read more" and share/related blocks gone, WordPress's
 * span#more-ID back to <!--more-->, a div.wp-caption back to its [caption] shortcode).
 */

/** Post ids for the four seed pages that leak none (no shortlink): unused ids near their dates. */
const CXFEED_SEED_IDS_NOT_ON_THE_PAGE = [
    'dont-go-the-extra-mile-in-the-wrong-direction' => 4530,
    'unmask-the-power-of-social-proof' => 4101,
    'the-bots-are-coming' => 2640,
    'interview-building-a-world-class-cx-capability' => 2100,
];

/** Classes of the blocks a theme or plugin adds to a post when it shows it; not the author's. */
const CXFEED_ADDED_BY_THE_THEME = ['sharedaddy', 'jp-relatedposts', 'addtoany_share_save_container', 'yarpp-related', 'read-more', 'more-link-wrap', 'more-link'];

/** @return list<array<string,mixed>> the seed posts, oldest first */
function cxfeed_seed_posts(string $folder): array
{
    $posts = [];
    foreach (glob(rtrim($folder, '/') . '/*.html') as $file) {
        $posts[] = cxfeed_seed_post($file);
    }
    usort($posts, fn($a, $b) => strcmp($a['date_gmt'], $b['date_gmt']));
    return $posts;
}

function cxfeed_seed_post(string $file): array
{
    $html = file_get_contents($file);
    if (preg_match('/<meta[^>]+charset=["\']?windows-1252/i', $html)) {
        $html = preg_replace('/charset=(["\']?)windows-1252/i', 'charset=$1utf-8', iconv('Windows-1252', 'UTF-8', $html));
    }
    // libxml's HTML parser drops the prefix of Word's <o:p> and would make it a <p>: keep it aside.
    $html = str_replace(['<o:p>', '</o:p>'], ['<cxfeed-o-p>', '</cxfeed-o-p>'], $html);
    $document = new DOMDocument();
    libxml_use_internal_errors(true);
    $document->loadHTML('<?xml encoding="UTF-8">' . $html, LIBXML_NONET);
    libxml_clear_errors();
    $x = new DOMXPath($document);
    $meta = fn(string $property) => $x->evaluate("string(//meta[@property='$property']/@content)");

    $canonical = $x->evaluate("string(//link[@rel='canonical']/@href)");
    $slug = basename(parse_url($canonical, PHP_URL_PATH));
    $shortlink = $x->evaluate("string(//link[@rel='shortlink']/@href)");
    $id = preg_match('/[?&]p=(\d+)/', $shortlink, $m) ? (int) $m[1] : (CXFEED_SEED_IDS_NOT_ON_THE_PAGE[$slug] ?? null);
    if ($id === null) {
        throw new RuntimeException("$file: no shortlink and no id in CXFEED_SEED_IDS_NOT_ON_THE_PAGE");
    }

    $title = preg_replace('/\s+(–|\|)\s+Heart of the Customer$/u', '', trim($x->evaluate('string(//title)')));
    $published = $meta('article:published_time') ?: $x->evaluate('string((//time[@datetime])[1]/@datetime)');
    $modified = $meta('article:modified_time');
    $zone = new DateTimeZone('America/Chicago');
    $date = fn(string $text) => (new DateTimeImmutable($text, $zone))->setTimezone($zone);

    $image = null;
    $imageUrl = $meta('og:image');
    // Where the page states no og:image, the theme's featured image (img.wp-post-image) is it.
    $thumbnail = $x->query("//img[contains(concat(' ', normalize-space(@class), ' '), ' wp-post-image ')]")->item(0);
    if ($imageUrl === '' && $thumbnail !== null) {
        $imageUrl = $thumbnail->getAttribute('src');
    }
    if (preg_match('~^https://www\.heartofthecustomer\.com/wp-content/uploads/(.+)$~', $imageUrl, $m)) {
        $fromMeta = $meta('og:image') !== '';
        $image = [
            'file' => $m[1],
            'width' => (int) ($fromMeta ? $meta('og:image:width') : $thumbnail->getAttribute('width')),
            'height' => (int) ($fromMeta ? $meta('og:image:height') : $thumbnail->getAttribute('height')),
            'type' => $meta('og:image:type') ?: 'image/' . (str_ends_with($m[1], '.png') ? 'png' : 'jpeg'),
            'alt' => $fromMeta ? $meta('og:image:alt') : $thumbnail->getAttribute('alt'),
        ];
    }

    return [
        'source' => basename($file),
        'id' => $id,
        'slug' => $slug,
        'title' => $title,
        'date' => $date($published)->format('Y-m-d H:i:s'),
        'date_gmt' => $date($published)->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d H:i:s'),
        'modified' => $modified ? $date($modified)->format('Y-m-d H:i:s') : null,
        'modified_gmt' => $modified ? $date($modified)->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d H:i:s') : null,
        'categories' => cxfeed_distinct($x->query("//a[contains(concat(' ', normalize-space(@rel), ' '), ' category ')]")),
        'tags' => cxfeed_distinct($x->query("//a[@rel='tag']")),
        'image' => $image,
        'content' => cxfeed_seed_content($document, $x, basename($file)),
    ];
}

/** The texts of the links, once each, compared case-insensitively as WordPress compares term names. */
function cxfeed_distinct(DOMNodeList $links): array
{
    $seen = [];
    foreach ($links as $link) {
        $name = ltrim(trim($link->textContent), "#"); // some themes print tags as hashtags
        $seen[strtolower($name)] ??= $name; // the names are ASCII
    }
    return array_values($seen);
}

function cxfeed_has_class(DOMElement $element, string $class): bool
{
    return in_array($class, preg_split('/\s+/', $element->getAttribute('class')), true);
}

function cxfeed_seed_content(DOMDocument $document, DOMXPath $x, string $file): string
{
    $body = null;
    foreach (["//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')]", '//article', '//main'] as $query) {
        if (($body = $x->query($query)->item(0)) !== null) {
            break;
        }
    }
    if ($body === null) {
        throw new RuntimeException("$file: no .entry-content, article or main");
    }

    foreach (iterator_to_array($x->query('.//*[@class]', $body)) as $element) {
        foreach (CXFEED_ADDED_BY_THE_THEME as $class) {
            if ($element->parentNode !== null && cxfeed_has_class($element, $class)) {
                cxfeed_remove($element);
                break;
            }
        }
    }
    foreach (iterator_to_array($x->query('.//noscript', $body)) as $copy) {
        cxfeed_remove($copy);
    }
    foreach (iterator_to_array($x->query('.//img', $body)) as $img) {
        cxfeed_unlazy($img);
    }
    foreach (iterator_to_array($x->query(".//span[starts-with(@id, 'more-')]", $body)) as $more) {
        $more->parentNode->replaceChild($document->createComment('more'), $more);
    }
    $shortcodes = [];
    foreach (iterator_to_array($x->query(".//div[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption ')]", $body)) as $caption) {
        cxfeed_caption_shortcode($document, $x, $caption, $shortcodes);
    }

    $html = '';
    foreach ($body->childNodes as $child) {
        $html .= $document->saveHTML($child);
    }
    $html = strtr($html, $shortcodes + ['<cxfeed-o-p>' => '<o:p>', '</cxfeed-o-p>' => '</o:p>']);
    // Paragraph by paragraph, as the editor stores them: wpautop turns a newline inside a
    // paragraph into <br>, so no block keeps one.
    $html = preg_replace('/\s*\n\s*/', "\n", trim($html));
    return preg_replace('/[ \t]+(<\/p>)/', '$1', $html);
}

/** Removes an element; a link removed from the end of a paragraph takes the space before it along. */
function cxfeed_remove(DOMNode $node): void
{
    $before = $node->previousSibling;
    $parent = $node->parentNode;
    $parent->removeChild($node);
    if ($before instanceof DOMText && $before->nextSibling === null) {
        $before->data = rtrim($before->data);
    }
    if ($parent instanceof DOMElement && $parent->nodeName === 'p' && trim($parent->textContent) === '' && $parent->getElementsByTagName('img')->length === 0) {
        $parent->parentNode?->removeChild($parent);
    }
}

/** Puts back the image the author inserted, where a lazy-loading plugin moved its address aside. */
function cxfeed_unlazy(DOMElement $img): void
{
    foreach (['data-lazy-src', 'data-src'] as $name) {
        if ($img->getAttribute($name) !== '') {
            $img->setAttribute('src', $img->getAttribute($name));
        }
    }
    foreach (['data-lazy-srcset', 'data-srcset'] as $name) {
        if ($img->getAttribute($name) !== '') {
            $img->setAttribute('srcset', $img->getAttribute($name));
        }
    }
    foreach (iterator_to_array($img->attributes) as $attribute) {
        if (str_starts_with($attribute->name, 'data-') || ($attribute->name === 'srcset' && trim($attribute->value) === '')) {
            $img->removeAttribute($attribute->name);
        }
    }
    foreach (['src', 'srcset'] as $name) {
        if (str_contains($img->getAttribute($name), '//')) {
            $img->setAttribute($name, preg_replace('~(^|,\s*)//~', '$1https://', $img->getAttribute($name)));
        }
    }
    $classes = array_diff(preg_split('/\s+/', trim($img->getAttribute('class'))), ['lazy', 'lazyload', 'lazy-hidden', 'lazyloaded', 'litespeed-loaded', 'jetpack-lazy-image']);
    $classes === [] || $classes === [''] ? $img->removeAttribute('class') : $img->setAttribute('class', implode(' ', $classes));
}

/** div.wp-caption is how WordPress shows [caption]; the post stores the shortcode. */
function cxfeed_caption_shortcode(DOMDocument $document, DOMXPath $x, DOMElement $caption, array &$shortcodes): void
{
    $img = $x->query('.//img', $caption)->item(0);
    $text = $x->query(".//*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')]", $caption)->item(0);
    if ($img === null || $text === null) {
        return;
    }
    $img->removeAttribute('aria-describedby');
    $align = 'alignnone';
    foreach (['alignleft', 'alignright', 'aligncenter'] as $class) {
        if (cxfeed_has_class($caption, $class)) {
            $align = $class;
        }
    }
    $inner = '';
    foreach ($text->childNodes as $child) {
        $inner .= $document->saveHTML($child);
    }
    $shortcode = sprintf('[caption id="%s" align="%s" width="%d"]%s %s[/caption]',
        $caption->getAttribute('id'), $align, (int) $img->getAttribute('width'), $document->saveHTML($img), $inner);
    // A shortcode holds markup as text; it goes in after serialisation, in place of a marker.
    $marker = 'cxfeed-shortcode-' . count($shortcodes);
    $shortcodes[$marker] = $shortcode;
    $caption->parentNode->replaceChild($document->createTextNode($marker), $caption);
}
