namespace CxFeed.Core.Excerpts;

/// <summary>How excerpts end: section <c>CxFeed:Excerpts</c>. A feed may override it with its own.</summary>
public sealed record ExcerptOptions : ISettings
{
    public static string Section => "CxFeed:Excerpts";

    /// <summary>Replaced by the post's title in <see cref="ReadMoreText"/>.</summary>
    public const string TitlePlaceholder = "{title}";

    /// <summary>The text of the link to the post that ends the HTML form; <c>{title}</c> is the post's title.</summary>
    public string ReadMoreText { get; init; } = "Continue reading “{title}”";

    /// <summary>The link's text for a post without a title (a fragment given to <c>cxfeed excerpt</c>).</summary>
    public string UntitledReadMoreText { get; init; } = "Continue reading";

    /// <summary>The link's text for a post with this title.</summary>
    public string ReadMore(string title) =>
        string.IsNullOrWhiteSpace(title) ? UntitledReadMoreText : ReadMoreText.Replace(TitlePlaceholder, title.Trim(), StringComparison.Ordinal);

    public IEnumerable<Problem> Validate()
    {
        if (string.IsNullOrWhiteSpace(ReadMoreText))
            yield return new Problem($"{Section}:{nameof(ReadMoreText)}", "must not be empty");
        else if (ReadMoreText.Replace(TitlePlaceholder, "", StringComparison.Ordinal).IndexOfAny(['{', '}']) >= 0)
            yield return new Problem($"{Section}:{nameof(ReadMoreText)}", $"'{ReadMoreText}' has a placeholder other than {TitlePlaceholder}");
        if (string.IsNullOrWhiteSpace(UntitledReadMoreText))
            yield return new Problem($"{Section}:{nameof(UntitledReadMoreText)}", "must not be empty");
        else if (UntitledReadMoreText.IndexOfAny(['{', '}']) >= 0)
            yield return new Problem($"{Section}:{nameof(UntitledReadMoreText)}", $"'{UntitledReadMoreText}' cannot name the title: the post has none");
    }
}
