namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// Where a blog's REST API answers, as discovery found it. <paramref name="Root"/> is on the
/// configured address's scheme, host and port (where requests go), whatever host WordPress calls
/// itself; <paramref name="Home"/> is the blog's home as WordPress states it (the REST index's
/// <c>home</c>): links and shortlinks are made from it. With <paramref name="RestRoute"/> the
/// routes go in the <c>?rest_route=</c> parameter (pretty permalinks off).
/// </summary>
public sealed record ApiRoot(Uri Root, Uri Home, bool RestRoute)
{
    /// <summary>The address of a route (<c>wp/v2/posts</c>) with its query (already escaped, no leading <c>?</c>).</summary>
    public Uri Route(string route, string query)
    {
        if (RestRoute)
        {
            var path = Root.GetLeftPart(UriPartial.Path);
            return new Uri($"{path}?rest_route=/{route}{(query.Length > 0 ? "&" + query : "")}");
        }
        var root = Root.AbsoluteUri.EndsWith('/') ? Root.AbsoluteUri : Root.AbsoluteUri + "/";
        return new Uri($"{root}{route}{(query.Length > 0 ? "?" + query : "")}");
    }

    /// <summary>WordPress's shortlink of a post, <c>home_url('?p=ID')</c>: the item id, as the folder source reads it from a page.</summary>
    public Uri Shortlink(long id)
    {
        var home = Home.AbsoluteUri.EndsWith('/') ? Home.AbsoluteUri : Home.AbsoluteUri + "/";
        return new Uri($"{home}?p={id}");
    }
}
