namespace CxFeed.Core.Cleaning;

/// <summary>
/// Players that readers cannot embed, and the page a link should open instead: a YouTube or
/// Vimeo iframe becomes a link to the video's own page.
/// </summary>
internal static class MediaLinks
{
    /// <summary>A player address: its hosts, the path before the video id, and the page for that id.</summary>
    private sealed record Player(string Name, string[] Hosts, string[] PathPrefixes, string PageFormat, Func<string, bool> IsId);

    private static readonly Player[] Players =
    [
        new("YouTube",
            ["youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"],
            ["/embed/", "/v/"], "https://www.youtube.com/watch?v={0}",
            id => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')),
        new("Vimeo", ["player.vimeo.com"], ["/video/"], "https://vimeo.com/{0}",
            id => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit)),
    ];

    /// <summary>The page of the video an absolute player URL plays, and the provider's name; null when it is no known player.</summary>
    public static (string Page, string Provider)? PageOf(string absoluteUrl)
    {
        if (!Uri.TryCreate(absoluteUrl, UriKind.Absolute, out var uri))
            return null;
        foreach (var player in Players)
        {
            if (!player.Hosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
                continue;
            foreach (var prefix in player.PathPrefixes)
            {
                if (!uri.AbsolutePath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    continue;
                var rest = uri.AbsolutePath[prefix.Length..];
                var id = rest.Split('/')[0];
                if (player.IsId(id))
                    return (string.Format(System.Globalization.CultureInfo.InvariantCulture, player.PageFormat, id), player.Name);
            }
        }
        return null;
    }
}
