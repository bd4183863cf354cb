using System.Text;
using CxFeed.Core.Content;

namespace CxFeed.Tests.Content;

/// <summary>
/// A single post's page as a WordPress theme (Twenty Seventeen) serves it, head to footer, with
/// the metadata an SEO plugin writes: header, menu, entry header, entry content, entry footer,
/// comments, sidebar and site footer. Each test replaces the part it is about.
/// </summary>
public sealed record WordPressPage
{
    public const string Slug = "journey-mapping-mistakes-to-avoid";

    public const string Url = "https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/";

    public const string Paragraphs = """
        <p>Journey maps are powerful tools. But we&#8217;ve seen them go wrong in a few predictable ways.</p>
        <p>First, a map built without talking to customers is a map of your own assumptions.</p>
        """;

    /// <summary>The markup that says the encoding (first in the head).</summary>
    public string Charset { get; init; } = """<meta charset="UTF-8">""";

    /// <summary>The content of <c>&lt;title&gt;</c>; null leaves the element out.</summary>
    public string? TitleTag { get; init; } = "Journey Mapping Mistakes to Avoid &#8211; Heart of the Customer";

    /// <summary>SEO plugin metadata: canonical link, Open Graph and article tags.</summary>
    public string Metadata { get; init; } = $"""
        <link rel="canonical" href="{Url}" />
        <meta property="og:locale" content="en_US" />
        <meta property="og:type" content="article" />
        <meta property="og:title" content="Journey Mapping Mistakes to Avoid - Heart of the Customer" />
        <meta property="og:description" content="Journey maps are powerful tools. But we&#8217;ve seen them go wrong&hellip;" />
        <meta property="og:url" content="{Url}" />
        <meta property="og:site_name" content="Heart of the Customer" />
        <meta property="article:publisher" content="https://www.facebook.com/HeartoftheCustomer" />
        <meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />
        """;

    /// <summary>JSON-LD <c>&lt;script&gt;</c> elements, if any.</summary>
    public string JsonLd { get; init; } = "";

    /// <summary>What WordPress adds to the head after the plugin's block (the shortlink among it).</summary>
    public string Shortlink { get; init; } = """<link rel='shortlink' href='https://www.heartofthecustomer.com/?p=4452' />""";

    public string EntryHeader { get; init; } = """
        <div class="entry-meta"><span class="posted-on"><span class="screen-reader-text">Posted on</span> <a href="https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/" rel="bookmark"><time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time></a></span></div>
        <h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>
        """;

    /// <summary>The inside of <c>div.entry-content</c>; null leaves the div out (the article stays).</summary>
    public string? Content { get; init; } = Paragraphs;

    public string EntryFooter { get; init; } = """
        <span class="cat-tags-links"><span class="cat-links"><span class="screen-reader-text">Categories</span><a href="https://www.heartofthecustomer.com/category/journey-mapping/" rel="category tag">Journey Mapping</a></span><span class="tags-links"><span class="screen-reader-text">Tags</span><a href="https://www.heartofthecustomer.com/tag/journey-mapping/" rel="tag">journey mapping</a>, <a href="https://www.heartofthecustomer.com/tag/living-journey-maps/" rel="tag">living journey maps</a></span></span>
        """;

    /// <summary>Anything the body holds after the site footer (scripts, a cookie banner…).</summary>
    public string AfterFooter { get; init; } = "";

