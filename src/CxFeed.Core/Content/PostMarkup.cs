using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Content;

/// <summary>
/// What the page's markup shows of its post, as opposed to what its metadata states: dates in
/// microdata, hAtom and microformats, <c>&lt;time&gt;</c> elements and the visible text; the
/// heading; bylines. Only the parts of the page <see cref="PostScope"/> says are the post's count,
/// so a comment's date, a related post's author or the copyright line are never taken.
/// </summary>
internal static partial class PostMarkup
{
    /// <summary>Longer than this, an element's text is content, not a date line or a byline.</summary>
    private const int MaxLineLength = 300;

    /// <summary>How much text between the post's heading and its body is searched for a written date.</summary>
    private const int MaxHeaderText = 2000;

    /// <summary>A paragraph longer than this is the post's prose, not its byline or date line.</summary>
    private const int MaxBylineText = 80;

    /// <summary>More HTML than this inside an element, and it is a container, not a byline.</summary>
    private const int MaxBylineMarkup = 4000;

    /// <summary>The value of the first element with microdata <paramref name="property"/> (<c>datePublished</c>, <c>dateModified</c>) in the post.</summary>
    public static string? MicrodataDate(PageMetadata page, string property) =>
        FirstDate(page, page.ItemProps.Where(prop => prop.Property == property).Select(prop => prop.Element));

    /// <summary>
    /// hAtom's and microformats' publication date: an element classed <c>published</c> or
    /// <c>dt-published</c> (<c>&lt;abbr class="published" title&gt;</c>, Divi's
    /// <c>&lt;span class="published"&gt;</c>), or a <c>&lt;time pubdate&gt;</c>.
    /// </summary>
    public static string? PublishedClass(PageMetadata page) =>
        FirstDate(page, page.Times.Concat(page.Classed).OrderBy(element => element.StreamPosition)
            .Where(element => HasClass(element, "published") || HasClass(element, "dt-published") || element.Name == "time" && element.Attributes["pubdate"] is not null));

    /// <summary>hAtom's and microformats' update: classed <c>updated</c> or <c>dt-updated</c>, but not also <c>published</c> (WordPress themes class one element both when the post never changed).</summary>
    public static string? UpdatedClass(PageMetadata page) =>
        FirstDate(page, page.Times.Concat(page.Classed).OrderBy(element => element.StreamPosition)
            .Where(element => (HasClass(element, "updated") || HasClass(element, "dt-updated")) && !HasClass(element, "published") && !HasClass(element, "dt-published")));

    /// <summary>The first <c>&lt;time&gt;</c> of the post that is not an update.</summary>
    public static string? Time(PageMetadata page) =>
        FirstDate(page, page.Times.Where(time => !HasClass(time, "updated") && !HasClass(time, "dt-updated")));

    /// <summary>The value of every <c>&lt;time&gt;</c> of the post, in order.</summary>
    public static IReadOnlyList<string> TimeValues(PageMetadata page) =>
        [.. page.Times.Where(page.Scope.Contains).Select(time => DateValue(page, time)).Where(value => value.Length > 0)];

    /// <summary>
    /// A date as people read it on the page: first in an element of the post classed for a date,
    /// a byline or the post's meta line ("Posted on March 3, 2021 by …"), then in the text
    /// between the post's heading and its body. A date after "Updated" is the update's.
    /// </summary>
    public static string? VisibleDate(PageMetadata page) => VisibleDate(page, updates: false) ?? VisibleDate(page, updates: true);

    /// <summary>The first visible date that is not an update's; or, with <paramref name="updates"/>, the first at all (a page that shows only "Updated: …" was published then or before).</summary>
    private static string? VisibleDate(PageMetadata page, bool updates)
    {
        foreach (var element in page.Classed)
        {
            if (!updates && HasClass(element, "updated") && !HasClass(element, "published") || !page.Scope.Contains(element))
                continue;
            var text = SpacedText(element);
            if (text.Length <= MaxLineLength && FindDate(page, text, updates) is { } written)
                return written;
        }
        return page.PostHeading is { } heading && page.Scope.Body is not null && heading.StreamPosition < page.Scope.BodyEnd
            ? FindDate(page, HeaderText(heading, page.Scope.BodyStart), updates)
            : null;
    }

