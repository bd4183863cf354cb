using System.Text;
using CxFeed.Core.Content.WordPress;

namespace CxFeed.Core.Content;

/// <summary>
/// Shortcodes left in a WordPress page's post body: when the plugin that registered one is
/// deactivated (or a theme prints the raw post), the page shows <c>[caption …]&lt;img …&gt; Caption
/// text[/caption]</c>, <c>[gallery ids="1,2"]</c> or <c>[embed]URL[/embed]</c> as text, and a feed
/// would carry it. They are rendered as the WordPress sources render them
/// (<see cref="Shortcodes.Render"/>: the core ones as WordPress shows them, a plugin's removed with
/// the text it wraps kept, <c>[sic]</c> and <c>[1]</c> left as text) — except inside <c>pre</c>,
/// <c>code</c> and the like, where a post shows shortcodes as code.
/// </summary>
internal static class LeftShortcodes
{
    /// <summary>Elements whose text is shown as written: a shortcode there is an example, not a call.</summary>
    private static readonly string[] Verbatim = ["pre", "code", "kbd", "samp", "script", "style", "textarea", "xmp"];

    /// <summary>The body with its shortcodes rendered, and the more marker moved with the text before it.</summary>
    public static (string Html, int? MoreMarker) Render(string html, int? moreMarker)
    {
        if (!html.Contains('['))
            return (html, moreMarker);
        if (moreMarker is not { } marker)
            return (RenderOutsideCode(html), null);
        var teaser = RenderOutsideCode(html[..marker]);
        return (teaser + RenderOutsideCode(html[marker..]), teaser.Length);
    }

    private static string RenderOutsideCode(string html)
    {
        if (!html.Contains('['))
            return html;
        var result = new StringBuilder(html.Length);
        var at = 0;
        while (at < html.Length)
        {
            var (start, end) = NextVerbatim(html, at);
            result.Append(Shortcodes.Render(Shortcodes.Unautop(html[at..start])));
            result.Append(html, start, end - start);
            at = end;
        }
        return result.ToString();
    }

    /// <summary>Where the next verbatim element starts and where it ends (after its end tag, or the text's end); (length, length) when there is none.</summary>
    private static (int Start, int End) NextVerbatim(string html, int from)
    {
        var at = from;
        while ((at = html.IndexOf('<', at)) >= 0)
        {
            foreach (var name in Verbatim)
            {
                if (string.Compare(html, at + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && at + 1 + name.Length < html.Length
                    && html[at + 1 + name.Length] is '>' or ' ' or '\t' or '\n' or '\r' or '/')
                {
                    var close = html.IndexOf("</" + name, at + 1 + name.Length, StringComparison.OrdinalIgnoreCase);
                    var end = close < 0 ? html.Length : html.IndexOf('>', close) is var gt and >= 0 ? gt + 1 : html.Length;
                    return (at, end);
                }
            }
            at++;
        }
        return (html.Length, html.Length);
    }
}
