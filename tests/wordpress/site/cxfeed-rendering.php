<?php
/*
 * Plugin Name: CxFeed rendering posts
 * Description: What the posts of rendering.php need of a blog (installed by rendering.php only):
 * HTML5 captions and galleries (figure and figcaption), as every default theme since Twenty
 * Fourteen declares them; and [cxfeed_members]…[/cxfeed_members], a plugin's wrapping shortcode
 * that shows what it wraps (as a membership or language plugin does for a reader it lets in), its
 * shortcodes run.
 */
add_action('after_setup_theme', fn() => add_theme_support('html5', ['caption', 'gallery']));
add_shortcode('cxfeed_members', fn($attributes, $content = '') => do_shortcode((string) $content));
