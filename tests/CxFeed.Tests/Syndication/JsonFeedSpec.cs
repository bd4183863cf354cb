using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxFeed.Tests.Syndication;

/// <summary>
/// The rules of JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a checker: what no validator
/// service checks for us. Returns every violation, each with its JSON path.
/// </summary>
public static partial class JsonFeedSpec
{
    private static readonly HashSet<string> FeedKeys =
        ["version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items"];

    private static readonly HashSet<string> ItemKeys =
        ["id", "url", "external_url", "title", "content_html", "content_text", "summary", "image", "banner_image", "date_published", "date_modified", "authors", "tags", "language", "attachments"];

    public static List<string> Violations(string json)
    {
        var violations = new List<string>();
        using var document = JsonDocument.Parse(json);
        var feed = document.RootElement;
        if (feed.ValueKind != JsonValueKind.Object)
            return ["$: a feed is an object"];
        if (!feed.TryGetProperty("version", out var version) || version.GetString() != "https://jsonfeed.org/version/1.1")
            violations.Add("$.version: must be https://jsonfeed.org/version/1.1");
        Required(feed, "$", "title", violations);
        Keys(feed, "$", FeedKeys, violations);
        foreach (var url in new[] { "home_page_url", "feed_url", "next_url", "icon", "favicon" })
            OptionalUrl(feed, "$", url, violations);
        OptionalString(feed, "$", "description", violations);
        Language(feed, "$", violations);
        Authors(feed, "$", violations);
        if (feed.TryGetProperty("hubs", out var hubs))
        {
            var index = 0;
            foreach (var hub in hubs.EnumerateArray())
            {
                Required(hub, $"$.hubs[{index}]", "type", violations);
                Required(hub, $"$.hubs[{index}]", "url", violations);
                OptionalUrl(hub, $"$.hubs[{index++}]", "url", violations);
            }
        }
        if (!feed.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            return [.. violations, "$.items: required, an array"];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var at = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"$.items[{at++}]";
            Keys(item, path, ItemKeys, violations);
            if (!item.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is "" or null)
                violations.Add($"{path}.id: required, a string that is not empty");
            else if (!ids.Add(id.GetString()!))
                violations.Add($"{path}.id: '{id.GetString()}' appears twice");
            if (!item.TryGetProperty("content_html", out _) && !item.TryGetProperty("content_text", out _))
                violations.Add($"{path}: content_html or content_text is required");
            foreach (var text in new[] { "title", "content_html", "content_text", "summary" })
                OptionalString(item, path, text, violations);
            foreach (var url in new[] { "url", "external_url", "image", "banner_image" })
                OptionalUrl(item, path, url, violations);
            foreach (var date in new[] { "date_published", "date_modified" })
            {
                if (item.TryGetProperty(date, out var value) && !Rfc3339().IsMatch(value.GetString() ?? ""))
                    violations.Add($"{path}.{date}: '{value}' is not an RFC 3339 date");
            }
            Authors(item, path, violations);
            Language(item, path, violations);
            if (item.TryGetProperty("tags", out var tags) && (tags.ValueKind != JsonValueKind.Array || tags.EnumerateArray().Any(tag => tag.ValueKind != JsonValueKind.String)))
                violations.Add($"{path}.tags: an array of strings");
        }
        return violations;
    }

    private static void Keys(JsonElement element, string path, HashSet<string> known, List<string> violations)
    {
        foreach (var property in element.EnumerateObject())
        {
            // Extensions start with an underscore; anything else is a mistake or a misspelling.
            if (!known.Contains(property.Name) && !property.Name.StartsWith('_'))
                violations.Add($"{path}.{property.Name}: not a JSON Feed 1.1 field");
        }
    }

    private static void Required(JsonElement element, string path, string name, List<string> violations)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() == "")
            violations.Add($"{path}.{name}: required, a string that is not empty");
    }

    private static void OptionalString(JsonElement element, string path, string name, List<string> violations)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.String)
            violations.Add($"{path}.{name}: a string");
    }

    private static void OptionalUrl(JsonElement element, string path, string name, List<string> violations)
    {
        if (element.TryGetProperty(name, out var value)
            && !(value.ValueKind == JsonValueKind.String && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            violations.Add($"{path}.{name}: '{value}' is not an absolute http(s) URL");
    }

    private static void Language(JsonElement element, string path, List<string> violations)
    {
        if (!element.TryGetProperty("language", out var language))
            return;
        try
        {
            _ = CultureInfo.GetCultureInfo(language.GetString() ?? "", predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            violations.Add($"{path}.language: '{language}' is not a language tag");
        }
    }

    private static void Authors(JsonElement element, string path, List<string> violations)
    {
        if (element.TryGetProperty("author", out _))
            violations.Add($"{path}.author: JSON Feed 1.1 uses authors");
        if (!element.TryGetProperty("authors", out var authors))
            return;
        if (authors.ValueKind != JsonValueKind.Array)
        {
            violations.Add($"{path}.authors: an array");
            return;
        }
        var index = 0;
        foreach (var author in authors.EnumerateArray())
        {
            var at = $"{path}.authors[{index++}]";
            if (!author.TryGetProperty("name", out _) && !author.TryGetProperty("url", out _) && !author.TryGetProperty("avatar", out _))
                violations.Add($"{at}: needs a name, url or avatar");
            OptionalUrl(author, at, "url", violations);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
