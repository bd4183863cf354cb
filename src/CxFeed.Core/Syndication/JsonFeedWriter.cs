using System.Text.Encodings.Web;
using System.Text.Json;

namespace CxFeed.Core.Syndication;

/// <summary>
/// Writes JSON Feed 1.1 (https://jsonfeed.org/version/1.1) with System.Text.Json. Every string
/// goes through <see cref="WriteText"/>, which drops what XML 1.0 forbids as the XML writers do,
/// so the three formats of a feed carry the same text.
/// </summary>
public static class JsonFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // The feed is served as application/feed+json, never inlined in HTML: no need to escape
        // <, > and &, and non-ASCII text stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const int FlushThreshold = 64 * 1024;

    public static void Write(FeedDocument feed, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        WriteText(json, "version", Version);
        WriteText(json, "title", feed.Title);
        WriteText(json, "home_page_url", feed.HomePage.AbsoluteUri);
        WriteText(json, "feed_url", feed.Links.First.AbsoluteUri);
        WriteText(json, "description", feed.Description);
        WriteText(json, "language", feed.Language);
        if (feed.Links.Next is { } next)
            WriteText(json, "next_url", next.AbsoluteUri);
        json.WriteStartArray("authors");
        WriteAuthor(json, feed.Author);
        json.WriteEndArray();
        if (feed.Hubs.Length > 0)
        {
            json.WriteStartArray("hubs");
            foreach (var hub in feed.Hubs)
            {
                json.WriteStartObject();
                WriteText(json, "type", "WebSub");
                WriteText(json, "url", hub.AbsoluteUri);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartArray("items");
        foreach (var item in feed.Items)
        {
            WriteItem(json, item, feed.Dates);
            // Utf8JsonWriter keeps everything in its own growing buffer until flushed.
            if (json.BytesPending > FlushThreshold)
                json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        FeedXml.EndFile(output);
    }

    private static void WriteItem(Utf8JsonWriter json, FeedItem item, FeedDates dates)
    {
        json.WriteStartObject();
        WriteText(json, "id", item.Id);
        WriteText(json, "url", item.Link.AbsoluteUri);
        WriteText(json, "title", item.Title);
        WriteText(json, "content_html", item.ContentHtml);
        WriteText(json, "summary", item.Summary);
        if (item.Image is { } image)
            WriteText(json, "image", image.Url.AbsoluteUri);
        WriteText(json, "date_published", dates.Rfc3339(item.Published));
        WriteText(json, "date_modified", dates.Rfc3339(item.Updated));
        if (item.Authors.Length > 0)
        {
            json.WriteStartArray("authors");
            foreach (var author in item.Authors)
                WriteAuthor(json, author);
            json.WriteEndArray();
        }
        if (item.Categories.Length > 0)
        {
            json.WriteStartArray("tags");
            foreach (var category in item.Categories)
                json.WriteStringValue(XmlCharacters.Keep(category.Name));
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteAuthor(Utf8JsonWriter json, FeedAuthor author)
    {
        json.WriteStartObject();
        WriteText(json, "name", author.Name);
        if (author.Uri is { } uri)
            WriteText(json, "url", uri.AbsoluteUri);
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string name, string value) =>
        json.WriteString(name, XmlCharacters.Keep(value));
}
