using System.Collections.Immutable;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// Site chrome that themes and plugins print inside a post's body, removed with all it holds:
/// <paramref name="Selector"/> (a <see cref="Html.CssSelector"/>, often a comma list), the theme
/// or plugin whose markup it matches, and why it is not the post's.
/// </summary>
public sealed record ChromeRule(string Selector, string From, string Reason);

/// <summary>
/// The chrome table: <see cref="CleaningPolicy.ChromeSelectors"/> is made of it, and docs/cleaning.md
/// lists it. Each rule is matched on class or id names the plugin writes, never on words of text,
/// so a post that talks about sharing or related work keeps its words.
/// </summary>
public static class ChromeRules
{
    public static ImmutableArray<ChromeRule> Default { get; } =
    [
        // The post's own header and footer, printed inside the body when a theme's body is the whole <article>.
        new(".entry-header, .entry-title", "WordPress themes (_s, Twenty *, Astra, GeneratePress, Genesis…)", "the headline, repeated: the feed item has the title"),
        new(".entry-meta, .post-meta, .byline, .posted-on", "WordPress themes, Divi", "byline and date block"),
        new(".cat-links, .entry-categories", "WordPress themes (Twenty Twenty…)", "the category kicker above the headline"),
        new(".entry-footer", "WordPress themes (_s, Twenty *)", "categories, tags, comment and edit links after the post"),
        new(".tags-links, .post-tags, .entry-tags", "WordPress themes (_s, Twenty *, Astra, OceanWP…)", "the row of the post's tags (\"Tagged …\"), printed inside the body by themes whose body is the whole <article>"),
        new(".elementor-widget-theme-post-title, .elementor-widget-post-info", "Elementor Pro", "the headline and the byline, date and comment count widgets"),
        new(".td-post-header", "Newspaper (tagDiv)", "headline, kicker, byline and date"),
        // Reading time.
        new(".rt-reading-time, .span-reading-time", "Reading Time WP", "\"Reading Time: 4 minutes\""),
        new(".reading-time, .read-time", "themes", "\"4 min read\""),
        // Share buttons.
        new(".sharedaddy, .sd-sharing-enabled, #jp-post-flair", "Jetpack", "share and like buttons"),
        new(".addtoany_share_save_container, .a2a_kit, .addtoany_content", "AddToAny", "share buttons"),
        new(".sharethis-inline-share-buttons", "ShareThis", "share buttons"),
        new(".swp_social_panel", "Social Warfare", "share buttons and counts"),
        new(".heateor_sss_sharing_container", "Sassy Social Share", "share buttons"),
        new(".ssba, .ssba-wrap", "Simple Share Buttons Adder", "share buttons"),
        new(".dpsp-content-wrapper, .dpsp-share-text", "Grow by Mediavine (Social Pug)", "\"Sharing is caring!\" and share counts"),
        new(".shareaholic-canvas", "Shareaholic", "share buttons and related content"),
        new(".et_social_inline", "Monarch (Elegant Themes)", "share buttons"),
        new(".addthis_tool, .addthis_inline_share_toolbox, .at-above-post, .at-below-post", "AddThis", "share buttons"),
        new(".shared-counts-wrap", "Shared Counts", "share buttons and counts"),
        new(".essb_links", "Easy Social Share Buttons", "share buttons"),
        new(".mashsb-container", "MashShare", "share buttons and counts"),
        new(".elementor-widget-share-buttons", "Elementor Pro", "share buttons widget"),
        new(".share-buttons, .social-share", "themes", "share buttons"),
        // Related posts: "Related", "Read also", "You may also like".
        new(".jp-relatedposts", "Jetpack", "related posts"),
        new(".yarpp-related, .yarpp", "Yet Another Related Posts Plugin", "related posts"),
        new(".crp_related", "Contextual Related Posts", "related posts"),
        new(".rp4wp-related-posts", "Related Posts for WordPress", "related posts"),
        new(".related-posts, .related", "themes", "related posts"),
        // "Read more" / "Continue reading" links that point back at the post itself.
        new(".more-link, .more-link-wrap, .read-more, a[href*='#more-']", "WordPress (the_content's more link), themes", "a link to the post itself"),
        // Author boxes at the end.
        new(".author-box", "Genesis", "the author's box"),
        new(".saboxplugin-wrap", "Simple Author Box", "the author's box"),
        new(".about-author, .author-bio, .author-info", "themes (Twenty Twenty, Twenty Sixteen…)", "the author's box"),
        new(".wp-block-post-author", "WordPress blocks", "the author's box"),
        new(".elementor-widget-author-box", "Elementor Pro", "the author's box"),
        new(".pp-multiple-authors-boxes-wrapper", "PublishPress Authors", "the authors' boxes"),
        new(".m-a-box", "Molongui Authorship", "the author's box"),
        new(".abh_box", "Starbox", "the author's box"),
        // Newsletter and contact forms.
        new(".mc4wp-form", "Mailchimp for WordPress", "newsletter form"),
        new(".wpforms-container", "WPForms", "form"),
        new(".wpcf7", "Contact Form 7", "form"),
        new(".jetpack_subscription_widget, .wp-block-jetpack-subscriptions", "Jetpack", "subscription form"),
        new(".mailpoet_form", "MailPoet", "newsletter form"),
        new(".convertkit-form, .formkit-form", "ConvertKit", "newsletter form"),
        new(".et_bloom_inline_form", "Bloom (Elegant Themes)", "newsletter form"),
        new(".tnp-subscription", "Newsletter", "newsletter form"),
        new(".ml-form-embedContainer", "MailerLite", "newsletter form"),
        new(".sib-form", "Brevo (Sendinblue)", "newsletter form"),
        // Cookie boxes.
        new("#cookie-notice", "Cookie Notice", "cookie box"),
        new("#cookie-law-info-bar", "GDPR Cookie Consent (CookieLawInfo)", "cookie box"),
        new(".cky-consent-container", "CookieYes", "cookie box"),
        new(".cmplz-cookiebanner", "Complianz", "cookie box"),
        // Comment counts and forms.
        new("#comments, .comments-area", "WordPress themes", "the comments and their count"),
        new("#respond, .comment-respond", "WordPress", "the comment form"),
        new(".comments-link", "WordPress themes", "\"Leave a comment\", \"3 Comments\""),
        // Post navigation.
        new(".post-navigation, .wp-block-post-navigation-link", "WordPress", "links to the previous and next posts"),
        new(".elementor-widget-post-navigation", "Elementor Pro", "links to the previous and next posts"),
        // Text hidden on the page for screen readers ("(opens in a new tab)", "Continue reading <title>").
        new(".screen-reader-text", "WordPress", "text only screen readers speak"),
    ];
}
