using System.Globalization;
using System.Net;
using System.Text.Json;
using CxFeed.Core.Content;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.WordPress;

/// <summary>
/// The real WordPress the other tests use holds the seed blog: its REST API lists the 20 posts the
/// seed pages show, with the same ids, links, titles, dates, terms and featured images as CxFeed's
/// reader takes from the pages. (What the REST API and the feeds then give is asserted through cxfeed.)
/// </summary>
public sealed class WordPressSiteTests(WordPressSite wordpress) : IClassFixture<WordPressSite>
{
    private static async Task<JsonElement> GetJsonAsync(Uri address)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    [WordPressFact]
    public async Task The_rest_api_lists_the_twenty_seed_posts_as_the_seed_pages_show_them()
    {
        var listed = await GetJsonAsync(new Uri(wordpress.Address, "wp-json/wp/v2/posts?per_page=100&_embed=author,wp:term,wp:featuredmedia"));
        var seeds = new PostReader(new ContentOptions(), SeedPages.Site).ReadAll(await SeedPages.ReadAsync()).Posts
            .ToDictionary(post => post.CanonicalUrl.AbsoluteUri);

        Assert.Equal(20, listed.GetArrayLength());
        foreach (var post in listed.EnumerateArray())
        {
            var link = post.GetProperty("link").GetString()!;
            Assert.True(seeds.TryGetValue(link, out var seed), $"{link} is not a seed page");
            var id = post.GetProperty("id").GetInt64();
            if (seed.Id.StartsWith("https://www.heartofthecustomer.com/?p=", StringComparison.Ordinal))
                Assert.Equal(seed.Id, $"https://www.heartofthecustomer.com/?p={id}");
            Assert.Equal(seed.Title, WebUtility.HtmlDecode(post.GetProperty("title").GetProperty("rendered").GetString()));
            Assert.Equal(Utc(seed.Published), post.GetProperty("date_gmt").GetString());
            Assert.Equal(Utc(seed.LastChanged), post.GetProperty("modified_gmt").GetString());

            var embedded = post.GetProperty("_embedded");
            Assert.Equal("Jim Tincher", embedded.GetProperty("author")[0].GetProperty("name").GetString());
            var terms = embedded.GetProperty("wp:term").EnumerateArray().Select(taxonomy => taxonomy.EnumerateArray()
                .Select(term => WebUtility.HtmlDecode(term.GetProperty("name").GetString()!).ToLowerInvariant()).Order().ToArray()).ToArray();
            Assert.Equal(seed.Categories.Select(name => name.ToLowerInvariant()).Order(), terms[0]);
            Assert.Equal(seed.Tags.Select(name => name.ToLowerInvariant()).Order(), terms[1]);
            if (seed.FeaturedImage is { } image)
                Assert.Equal(image.Url.AbsoluteUri, embedded.GetProperty("wp:featuredmedia")[0].GetProperty("source_url").GetString());
        }
    }

    [WordPressFact]
    public async Task The_site_names_its_rest_api_at_the_address_it_is_reached_at_and_its_posts_at_the_blogs()
    {
        using var client = new HttpClient();
        using var home = await client.GetAsync(wordpress.Address);
        Assert.Equal($"<{wordpress.Address}wp-json/>; rel=\"https://api.w.org/\"", home.Headers.GetValues("Link").Single());

        var post = await GetJsonAsync(new Uri(wordpress.Address, "wp-json/wp/v2/posts/2702"));
        Assert.Equal("https://www.heartofthecustomer.com/the-why-behind-cx-pros-failure-to-prove-business-results/", post.GetProperty("link").GetString());
        Assert.Equal("https://www.heartofthecustomer.com/?p=2702", post.GetProperty("guid").GetProperty("rendered").GetString());
        Assert.Contains("<p id=\"caption-attachment-2703\" class=\"wp-caption-text\">", post.GetProperty("content").GetProperty("rendered").GetString());
    }
}