    public string Html => $$"""
        <!DOCTYPE html>
        <html lang="en-US" class="no-js no-svg">
        <head>
        {{Charset}}
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="profile" href="https://gmpg.org/xfn/11">
        {{(TitleTag is null ? "" : $"<title>{TitleTag}</title>")}}
        <!-- This site is optimized with the Yoast SEO plugin v16.4 - https://yoast.com/wordpress/plugins/seo/ -->
        <meta name="robots" content="index, follow, max-snippet:-1, max-image-preview:large, max-video-preview:-1" />
        {{Metadata}}
        {{JsonLd}}
        <!-- / Yoast SEO plugin. -->
        <link rel='dns-prefetch' href='//fonts.googleapis.com' />
        <link rel="alternate" type="application/rss+xml" title="Heart of the Customer &raquo; Feed" href="https://www.heartofthecustomer.com/feed/" />
        <link rel='stylesheet' id='twentyseventeen-style-css' href='https://www.heartofthecustomer.com/wp-content/themes/twentyseventeen/style.css?ver=5.7.2' type='text/css' media='all' />
        <script type='text/javascript' src='https://www.heartofthecustomer.com/wp-includes/js/jquery/jquery.min.js?ver=3.5.1' id='jquery-core-js'></script>
        <link rel="EditURI" type="application/rsd+xml" title="RSD" href="https://www.heartofthecustomer.com/xmlrpc.php?rsd" />
        <meta name="generator" content="WordPress 5.7.2" />
        {{Shortlink}}
        <link rel="icon" href="https://www.heartofthecustomer.com/wp-content/uploads/2019/06/cropped-hotc-icon-32x32.png" sizes="32x32" />
        </head>
        <body class="post-template-default single single-post postid-4452 single-format-standard has-sidebar colors-light">
        <div id="page" class="site">
        	<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
        	<header id="masthead" class="site-header" role="banner">
        		<div class="site-branding"><div class="wrap">
        			<a href="https://www.heartofthecustomer.com/" class="custom-logo-link" rel="home"><img width="250" height="62" src="https://www.heartofthecustomer.com/wp-content/uploads/2019/06/hotc-logo.png" class="custom-logo" alt="Heart of the Customer" /></a>
        			<p class="site-title"><a href="https://www.heartofthecustomer.com/" rel="home">Heart of the Customer</a></p>
        			<p class="site-description">B2B Customer Experience and Journey Mapping</p>
        		</div></div>
        		<div class="navigation-top"><div class="wrap"><nav id="site-navigation" class="main-navigation" role="navigation" aria-label="Top Menu">
        			<button class="menu-toggle" aria-controls="top-menu" aria-expanded="false"><svg class="icon icon-bars" aria-hidden="true" role="img"><use href="#icon-bars" xlink:href="#icon-bars"></use></svg>Menu</button>
        			<div class="menu-main-menu-container"><ul id="top-menu" class="menu"><li id="menu-item-215" class="menu-item"><a href="https://www.heartofthecustomer.com/services/">Services</a></li>
        <li id="menu-item-221" class="menu-item current_page_parent"><a href="https://www.heartofthecustomer.com/blog/">Blog</a></li>
        <li id="menu-item-227" class="menu-item"><a href="https://www.heartofthecustomer.com/contact/">Contact</a></li>
        </ul></div>
        		</nav></div></div>
        	</header>
        	<div class="site-content-contain"><div id="content" class="site-content"><div class="wrap">
        	<div id="primary" class="content-area">
        		<main id="main" class="site-main" role="main">
        <article id="post-4452" class="post-4452 post type-post status-publish format-standard hentry category-journey-mapping">
        	<header class="entry-header">
        {{EntryHeader}}
        	</header>
        {{(Content is null ? "" : $"""
        	<div class="entry-content">
        {Content}
        	</div><!-- .entry-content -->
        """)}}
        	<footer class="entry-footer">{{EntryFooter}}</footer>
        </article><!-- #post-4452 -->
        	<nav class="navigation post-navigation" role="navigation" aria-label="Posts">
        		<h2 class="screen-reader-text">Post navigation</h2>
        		<div class="nav-links"><div class="nav-previous"><a href="https://www.heartofthecustomer.com/backorder-issues-the-high-cost-of-reduced-inventory/" rel="prev"><span class="screen-reader-text">Previous Post</span><span aria-hidden="true" class="nav-subtitle">Previous</span> <span class="nav-title">Backorder Issues: The High Cost of Reduced Inventory</span></a></div></div>
        	</nav>
        <div id="comments" class="comments-area">
        	<h2 class="comments-title">One Reply to &ldquo;Journey Mapping Mistakes to Avoid&rdquo;</h2>
        	<ol class="comment-list">
        		<li id="comment-812" class="comment even thread-even depth-1">
        			<article id="div-comment-812" class="comment-body">
        				<footer class="comment-meta"><div class="comment-author vcard"><b class="fn"><a href="https://example.com/" rel="external nofollow ugc" class="url">Pat Reader</a></b></div>
        				<div class="comment-metadata"><a href="https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/#comment-812"><time datetime="2021-03-17T13:00:00-05:00">March 17, 2021 at 1:00 pm</time></a></div></footer>
        				<div class="comment-content"><p>Great list. We made mistake number two last year.</p></div>
        			</article>
        		</li>
        	</ol>
        </div><!-- #comments -->
        		</main><!-- #main -->
        	</div><!-- #primary -->
        	<aside id="secondary" class="widget-area" role="complementary" aria-label="Blog Sidebar">
        		<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="https://www.heartofthecustomer.com/"><input type="search" class="search-field" placeholder="Search &hellip;" value="" name="s" /><button type="submit" class="search-submit">Search</button></form></section>
        		<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>
        			<li><a href="https://www.heartofthecustomer.com/your-next-cx-hire-shouldnt-be-a-cx-hire/">Your Next CX Hire&#8230;Shouldn&#8217;t Be a CX Hire</a></li>
        			<li><a href="https://www.heartofthecustomer.com/cx-needs-change-management/">CX Needs Change Management</a></li>
        		</ul></section>
        		<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Categories</h2><ul><li class="cat-item cat-item-12"><a href="https://www.heartofthecustomer.com/category/b2b/">B2B</a></li><li class="cat-item cat-item-14"><a href="https://www.heartofthecustomer.com/category/journey-mapping/">Journey Mapping</a></li></ul></section>
        	</aside><!-- #secondary -->
        </div><!-- .wrap --></div><!-- #content -->
        	<footer id="colophon" class="site-footer" role="contentinfo"><div class="wrap"><div class="site-info">&copy; 2021 Heart of the Customer. <a href="https://wordpress.org/" class="imprint">Proudly powered by WordPress</a></div></div></footer>
        </div><!-- .site-content-contain --></div><!-- #page -->
        {{AfterFooter}}
        <script type='text/javascript' src='https://www.heartofthecustomer.com/wp-content/themes/twentyseventeen/assets/js/global.js?ver=1.0' id='twentyseventeen-global-js'></script>
        </body>
        </html>
        """;

