namespace CxFeed.Core.Pages;

/// <summary>
/// Where the HTML pages live, the same for the server and for static files: addresses that end in
/// '/' (written as <c>index.html</c> by <c>cxfeed build</c>). The Posts page is <c>/</c>, its later
/// pages <c>/page/{n}/</c>; a category's page <c>/category/{slug}/</c> and <c>/category/{slug}/page/{n}/</c>.
/// </summary>
public static class PageAddresses
{
    public const string Posts = "/";

    public const string Opml = "/feeds.opml";

    /// <summary>Page <paramref name="page"/> (1-based) of the Posts page.</summary>
    public static string OfPosts(int page = 1) => page == 1 ? Posts : $"/page/{page}/";

    /// <summary>Page <paramref name="page"/> (1-based) of a category's page.</summary>
    public static string OfCategory(string slug, int page = 1) =>
        page == 1 ? $"/category/{slug}/" : $"/category/{slug}/page/{page}/";
}
