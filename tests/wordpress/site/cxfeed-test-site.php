<?php
/*
 * Plugin Name: CxFeed test site
 * Description: The blog's address is https://www.heartofthecustomer.com, but the tests reach this
 * copy at http://127.0.0.1:PORT, as a staging copy behind another name would be. Links, shortlinks
 * and feeds keep the blog's address; only the addresses a client must follow to reach this copy
 * (the REST API's root, its paging links, the discovery header) name the address it was asked at.
 */

function cxfeed_test_reached_at(string $url): string
{
    $host = $_SERVER['HTTP_HOST'] ?? '';
    if ($host === '' || !preg_match('/^127\.0\.0\.1:\d+$/', $host)) {
        return $url;
    }
    $home = untrailingslashit(get_option('home'));
    return str_starts_with($url, $home) ? 'http://' . $host . substr($url, strlen($home)) : $url;
}

add_filter('rest_url', 'cxfeed_test_reached_at');

// WordPress would send every request for another host to the blog's own address.
remove_action('template_redirect', 'redirect_canonical');

// A test site sends no mail (wp_install would announce the new site).
add_filter('pre_wp_mail', '__return_false');
