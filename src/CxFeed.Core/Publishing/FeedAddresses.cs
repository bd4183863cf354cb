using CxFeed.Core.Syndication;

namespace CxFeed.Core.Publishing;

/// <summary>
/// Where each feed page lives, the same for the server and for static files, never with a query:
/// <c>/feeds/{name}.{ext}</c> for the first page, <c>/feeds/{name}/page/{n}.{ext}</c> for later
/// ones; automatic feeds are named <c>category/{slug}</c> and <c>tag/{slug}</c>.
/// </summary>
public static class FeedAddresses
{
    public const string Root = "/feeds/";

    /// <summary>The unescaped address of one page (1-based) of a feed in a format.</summary>
    public static string Of(string feedName, FeedFormat format, int page = 1) =>
        page == 1
            ? $"{Root}{feedName}.{format.Name()}"
            : $"{Root}{feedName}/page/{page}.{format.Name()}";

    /// <summary>
    /// The feed and format of a feed page's address (<c>/feeds/category/b2b/page/2.rss</c> →
    /// <c>category/b2b</c>, rss); false for any other address.
    /// </summary>
    public static bool TryParse(string address, out string feedName, out FeedFormat format)
    {
        feedName = "";
        format = default;
        if (!address.StartsWith(Root, StringComparison.Ordinal))
            return false;
        var dot = address.LastIndexOf('.');
        if (dot <= Root.Length || !FeedFormats.TryParse(address[(dot + 1)..], out format))
            return false;
        var name = address[Root.Length..dot];
        var paged = name.LastIndexOf("/page/", StringComparison.Ordinal);
        if (paged > 0 && int.TryParse(name.AsSpan(paged + "/page/".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            name = name[..paged];
        feedName = name;
        return name.Length > 0;
    }

    /// <summary>The address made absolute against the public base (its path kept: a base of <c>https://x/blog/</c> gives <c>https://x/blog/feeds/…</c>).</summary>
    public static Uri Absolute(Uri publicBase, string address) => new(publicBase, address.TrimStart('/'));
}
