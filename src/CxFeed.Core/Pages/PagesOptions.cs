namespace CxFeed.Core.Pages;

/// <summary>The HTML pages published beside the feeds (the Posts page, category pages): section <c>CxFeed:Pages</c>.</summary>
public sealed class PagesOptions : ISettings
{
    public static string Section => "CxFeed:Pages";

    /// <summary>WordPress's default number of posts on a listing page.</summary>
    public const int DefaultPostsPerPage = 10;

    public const int MaxPostsPerPage = 1_000;

    public int PostsPerPage { get; init; } = DefaultPostsPerPage;

    public IEnumerable<Problem> Validate()
    {
        if (PostsPerPage is < 1 or > MaxPostsPerPage)
            yield return new Problem($"{Section}:PostsPerPage", $"must be a whole number from 1 to {MaxPostsPerPage}");
    }
}