    /// <summary>The authors named by microdata <c>itemprop="author"</c> in the post: a Person's <c>name</c>, or the element's own content or text.</summary>
    public static IReadOnlyList<string> MicrodataAuthors(PageMetadata page)
    {
        var names = new List<string>();
        foreach (var (property, element) in page.ItemProps)
        {
            if (property != "author" || !page.Scope.Contains(element) || element.GetAttributeValue("itemtype", "").Contains("Organization", StringComparison.Ordinal))
                continue;
            // A Person may hold several names (a theme that lists co-authors inside one item).
            var named = element.Attributes["itemscope"] is not null ? NamesInside(element) : [element];
            names.AddRange(named.Select(Value).Where(value => value.Length > 0));
        }
        return names;
    }

    /// <summary>hCard and microformats: the <c>fn</c> (or <c>p-name</c>) inside an element classed <c>author</c>, and <c>p-author</c> elements, in the post.</summary>
    public static IReadOnlyList<string> CardAuthors(PageMetadata page) =>
        [.. page.Classed
            .Where(element => page.Scope.Contains(element)
                && ((HasClass(element, "fn") || HasClass(element, "p-name")) && Ancestors(element, 4).Any(ancestor => HasClass(ancestor, "author"))
                    || HasClass(element, "p-author") && !page.Classed.Any(inner => inner != element && HasClass(inner, "p-name") && IsInside(inner, element))))
            .Select(HtmlSource.Text)];

    /// <summary>The text of links marked <c>rel="author"</c> in the post's article (or before its body).</summary>
    public static IReadOnlyList<string> AuthorLinks(PageMetadata page) =>
        [.. page.AuthorLinks.Where(link => page.Scope.Contains(link.Link)).Select(link => link.Text)];

    /// <summary>
    /// The text of the post's links to author pages (<c>/author/slug/</c>…) that read as names:
    /// "See full bio" or "View all posts" links to the same pages are not names.
    /// </summary>
    public static IReadOnlyList<string> AuthorPageLinks(PageMetadata page) =>
        [.. page.AuthorPageLinks.Where(link => page.Scope.Contains(link.Link) && !InBody(page, link.Link) && !LinkPhrase().IsMatch(link.Text)).Select(link => link.Text)];

    /// <summary>A link in the post's text names people the post speaks of (a quoted columnist's page), not its author.</summary>
    private static bool InBody(PageMetadata page, HtmlNode node)
    {
        for (var ancestor = node.ParentNode; ancestor is not null; ancestor = ancestor.ParentNode)
        {
            if (ancestor == page.Scope.Body)
                return true;
        }
        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:see|view|read|more|all|full|follow|contact|email|about|visit|other|latest|get|subscribe|mehr|voir|ver|altri)\b|\b(?:bio|biography|posts|articles|stories|profile|feed|rss)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LinkPhrase();

    /// <summary>
    /// A byline as themes print it: the first element of the post classed <c>byline</c> or for an
    /// author (<c>author</c>, <c>post-author</c>, <c>entry-author</c>,
    /// <c>wp-block-post-author__name</c>, Elementor's <c>…--type-author</c>) whose text is short
    /// enough to be a line, not a biography.
    /// </summary>
    public static IReadOnlyList<string> Byline(PageMetadata page)
    {
        foreach (var element in page.Classed)
        {
            var classes = element.GetAttributeValue("class", "");
            if (!classes.Contains("author", StringComparison.OrdinalIgnoreCase) && !classes.Contains("byline", StringComparison.OrdinalIgnoreCase)
                && !classes.Contains("writer", StringComparison.OrdinalIgnoreCase)
                || classes.Contains("avatar", StringComparison.OrdinalIgnoreCase) || classes.Contains("bio", StringComparison.OrdinalIgnoreCase)
                || classes.Contains("description", StringComparison.OrdinalIgnoreCase) || !page.Scope.Contains(element))
            {
                continue;
            }
            var text = HtmlSource.Text(element);
            // A prefix marked apart (<span class="byline-prefix">By </span>): the byline is the line that holds it.
            if (BylinePrefix().IsMatch(text) && element.ParentNode is { NodeType: HtmlNodeType.Element } line)
                text = HtmlSource.Text(line);
            if (text.Length is > 0 and <= MaxLineLength && AuthorNames.Clean(text, page.SiteNames).ToList() is { Count: > 0 } names)
                return names;
        }
        return [];
    }

