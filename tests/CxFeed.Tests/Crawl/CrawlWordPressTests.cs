using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Content.Crawl;
using CxFeed.Core.Content.WordPress;
using CxFeed.Core.Store;
using CxFeed.Tests.Content;
using CxFeed.Tests.WordPress;

namespace CxFeed.Tests.Crawl;

/// <summary>
/// The crawl of the real WordPress (Debian's, <c>tests/wordpress/</c>, holding the 20 seed posts),
/// served with two of Debian's default themes (the wordpress-theme-* packages: twentytwentyone,
/// classic; twentytwentythree, blocks), gives the same posts as the REST source of the same
/// WordPress: the same ids (the <c>?p=ID</c> shortlink WordPress prints in every theme), titles,
/// dates, links, authors, featured images, and the terms: as categories and tags where the theme
/// tells them apart (twentytwentyone's <c>rel="category tag"</c>), else as the one set of terms a
/// feed carries (the block themes' Post Terms block marks both <c>rel="tag"</c>).
/// </summary>
public sealed class CrawlWordPressTests(WordPressSite wordpress) : IClassFixture<WordPressSite>
{
    private const string Blog = "https://www.heartofthecustomer.com/";

    private static readonly SiteOptions SiteSettings = new() { Title = "Heart of the Customer", BaseUrl = Blog, TimeZone = "America/Chicago" };

    [WordPressThemeFact("twentytwentyone")]
    public Task The_crawl_with_twentytwentyone_gives_the_posts_the_REST_source_gives() => SamePostsAsync("twentytwentyone", termsApart: true);

    [WordPressThemeFact("twentytwentythree")]
    public Task The_crawl_with_twentytwentythree_gives_the_posts_the_REST_source_gives() => SamePostsAsync("twentytwentythree", termsApart: false);

    private async Task SamePostsAsync(string theme, bool termsApart)
    {
        await wordpress.ThemeAsync(theme);
        using var restFolder = new TemporaryFolder();
        using var crawlFolder = new TemporaryFolder();

        var wordpressOptions = new WordPressOptions { BaseUrl = wordpress.Address.AbsoluteUri };
        using (var api = new WordPressApi(wordpressOptions, null))
        {
            var pulled = await new WordPressPull(api, new PostStore(restFolder.Path), wordpressOptions, editContext: false, TimeProvider.System).FullAsync(null, default);
            Assert.Empty(pulled.Problems);
        }
        var crawlOptions = new CrawlOptions { Start = Blog, ConnectTo = wordpress.Address.AbsoluteUri };
        var crawlContent = new ContentOptions { Source = ContentOptions.CrawlSourceName };
        PullReport crawled;
        using (var client = new CrawlClient(crawlOptions, new Uri("https://feeds.example.org/"), TimeProvider.System))
            crawled = await new CrawlPull(client, new PostStore(crawlFolder.Path), crawlOptions, new PostReader(crawlContent, SiteSettings), TimeProvider.System).RunAsync(null, default);

        Assert.Empty(crawled.Problems);
        Assert.True(crawled.Complete);
        // The home page is in WordPress's sitemap: a listing, skipped, said why.
        Assert.Contains(crawled.Skipped, skipped => skipped.Subject == Blog && skipped.Reason.StartsWith("is not a single post: ", StringComparison.Ordinal));

        var rest = await ReadAsync(new PostStore(restFolder.Path), new ContentOptions { Source = ContentOptions.WordPressSourceName });
        var crawl = await ReadAsync(new PostStore(crawlFolder.Path), crawlContent);
        Assert.Empty(crawl.Problems);
        Assert.Equal(20, rest.Posts.Length);
        Assert.Equal(rest.Posts.Select(post => post.Id).Order(StringComparer.Ordinal), crawl.Posts.Select(post => post.Id).Order(StringComparer.Ordinal));
        var byId = crawl.Posts.ToDictionary(post => post.Id);
        var differences = new List<string>();
        foreach (var expected in rest.Posts)
        {
            var actual = byId[expected.Id];
            void Same(string field, object? want, object? got)
            {
                if (!Equals(want, got))
                    differences.Add($"{expected.Id} {field}: REST '{want}', crawl '{got}'");
            }
            Same("link", expected.CanonicalUrl, actual.CanonicalUrl);
            Same("title", expected.Title, actual.Title);
            Same("published", expected.Published, actual.Published);
            Same("authors", string.Join('|', expected.Authors), string.Join('|', actual.Authors));
            if (termsApart)
            {
                Same("categories", string.Join('|', expected.Categories), string.Join('|', actual.Categories));
                Same("tags", string.Join('|', expected.Tags), string.Join('|', actual.Tags));
            }
            Same("terms", Terms(expected), Terms(actual));
            Same("featured image", expected.FeaturedImage?.Url, actual.FeaturedImage?.Url);
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    /// <summary>Categories and tags as one set, each name once whatever its case: what a feed's items carry.</summary>
    private static string Terms(Post post) =>
        string.Join('|', post.Categories.Concat(post.Tags).Select(term => term.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));

    private static async Task<ContentReading> ReadAsync(PostStore store, ContentOptions content)
    {
        var reader = new PostReader(content, SiteSettings);
        var readings = new List<PostReading>();
        await foreach (var page in new FolderSource(store.PostsPath, SiteSettings.BaseUri).ReadAsync())
            readings.Add(reader.Read(page));
        return PostReader.Combine(readings);
    }
}

/// <summary>A crawl test on the real WordPress with one of Debian's themes; skipped, with the reason, where a package is missing.</summary>
public sealed class WordPressThemeFactAttribute : FactAttribute
{
    public WordPressThemeFactAttribute(string theme)
    {
        if (WordPressSite.MissingPackages is { } missing)
            Skip = $"needs a real WordPress: {missing} (apt-get install nginx wordpress mariadb-server php-cli php-mysql php-xml wordpress-theme-{theme})";
        else if (!Directory.Exists(Path.Combine("/usr/share/wordpress/wp-content/themes", theme)))
            Skip = $"needs Debian's wordpress-theme-{theme} (apt-get install wordpress-theme-{theme})";
    }
}
