namespace CxFeed.Core.Syndication;

/// <summary>Where the feed definitions are and which feeds come without one: section <c>CxFeed:Feeds</c>.</summary>
public sealed class FeedsOptions : ISettings
{
    public static string Section => "CxFeed:Feeds";

    /// <summary>Folder of feed definitions (<c>*.json</c>, one feed each); relative to the working directory.</summary>
    public string Path { get; init; } = "feeds";

    /// <summary>A feed per category, at <c>/feeds/category/{slug}.{ext}</c>, as WordPress offers.</summary>
    public bool CategoryFeeds { get; init; } = true;

    /// <summary>A feed per tag, at <c>/feeds/tag/{slug}.{ext}</c>.</summary>
    public bool TagFeeds { get; init; } = true;

    public IEnumerable<Problem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
            yield return new Problem($"{Section}:Path", "must name a folder of feed definitions");
    }
}
