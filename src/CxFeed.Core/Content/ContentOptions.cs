using CxFeed.Core.Html;

namespace CxFeed.Core.Content;

/// <summary>Where the post pages are and how to find a post's body and manual excerpt: section <c>CxFeed:Content</c>.</summary>
public sealed class ContentOptions : ISettings
{
    public static string Section => "CxFeed:Content";

    /// <summary>The manual-excerpt selectors used when configuration names none: where WordPress themes print <c>the_excerpt()</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultExcerptSelectors = [".entry-summary"];

    /// <summary>The sources the content can come from (<see cref="Source"/>); each a name the configuration uses.</summary>
    public static readonly IReadOnlyList<string> Sources = [FolderSourceName, WordPressSourceName, WxrSourceName, CrawlSourceName];

    public const string FolderSourceName = "folder";

    public const string WordPressSourceName = "wordpress";

    /// <summary>A WordPress export file (or folder of them), section <c>CxFeed:Content:Wxr</c>, imported into the store.</summary>
    public const string WxrSourceName = "wxr";

    /// <summary>A polite crawl of the blog's public pages, section <c>CxFeed:Content:Crawl</c>, into the store.</summary>
    public const string CrawlSourceName = "crawl";

    /// <summary>
    /// Where posts come from: <c>folder</c> (the pages in <see cref="Path"/>, the default) or
    /// <c>wordpress</c> (the live blog's REST API, section <c>CxFeed:Content:WordPress</c>, pulled
    /// into the store at <see cref="StorePath"/>, which is then read as a folder).
    /// </summary>
    public string Source { get; init; } = FolderSourceName;

    /// <summary>Folder of post pages (<c>*.html</c>, read recursively); relative to the working directory.</summary>
    public string Path { get; init; } = "seeds/posts";

    /// <summary>The local store a live source pulls into (pages and its state); relative to the working directory.</summary>
    public string StorePath { get; init; } = ".cxfeed/store";

    /// <summary>True when posts come from a live source through the store rather than from <see cref="Path"/>.</summary>
    public bool UsesStore => Source != FolderSourceName;

    /// <summary>
    /// True when the store's pages are written by cxfeed (<c>StoredPage</c>, from the REST API or an
    /// export), whose body is where it was put; a crawl stores the blog's own pages, read as any page.
    /// </summary>
    public bool StoresRenderedPages => Source is WordPressSourceName or WxrSourceName;

    /// <summary>
    /// Where the site's theme keeps a post: selectors tried in order, the first that matches gives
    /// the body (of its matches, the one holding the most text). Empty, the default, means the
    /// body is found by scoring the containers themes and standards use (<see cref="BodyTables"/>).
    /// </summary>
    public IReadOnlyList<string> BodySelectors { get; init; } = [];

    /// <summary>
    /// Selectors tried in order for the author's own excerpt; the first element with content that
    /// one matches before the end of the body gives it. Empty means <see cref="DefaultExcerptSelectors"/>
    /// (same binder caveat as above).
    /// </summary>
    public IReadOnlyList<string> ExcerptSelectors { get; init; } = [];

    public IReadOnlyList<string> EffectiveExcerptSelectors => ExcerptSelectors.Count > 0 ? ExcerptSelectors : DefaultExcerptSelectors;

    public IEnumerable<Problem> Validate()
    {
        if (!Sources.Contains(Source, StringComparer.Ordinal))
            yield return new Problem($"{Section}:Source", $"'{Source}' is not a source: use one of {string.Join(", ", Sources)}");
        if (string.IsNullOrWhiteSpace(Path))
            yield return new Problem($"{Section}:Path", "must name a folder of post pages");
        if (string.IsNullOrWhiteSpace(StorePath))
            yield return new Problem($"{Section}:StorePath", "must name a folder for the local store");
        foreach (var problem in SelectorProblems(nameof(BodySelectors), BodySelectors).Concat(SelectorProblems(nameof(ExcerptSelectors), ExcerptSelectors)))
            yield return problem;
    }

    private static IEnumerable<Problem> SelectorProblems(string setting, IReadOnlyList<string> selectors)
    {
        for (var i = 0; i < selectors.Count; i++)
        {
            if (!CssSelector.TryParse(selectors[i], out _, out var error))
                yield return new Problem($"{Section}:{setting}:{i}", error);
        }
    }
}