    /// <summary>The page in UTF-8 without a byte order mark, as WordPress serves it.</summary>
    public PostPage ToPage(string name = Slug + ".html") => ToPage(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), name);

    /// <summary>The page in <paramref name="encoding"/>, after its byte order mark if it has one.</summary>
    public PostPage ToPage(Encoding encoding, string name = Slug + ".html") =>
        new(name, Address(name), [.. encoding.GetPreamble(), .. encoding.GetBytes(Html)]);

    /// <summary>The page's address as the folder source gives it.</summary>
    public static Uri Address(string name) => new FolderSource(".", SeedPages.Site.BaseUri).AddressOf(name);

    public static implicit operator PostPage(WordPressPage page) => page.ToPage();
}

/// <summary>Reading pages with the seed blog's settings, as the tests need.</summary>
public static class Reader
{
    /// <summary>A page of any bytes, at the address the folder source would give its name.</summary>
    public static PostPage Page(string name, byte[] bytes) => new(name, WordPressPage.Address(name), [.. bytes]);

    public static PostPage Page(string name, string html) => Page(name, Encoding.UTF8.GetBytes(html));

    public static PostReading Read(PostPage page, ContentOptions? content = null) =>
        new PostReader(content ?? new ContentOptions(), SeedPages.Site).Read(page);

    /// <summary>The post of a page that must give one, with no problem.</summary>
    public static Post Post(PostPage page, ContentOptions? content = null)
    {
        var reading = Read(page, content);
        Assert.Empty(reading.Problems);
        return Assert.IsType<Post>(reading.Post);
    }

    public static string[] Reasons(PostReading reading) => [.. reading.Problems.Select(problem => problem.Reason)];
}
