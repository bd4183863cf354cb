using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace CxFeed.Core.Content;

/// <summary>
/// The body of a page no container names, found as Mozilla's Readability finds an article: each
/// paragraph of running text (25 characters or more outside links) scores 1, plus 1 per comma,
/// plus 1 per 100 characters up to 3; its parent gains the whole score, its grandparent half,
/// the next ancestor a sixth. The element with the best score, scaled by the share of its text
/// that is not links, is the body — if it holds enough running text to be a post at all.
/// Paragraphs inside parts that are not the post, or whose class or id reads as site chrome,
/// do not count.
/// </summary>
internal static partial class ParagraphScoring
{
    /// <summary>Less running text than this is not a post found by scoring (a notice, a form page).</summary>
    public const int MinimumChars = 140;

    public static HtmlNode? Best(PageTextMap map)
    {
        var unlikely = Unlikely(map);
        var scores = new Dictionary<HtmlNode, double>();
        for (var i = 0; i < map.Elements.Count; i++)
        {
            var element = map.Elements[i];
            if (unlikely[i] || !map.IsParagraph(element))
                continue;
            var stats = map[element];
            var score = 1.0 + stats.Commas + Math.Min(stats.Chars / 100, 3);
            var ancestor = element.ParentNode;
            for (var level = 0; level < 3 && ancestor is { NodeType: HtmlNodeType.Element }; level++, ancestor = ancestor.ParentNode)
            {
                var divider = level switch { 0 => 1.0, 1 => 2.0, _ => level * 3.0 };
                scores[ancestor] = scores.GetValueOrDefault(ancestor) + score / divider;
            }
        }
        HtmlNode? best = null;
        var bestScore = 0.0;
        foreach (var element in map.Elements)
        {
            if (!scores.TryGetValue(element, out var score))
                continue;
            score *= 1 - map[element].LinkDensity;
            if (score > bestScore)
                (best, bestScore) = (element, score);
        }
        return best is not null && map[best].TextChars >= MinimumChars ? best : null;
    }

    /// <summary>For each element, whether it or an ancestor has a class or id that reads as chrome and none that reads as content.</summary>
    private static bool[] Unlikely(PageTextMap map)
    {
        var flags = new bool[map.Elements.Count];
        var index = new Dictionary<HtmlNode, int>(map.Elements.Count);
        for (var i = 0; i < map.Elements.Count; i++)
        {
            var element = map.Elements[i];
            index[element] = i;
            if (element.ParentNode is { } parent && index.TryGetValue(parent, out var p) && flags[p])
            {
                flags[i] = true;
                continue;
            }
            var names = element.GetAttributeValue("class", "") + " " + element.GetAttributeValue("id", "");
            flags[i] = names.Length > 1 && element.Name is not ("body" or "html" or "article" or "main") && UnlikelyNames().IsMatch(names) && !LikelyNames().IsMatch(names);
        }
        return flags;
    }

    // Readability's lists of class and id words for chrome, and for content that wins over them.
    [GeneratedRegex("banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|newsletter|subscribe|share", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnlikelyNames();

    [GeneratedRegex("and|article|body|column|content|main|shadow", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LikelyNames();
}
