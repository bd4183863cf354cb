using System.Net;
using System.Text.RegularExpressions;
using CxFeed.Core.Html;

namespace CxFeed.Core.Content;

/// <summary>
/// A post's title as SEO plugins and themes write it for <c>&lt;title&gt;</c>, <c>og:title</c>
/// and JSON-LD, made the post's own: character references decoded (twice when a plugin encoded
/// them twice: <c>&amp;amp;#8217;</c>), whitespace collapsed, and the site's name taken off
/// either end with its separator ("Title – Site", "Site | Title"). The site's names are every
/// name the page gives it (<c>Site:Title</c>, <c>og:site_name</c>, <c>application-name</c>,
/// JSON-LD WebSite and publisher). When the post's own heading is one side of a separator, the
/// other side is the site's name or a section's, whatever it says: "Heading | Blog | Site" is
/// "Heading".
/// </summary>
internal static partial class TitleText
{
    /// <summary>The separators Yoast SEO, Rank Math and WordPress themes put between a title and the site name.</summary>
    private static readonly string[] Separators = ["-", "–", "—", "|", "·", "•", "*", "⋆", "~", "«", "»", ">", "<", ":", "/", "::", "||", "--", "｜", "：", "／"];

    /// <summary>The title, or null when it is blank or only a site's name.</summary>
    public static string? Clean(string? written, IReadOnlyCollection<string> siteNames, string? heading)
    {
        if (written is null)
            return null;
        var title = HtmlSource.CollapseWhitespace(Decoded(written));
        if (title.Length == 0)
            return null;
        title = WithoutSiteNames(title, siteNames);
        if (siteNames.Contains(title, StringComparer.OrdinalIgnoreCase))
            return null;
        return heading is { Length: > 0 } ? ToHeading(title, heading) : title;
    }

    /// <summary>The title with each site name and its separator taken off either end, unless nothing would be left.</summary>
    public static string WithoutSiteNames(string title, IEnumerable<string> siteNames)
    {
        foreach (var name in siteNames.Where(name => name.Length > 0))
        {
            // Without spaces: "見出し：朝日新聞デジタル", where the script needs none.
            if (title.Length > name.Length + 1 && title.EndsWith(name, StringComparison.OrdinalIgnoreCase)
                && !IsSpacedScript(name[0]) && SeparatorBefore(title[..^name.Length]) is { } cut)
            {
                title = title[..cut].TrimEnd();
            }
            foreach (var separator in Separators)
            {
                var suffix = " " + separator + " " + name;
                if (title.Length > suffix.Length && title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    title = title[..^suffix.Length].TrimEnd();
                var prefix = name + " " + separator + " ";
                if (title.Length > prefix.Length && title.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    title = title[prefix.Length..].TrimStart();
            }
        }
        return title;
    }

    /// <summary>Where the separator that ends <paramref name="text"/> starts (spaces before it aside), or null when it ends with none.</summary>
    private static int? SeparatorBefore(string text)
    {
        var trimmed = text.TrimEnd();
        var separator = Separators.Where(candidate => trimmed.EndsWith(candidate, StringComparison.Ordinal)).MaxBy(candidate => candidate.Length);
        return separator is null || trimmed.Length == separator.Length ? null : trimmed.Length - separator.Length;
    }

    /// <summary>
    /// The heading, when the title is the heading with more after or before a separator; else the
    /// title. Typographic and typewriter quotes are the same letter here: the heading often has
    /// "won’t" where the title has "won't".
    /// </summary>
    private static string ToHeading(string written, string heading)
    {
        return ToPlainHeading(Plain(written), Plain(heading)) is not null ? heading : written;
    }

    /// <summary>Quotes and apostrophes made typewriter ones, one character for one, so positions stay.</summary>
    private static string Plain(string text) =>
        text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').Replace('\u00A0', ' ');

    private static string? ToPlainHeading(string title, string heading)
    {
        if (title.Length <= heading.Length + 2)
            return null;
        // The heading is known, so a separator need not have spaces around it ("Title：Site",
        // "标题-网站"), unless it joins two words of a script written with spaces ("Apple-picking").
        if (title.StartsWith(heading, StringComparison.OrdinalIgnoreCase) && IsSeparated(heading[^1], title[heading.Length..]))
            return heading;
        if (title.EndsWith(heading, StringComparison.OrdinalIgnoreCase)
            && IsSeparated(heading[0], new string(title[..^heading.Length].Reverse().ToArray())))
        {
            return heading;
        }
        return null;
    }

    /// <summary>Whether <paramref name="rest"/> (what lies beyond the heading, read away from it) starts with a separator that sets it apart.</summary>
    private static bool IsSeparated(char edge, string rest)
    {
        var trimmed = rest.TrimStart();
        var separator = Separators.Where(candidate => trimmed.StartsWith(candidate, StringComparison.Ordinal)).MaxBy(candidate => candidate.Length);
        if (separator is null)
            return false;
        var spaced = trimmed.Length < rest.Length || trimmed.Length > separator.Length && char.IsWhiteSpace(trimmed[separator.Length]);
        return spaced || !IsSpacedScript(edge) || trimmed.Length > separator.Length && !IsSpacedScript(trimmed[separator.Length]);
    }

    /// <summary>A letter or digit of the scripts written with spaces between words (Latin, Greek, Cyrillic).</summary>
    private static bool IsSpacedScript(char c) => c < '\u0530' && char.IsLetterOrDigit(c);

    /// <summary>
    /// Whether a heading speaks of what the page's title does: most of its words are in it (most
    /// of its letters, for scripts written without spaces). With no title to compare, it does.
    /// </summary>
    public static bool IsSameSubject(string heading, string? title)
    {
        if (title is null)
            return true;
        var words = Words(heading);
        if (words.Length >= 3)
        {
            var titleWords = Words(title).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return words.Count(titleWords.Contains) * 2 >= words.Length;
        }
        var letters = heading.Where(char.IsLetterOrDigit).ToList();
        var titleLetters = title.Where(char.IsLetterOrDigit).ToHashSet();
        return letters.Count > 0 && letters.Count(titleLetters.Contains) * 2 >= letters.Count;
    }

    private static string[] Words(string text) =>
        text.Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Whether <paramref name="headline"/> was cut short with an ellipsis ("…", "...") and
    /// <paramref name="whole"/> is the whole of it (older Yoast versions cut JSON-LD headlines at 110 characters).
    /// </summary>
    public static bool IsCutFrom(string headline, string? whole)
    {
        if (whole is null)
            return false;
        var stem = headline.EndsWith('…') ? headline[..^1] : headline.EndsWith("...", StringComparison.Ordinal) ? headline[..^3] : null;
        return stem is { Length: > 0 } && whole.Length > stem.Length + 1 && whole.StartsWith(stem.TrimEnd(), StringComparison.OrdinalIgnoreCase);
    }

    private static string Decoded(string text)
    {
        var decoded = WebUtility.HtmlDecode(text);
        return decoded != text && CharacterReference().IsMatch(decoded) ? WebUtility.HtmlDecode(decoded) : decoded;
    }

    [GeneratedRegex("&(?:#[0-9]{2,7}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});", RegexOptions.CultureInvariant)]
    private static partial Regex CharacterReference();
}
