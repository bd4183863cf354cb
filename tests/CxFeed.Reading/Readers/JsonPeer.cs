using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace CxFeed.Reading.Readers;

/// <summary>
/// A JavaScript peer's readings, as tests/reading/peers/read-peers.mjs wrote them: per page what
/// it gave, and the median time of its passes over the whole corpus.
/// </summary>
public sealed record JsonPeer(string Name, double MedianMilliseconds, ImmutableDictionary<string, PageReading> Readings)
{
    public static JsonPeer Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var readings = ImmutableDictionary.CreateBuilder<string, PageReading>(StringComparer.Ordinal);
        foreach (var page in root.GetProperty("pages").EnumerateObject())
            readings[page.Name] = ReadingOf(page.Value);
        return new JsonPeer(root.GetProperty("reader").GetString()!, root.GetProperty("medianMs").GetDouble(), readings.ToImmutable());
    }

    private static PageReading ReadingOf(JsonElement page)
    {
        if (!page.GetProperty("published").GetBoolean())
            return PageReading.None(Text(page, "reason") ?? "no article");
        DateTimeOffset? date = Text(page, "date") is { } value
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed : null;
        ImmutableArray<string> authors = page.TryGetProperty("authors", out var list)
            ? [.. list.EnumerateArray().Select(author => author.GetString()).OfType<string>()]
            : [];
        return new PageReading(true, Text(page, "title"), date, authors, Text(page, "html"), Text(page, "excerpt"));
    }

    private static string? Text(JsonElement page, string name) =>
        page.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
