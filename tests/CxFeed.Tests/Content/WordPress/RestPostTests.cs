using System.Text;
using System.Text.Json;
using CxFeed.Core.Content.WordPress;

namespace CxFeed.Tests.Content.WordPress;

public class RestPostTests
{
    private static readonly ApiRoot Api = new(new Uri("https://www.heartofthecustomer.com/wp-json/"), new Uri("https://www.heartofthecustomer.com/"), RestRoute: false);

    private static RestPostReading Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return RestPost.Read(document.RootElement, Api);
    }

    private static byte[] Post(string title) =>
        Encoding.UTF8.GetBytes($$$"""
            {"id": 101, "date_gmt": "2021-01-12T15:30:00", "modified_gmt": "2021-01-14T16:00:00", "status": "publish",
             "link": "https://www.heartofthecustomer.com/the-bots-are-coming/", "title": {"rendered": "{{{title}}}"},
             "content": {"rendered": "<p>Actually, they’re already here.</p>\n", "protected": false}}
            """);

    [Fact]
    public void A_well_formed_post_is_taken()
    {
        var reading = Read(Post("The Bots are Coming!"));

        Assert.Null(reading.LeftOut);
        Assert.Equal("The Bots are Coming!", reading.Post!.Title);
    }

    // Found by fuzzing (tests/CxFeed.Fuzz, target rest): a byte that is not UTF-8 inside a string
    // passes the JSON parser, and reading the string threw out of RestPost.Read, which would end
    // the whole pull instead of leaving one post out.
    [Theory]
    [InlineData(0xFF)]
    [InlineData(0x89)]
    [InlineData(0xC3)]
    public void A_post_with_a_string_that_is_not_utf8_is_left_out_with_the_reason(byte wrong)
    {
        var json = Post("The Bots are Coming! X");
        json[Array.IndexOf(json, (byte)'X')] = wrong;

        var reading = Read(json);

        Assert.Null(reading.Post);
        Assert.Equal(101, reading.Id);
        Assert.Equal("holds a string that is not UTF-8 text", reading.LeftOut);
    }
}