    /// <summary>
    /// A byline written as text, with no class to say so: the first short line between the post's
    /// heading and its prose that starts "By" ("By Yomi Kazeem", "By Lauren Jarvis-Gibson,
    /// December 16th 2016", and in the other languages "Von", "Par", "Por"…).
    /// </summary>
    public static IReadOnlyList<string> TextByline(PageMetadata page)
    {
        if (page.PostHeading is not { } heading || page.Scope.Body is null || heading.StreamPosition >= page.Scope.BodyEnd)
            return [];
        var root = heading.OwnerDocument.DocumentNode;
        var end = heading.StreamPosition < page.Scope.BodyStart ? page.Scope.BodyStart : int.MaxValue;
        var seen = 0;
        var node = HtmlTree.NextSkippingChildren(heading, root);
        while (node is not null && node.StreamPosition < end && seen < MaxHeaderText)
        {
            if (node.NodeType == HtmlNodeType.Element && node.Name is "script" or "style" or "template" or "noscript" or "figure" or "figcaption")
            {
                node = HtmlTree.NextSkippingChildren(node, root);
                continue;
            }
            // A container of more markup than a byline ever takes is looked into, not read whole.
            if (node.NodeType == HtmlNodeType.Element && node.InnerLength <= MaxBylineMarkup)
            {
                var text = SpacedText(node);
                if (node.Name == "p" && node.Attributes["class"] is null && text.Length > MaxBylineText && !TextBylineStart().IsMatch(text))
                    break;
                if (text.Length <= MaxBylineText && TextBylineStart().IsMatch(text) && page.Scope.Contains(node))
                    return AuthorNames.Clean(text, page.SiteNames).ToList();
            }
            else if (node.NodeType == HtmlNodeType.Text)
            {
                seen += ((HtmlTextNode)node).Text.Length;
            }
            node = HtmlTree.Next(node, root);
        }
        return [];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:by|von|par|por|door|przez)\s*:?\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BylinePrefix();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:(?:posted|written)\s+)?(?:by|von|par|por|door|przez)\s*:?\s+\S", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TextBylineStart();

    private static string? FirstDate(PageMetadata page, IEnumerable<HtmlNode> elements)
    {
        string? unparsable = null;
        foreach (var element in elements)
        {
            if (!page.Scope.Contains(element))
                continue;
            var value = DateValue(page, element);
            if (value.Length == 0)
                continue;
            if (DateText.TryParse(value, page.TimeZone, out _))
                return value;
            unparsable ??= value;
        }
        return unparsable;
    }

    /// <summary>
    /// An element's date: its <c>datetime</c>, <c>content</c> or <c>title</c> (hAtom's
    /// <c>&lt;abbr title&gt;</c>), else its text. When the attribute gives only the day and the
    /// text the same day with its time ("January 18, 2017 11:00 PM PST"), the text is the more
    /// precise; when the attribute cannot be read and the text can, the text.
    /// </summary>
    private static string DateValue(PageMetadata page, HtmlNode element)
    {
        var attribute = (PageMetadata.Attribute(element, "datetime") ?? PageMetadata.Attribute(element, "content")
                         ?? (element.Name == "abbr" ? PageMetadata.Attribute(element, "title") : null))?.Trim();
        if (attribute is { Length: > 0 } && element.Name == "meta")
            return attribute;
        var text = HtmlSource.Text(element);
        if (attribute is not { Length: > 0 })
            return text.Length <= MaxLineLength ? text : "";
        if (!DateText.TryParse(attribute, page.TimeZone, out var fromAttribute))
            return text.Length <= MaxLineLength && DateText.TryParse(text, page.TimeZone, out _) ? text : attribute;
        if (attribute.Length == 10 && text.Length <= MaxLineLength && WrittenDate.HasTime(text)
            && WrittenDate.TryFind(text, page.TimeZone, out var fromText, out var written) && fromText.Date == fromAttribute.Date)
        {
            return written;
        }
        return attribute;
    }

    /// <summary>The first written date in <paramref name="text"/>; unless <paramref name="updates"/>, not one after "Updated" (or "Modified", "Aktualisiert", "Mis à jour"…).</summary>
    private static string? FindDate(PageMetadata page, string text, bool updates)
    {
        var rest = text;
        while (rest.Length > 0 && WrittenDate.IndexOf(rest) is >= 0 and var at)
        {
            var before = rest[..at].TrimEnd().TrimEnd(':', ' ').ToLowerInvariant();
            WrittenDate.TryFind(rest[at..], page.TimeZone, out _, out var written);
            if (updates || !UpdateWords.Any(word => before.EndsWith(word, StringComparison.Ordinal)))
                return written;
            rest = rest[(at + Math.Max(written.Length, 1))..];
        }
        return null;
    }

    private static readonly string[] UpdateWords = ["updated", "updated on", "modified", "last modified", "aktualisiert", "aktualisiert am", "mis à jour", "mis à jour le", "actualizado", "actualizado el", "aggiornato", "aggiornato il", "atualizado", "atualizado em", "bijgewerkt", "bijgewerkt op"];

    /// <summary>
    /// The post's header as text: what follows <paramref name="heading"/> up to the body's start
    /// or, when the heading is inside the body, up to the first paragraph of running text (a
    /// <c>&lt;p&gt;</c> without a class): the byline and date line, never the post's prose.
    /// </summary>
    private static string HeaderText(HtmlNode heading, int bodyStart)
    {
        var text = new System.Text.StringBuilder();
        var root = heading.OwnerDocument.DocumentNode;
        var end = heading.StreamPosition < bodyStart ? bodyStart : int.MaxValue;
        var node = HtmlTree.NextSkippingChildren(heading, root);
        while (node is not null && node.StreamPosition < end && text.Length < MaxHeaderText)
        {
            if (node.NodeType == HtmlNodeType.Element && node.Name is "script" or "style" or "template" or "noscript")
            {
                node = HtmlTree.NextSkippingChildren(node, root);
                continue;
            }
            if (node.NodeType == HtmlNodeType.Element && node.Name == "p" && node.Attributes["class"] is null && HtmlSource.Text(node).Length > MaxBylineText)
                break;
            if (node.NodeType == HtmlNodeType.Text)
                text.Append(System.Net.WebUtility.HtmlDecode(((HtmlTextNode)node).Text)).Append(' ');
            node = HtmlTree.Next(node, root);
        }
        return HtmlSource.CollapseWhitespace(text.ToString());
    }

    /// <summary>
    /// An element's text with a space where one block ends and the next begins, as a browser
    /// shows it: "Updated: Oct 9, 2019, 11:05 IST" then a share bar must not read "…11:05 ISTShare".
    /// What it holds that is not the post (a related post's date line, a comment) is left out.
    /// </summary>
    public static string SpacedText(HtmlNode element)
    {
        var text = new System.Text.StringBuilder();
        var node = element.FirstChild;
        while (node is not null)
        {
            if (node.NodeType == HtmlNodeType.Element
                && (node.Name is "script" or "style" or "template" || PostScope.IsForeign(node)))
            {
                node = HtmlTree.NextSkippingChildren(node, element);
                continue;
            }
            if (node.NodeType == HtmlNodeType.Text)
                text.Append(System.Net.WebUtility.HtmlDecode(((HtmlTextNode)node).Text));
            else if (node.NodeType == HtmlNodeType.Element && BlockElements.Contains(node.Name))
                text.Append(' ');
            node = HtmlTree.Next(node, element);
        }
        return HtmlSource.CollapseWhitespace(text.ToString());
    }

    private static readonly HashSet<string> BlockElements =
        ["div", "p", "li", "ul", "ol", "br", "section", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "dd", "dt", "dl", "table", "article", "aside", "nav", "figure", "figcaption", "blockquote"];

    private static List<HtmlNode> NamesInside(HtmlNode element) =>
        [.. HtmlTree.Descendants(element).Where(node => node.NodeType == HtmlNodeType.Element
            && node.GetAttributeValue("itemprop", "").Split(HtmlTree.Whitespace).Contains("name"))];

    private static string Value(HtmlNode element) =>
        (element.Name == "meta" ? PageMetadata.Attribute(element, "content") : null)?.Trim()
        ?? (element.Name == "link" ? "" : HtmlSource.Text(element));

    private static bool HasClass(HtmlNode element, string name) =>
        element.Attributes["class"]?.Value is { } classes && CssSelector.HasClass(classes, name);

    private static IEnumerable<HtmlNode> Ancestors(HtmlNode element, int levels)
    {
        var node = element;
        for (var i = 0; i <= levels && node is not null && node.NodeType == HtmlNodeType.Element; i++, node = node.ParentNode)
            yield return node;
    }

    private static bool IsInside(HtmlNode node, HtmlNode container)
    {
        for (var ancestor = node.ParentNode; ancestor is not null; ancestor = ancestor.ParentNode)
        {
            if (ancestor == container)
                return true;
        }
        return false;
    }
}
