using System.Collections.Immutable;
using System.Text.Json;

namespace CxFeed.Reading.Corpus;

/// <summary>
/// One saved page of tests/reading/corpus and what is true of it (its <c>.json</c> beside the
/// <c>.html</c>). A field that is null is not known for this page and is not scored on it.
/// </summary>
/// <param name="Name">The file name without its extension (<c>postlight--arstechnica.com</c>).</param>
/// <param name="Url">Where the page was served: the address the readers are given.</param>
/// <param name="Kind"><c>blog post</c>, <c>news article</c> or <c>not a post</c>.</param>
/// <param name="WordPressTheme">The theme named by <c>wp-content/themes/NAME</c>; <c>unknown</c> for WordPress without one; null when not WordPress.</param>
/// <param name="IsPost">The page is one post: a reader should publish it (a page that is not a post, it should not).</param>
/// <param name="Dated">The post shows its date; one that does not is not scored for publishing (nor for its date).</param>
/// <param name="Published">An instant with its offset (<c>2016-08-10T11:15:53+00:00</c>) where the page states the time, else a day (<c>2016-08-10</c>).</param>
/// <param name="FirstWords">The article's own first words: where a clean excerpt starts.</param>
/// <param name="Body">The post's text, as the source project expects it.</param>
public sealed record CorpusPage(
    string Name,
    string Url,
    string Kind,
    string? WordPressTheme,
    bool IsPost,
    bool Dated,
    string? Title,
    string? Published,
    ImmutableArray<string>? Authors,
    string? FirstWords,
    string? Body,
    ImmutableArray<byte> Html)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every page of <paramref name="folder"/>, in ordinal order of the name.</summary>
    public static ImmutableArray<CorpusPage> Load(string folder)
    {
        var pages = ImmutableArray.CreateBuilder<CorpusPage>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var truth = JsonSerializer.Deserialize<Truth>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty");
            var html = Path.ChangeExtension(path, ".html");
            if (!File.Exists(html))
                throw new FileNotFoundException($"{path}: no page {Path.GetFileName(html)} beside it", html);
            if (truth.Url is null || truth.Kind is null)
                throw new InvalidDataException($"{path}: 'url' and 'kind' are required");
            pages.Add(new CorpusPage(name, truth.Url, truth.Kind, truth.WordPressTheme, truth.IsPost, truth.Dated ?? true, truth.Title,
                truth.Published, truth.Authors is { } authors ? [.. authors] : null, truth.FirstWords, truth.Body,
                [.. File.ReadAllBytes(html)]));
        }
        return pages.ToImmutable();
    }

    private sealed record Truth(
        string? Url,
        string? Kind,
        string? WordPressTheme,
        bool IsPost,
        bool? Dated,
        string? Title,
        string? Published,
        string[]? Authors,
        string? FirstWords,
        string? Body);
}
