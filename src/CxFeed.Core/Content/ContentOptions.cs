using CxFeed.Core.Html;

namespace CxFeed.Core.Content;

/// <summary>Where the post pages are and how to find a post's body: section <c>CxFeed:Content</c>.</summary>
public sealed class ContentOptions : ISettings
{
    public static string Section => "CxFeed:Content";

    /// <summary>The body selectors used when configuration names none.</summary>
    public static readonly IReadOnlyList<string> DefaultBodySelectors = [".entry-content", "article", "main"];

    /// <summary>Folder of post pages (<c>*.html</c>, read recursively); relative to the working directory.</summary>
    public string Path { get; init; } = "seeds/posts";

    /// <summary>
    /// Selectors tried in order; the first that matches an element gives the post's body.
    /// Empty means <see cref="DefaultBodySelectors"/>: the configuration binder appends to a
    /// collection's initial items, so the defaults cannot be the property's initial value.
    /// </summary>
    public IReadOnlyList<string> BodySelectors { get; init; } = [];

    public IReadOnlyList<string> EffectiveBodySelectors => BodySelectors.Count > 0 ? BodySelectors : DefaultBodySelectors;

    public IEnumerable<Problem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
            yield return new Problem($"{Section}:Path", "must name a folder of post pages");
        for (var i = 0; i < BodySelectors.Count; i++)
        {
            if (!CssSelector.TryParse(BodySelectors[i], out _, out var error))
                yield return new Problem($"{Section}:BodySelectors:{i}", error);
        }
    }
}
