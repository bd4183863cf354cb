using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CxFeed.Core.Content;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Publishing;

/// <summary>
/// The npm feed parser suite (<c>.ci/suites/feed-parsers.sh</c>) checks every built feed against
/// <c>tests/feed-parsers/expected.json</c>: the posts as the reader reads them from the seeds,
/// never taken from a feed. This test keeps that file in sync with the reader: when the reader or
/// the seeds change, it fails; run it with CXFEED_WRITE_EXPECTED=1 to rewrite the file, and review
/// the diff.
/// </summary>
public class FeedParserExpectationsTests
{
    private static readonly string ExpectedFile = Path.Combine(Repository.Root, "tests", "feed-parsers", "expected.json");

    [Fact]
    public async Task The_parser_suite_expects_the_posts_the_reader_reads_from_the_seeds()
    {
        var reading = new PostReader(new ContentOptions(), SeedPages.Site).ReadAll(await SeedPages.ReadAsync());
        Assert.Empty(reading.Problems);
        var expected = Expectations(reading.Posts);

        if (Environment.GetEnvironmentVariable("CXFEED_WRITE_EXPECTED") == "1")
            await File.WriteAllTextAsync(ExpectedFile, expected);

        Assert.True(
            File.Exists(ExpectedFile) && await File.ReadAllTextAsync(ExpectedFile) == expected,
            $"{ExpectedFile} is not what the reader reads from the seeds: run this test with CXFEED_WRITE_EXPECTED=1 and review the diff");
        Assert.Equal(20, reading.Posts.Length);
    }

    private static string Expectations(IEnumerable<Post> posts)
    {
        using var bytes = new MemoryStream();
        using (var json = new Utf8JsonWriter(bytes, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("about", "The seed posts as CxFeed's reader reads them; kept in sync by FeedParserExpectationsTests.");
            json.WriteStartArray("posts");
            foreach (var post in posts)
            {
                json.WriteStartObject();
                json.WriteString("id", post.Id);
                json.WriteString("title", post.Title);
                json.WriteString("link", post.CanonicalUrl.AbsoluteUri);
                json.WriteString("published", Utc(post.Published));
                json.WriteString("updated", Utc(post.LastChanged));
                WriteNames(json, "categories", post.Categories);
                WriteNames(json, "tags", post.Tags);
                WriteNames(json, "authors", post.Authors);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(bytes.ToArray()) + "\n";
    }

    private static string Utc(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteNames(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
