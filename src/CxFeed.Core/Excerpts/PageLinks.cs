using System.Net;

namespace CxFeed.Core.Excerpts;

/// <summary>Links that point into the post itself: its "Read more" links and the entries of a table of contents.</summary>
internal sealed class PageLinks(Uri page)
{
    /// <summary>
    /// A link to the post from inside it: WordPress's <c>#more-ID</c> link, or a link to the post's
    /// own address without a fragment, which is what a theme's "Read more" link is. Its text is no
    /// part of the excerpt.
    /// </summary>
    public bool IsReadMore(string? href)
    {
        var value = Decode(href);
        if (value.StartsWith('#'))
            return IsMoreFragment(value);
        return MayBeSamePage(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && IsSamePage(uri)
            && (uri.Fragment.Length <= 1 || IsMoreFragment(uri.Fragment));
    }

    /// <summary>A link to a place in the post: <c>#section</c>, or the post's own address with a fragment.</summary>
    public bool IsInPage(string? href)
    {
        var value = Decode(href);
        if (value.StartsWith('#'))
            return value.Length > 1;
        return MayBeSamePage(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && IsSamePage(uri) && uri.Fragment.Length > 1;
    }

    // Most links go elsewhere: a link that does not name the post's host is not parsed.
    private bool MayBeSamePage(string href) => href.Contains(page.Host, StringComparison.OrdinalIgnoreCase);

    private bool IsSamePage(Uri uri) =>
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.Equals(uri.Host, page.Host, StringComparison.OrdinalIgnoreCase)
        && (uri.Port == page.Port || (uri.IsDefaultPort && page.IsDefaultPort))
        && string.Equals(uri.AbsolutePath.TrimEnd('/'), page.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
        && string.Equals(uri.Query, page.Query, StringComparison.Ordinal);

    // WordPress names the place of the more marker "more-" and the post's id.
    private static bool IsMoreFragment(string fragment) =>
        fragment.StartsWith("#more-", StringComparison.Ordinal) && fragment.Length > 6 && fragment.AsSpan(6).IndexOfAnyExceptInRange('0', '9') < 0;

    private static string Decode(string? href) => WebUtility.HtmlDecode(href ?? "").Trim();
}
