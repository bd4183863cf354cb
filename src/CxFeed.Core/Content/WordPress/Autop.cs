using System.Text;
using System.Text.RegularExpressions;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// WordPress's <c>wpautop</c>, as it behaves on a post's text: a blank line ends a paragraph, a
/// single newline is a <c>&lt;br /&gt;</c>, and neither happens inside <c>pre</c>, inside a tag, or
/// around block-level elements, which are never wrapped in a paragraph. The classic editor saves
/// what the author typed and WordPress runs this on every view, so an export's
/// <c>content:encoded</c> needs it to read as the blog shows it. Pure and deterministic.
/// Whitespace is ASCII whitespace only (<c>[\t\n\v\f\r ]</c>, PHP's <c>\s</c>), never .NET's <c>\s</c>:
/// a no-break space is text, as on the blog.
/// </summary>
public static partial class Autop
{
    /// <summary>The elements WordPress treats as blocks: a paragraph never wraps them.</summary>
    private const string Blocks =
        "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

    /// <summary>What stands for a newline inside a tag while paragraphs are made, so a tag split over lines stays whole.</summary>
    private const string TagNewline = " <!-- wpnl --> ";

    /// <summary>What stands for a newline inside <c>script</c>, <c>style</c> and <c>svg</c> while line breaks are added.</summary>
    private const string KeptNewline = "<WPPreserveNewline />";

    /// <summary>The text with paragraphs and line breaks; empty when it is only whitespace.</summary>
    public static string Apply(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        text += "\n";
        var preBlocks = new List<string>();
        // A placeholder the author wrote himself is replaced too, as WordPress does: then the slow way, its way.
        var placeholderWritten = text.Contains(PrePlaceholderStart, StringComparison.Ordinal);
        text = SetAsidePre(text, preBlocks);

        text = DoubleBreak().Replace(text, "\n\n");
        text = BlockOpening().Replace(text, "\n\n$1");
        text = BlockClosing().Replace(text, "$1\n\n");
        text = HorizontalRule().Replace(text, "$1\n\n");
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        text = NewlinesInTags(text);
        text = CollapseAroundInlineBlocks(text);
        text = Paragraphs(text);

        text = EmptyParagraph().Replace(text, "");
        text = UnclosedInDiv().Replace(text, "<p>$1</p></$2>");
        text = WrappedBlockTag().Replace(text, "$1");
        text = WrappedListItem().Replace(text, "$1");
        text = WrappedBlockquote().Replace(text, "<blockquote$1><p>").Replace("</blockquote></p>", "</p></blockquote>");
        text = ParagraphBeforeBlockTag().Replace(text, "$1");
        text = ParagraphAfterBlockTag().Replace(text, "$1");

        text = LineBreaks(text);

        text = BreaksAfterBlockTags(text);
        text = BreakBeforeBlockTag().Replace(text, "$1");
        text = FinalNewline().Replace(text, "</p>");

        if (placeholderWritten)
        {
            for (var i = preBlocks.Count - 1; i >= 0; i--)
                text = text.Replace(PrePlaceholder(i), preBlocks[i]);
        }
        else if (preBlocks.Count > 0)
        {
            text = BringBackPre(text, preBlocks);
        }
        if (text.Contains("<!-- wpnl -->", StringComparison.Ordinal))
            text = text.Replace(TagNewline, "\n").Replace("<!-- wpnl -->", "\n");
        return text;
    }

    /// <summary>Every <c>pre</c> element is replaced by a placeholder and brought back untouched at the end.</summary>
    private static string SetAsidePre(string text, List<string> preBlocks)
    {
        if (!text.Contains("<pre", StringComparison.Ordinal))
            return text;
        var parts = text.Split("</pre>");
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var start = parts[i].IndexOf("<pre", StringComparison.Ordinal);
            if (start < 0)
            {
                // A closing tag with no opening one: left as the author wrote it (without the stray end tag, as WordPress does).
                result.Append(parts[i]);
                continue;
            }
            result.Append(parts[i], 0, start).Append(PrePlaceholder(preBlocks.Count));
            preBlocks.Add(string.Concat(parts[i].AsSpan(start), "</pre>"));
        }
        return result.Append(parts[^1]).ToString();
    }

    private const string PrePlaceholderStart = "<pre wp-pre-tag-";

    private static string PrePlaceholder(int index) => $"{PrePlaceholderStart}{index}></pre>";

    /// <summary>
    /// Each placeholder replaced by its <c>pre</c> element, in one pass (WordPress replaces them one
    /// by one, each over the whole text: the same result when the author wrote none, as each then
    /// occurs once and no <c>pre</c> holds one).
    /// </summary>
    private static string BringBackPre(string text, List<string> preBlocks)
    {
        var result = new StringBuilder(text.Length + preBlocks.Sum(block => block.Length));
        var copied = 0;
        var at = text.IndexOf(PrePlaceholderStart, StringComparison.Ordinal);
        while (at >= 0)
        {
            var digits = at + PrePlaceholderStart.Length;
            var end = digits;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
            if (end > digits && int.TryParse(text.AsSpan(digits, end - digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < preBlocks.Count && string.CompareOrdinal(text, end, "></pre>", 0, 7) == 0)
            {
                result.Append(text, copied, at - copied).Append(preBlocks[index]);
                copied = end + 7;
                at = text.IndexOf(PrePlaceholderStart, copied, StringComparison.Ordinal);
            }
            else
            {
                at = text.IndexOf(PrePlaceholderStart, at + 1, StringComparison.Ordinal);
            }
        }
        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Each newline inside a tag or a comment stands in for itself as <see cref="TagNewline"/>, so it neither ends a paragraph nor becomes a break.</summary>
    private static string NewlinesInTags(string text)
    {
        StringBuilder? result = null;
        var copied = 0;
        var open = text.IndexOf('<');
        while (open >= 0)
        {
            var end = HtmlSplitter.MarkupEnd(text, open);
            var newline = text.IndexOf('\n', open, end - open);
            if (newline >= 0)
            {
                result ??= new StringBuilder(text.Length + 256);
                result.Append(text, copied, open - copied);
                for (var i = open; i < end; i++)
                {
                    if (text[i] == '\n')
                        result.Append(TagNewline);
                    else
                        result.Append(text[i]);
                }
                copied = end;
            }
            open = end < text.Length ? text.IndexOf('<', end) : -1;
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// The text cut into paragraphs where a newline is followed, through whitespace only, by
    /// another newline (runs of newlines first made two, as WordPress's <c>\n\n+</c>); each
    /// non-empty one, its newlines trimmed, wrapped in <c>&lt;p&gt;</c>, in one pass.
    /// </summary>
    private static string Paragraphs(string text)
    {
        var paragraphs = new StringBuilder(text.Length + text.Length / 8);
        var start = 0;
        var newline = text.IndexOf('\n');
        while (newline >= 0)
        {
            // The whitespace after this newline, and the last newline in it.
            var last = -1;
            var end = newline + 1;
            for (; end < text.Length && IsSpace(text[end]); end++)
            {
                if (text[end] == '\n')
                    last = end;
            }
            if (last < 0)
            {
                newline = end < text.Length ? text.IndexOf('\n', end) : -1;
                continue;
            }
            AppendParagraph(paragraphs, text, start, newline);
            start = last + 1;
            newline = text.IndexOf('\n', start);
        }
        AppendParagraph(paragraphs, text, start, text.Length);
        return paragraphs.ToString();
    }

    private static void AppendParagraph(StringBuilder paragraphs, string text, int start, int end)
    {
        if (end <= start)
            return;
        var from = start;
        var to = end;
        while (from < to && text[from] == '\n')
            from++;
        while (to > from && text[to - 1] == '\n')
            to--;
        paragraphs.Append("<p>").Append(text, from, to - from).Append("</p>\n");
    }

    /// <summary>
    /// A <c>&lt;br /&gt;</c> right after a block-level tag (whitespace between them) removed with
    /// that whitespace: WordPress's <c>(&lt;/?block[^&gt;]*&gt;)\s*&lt;br /&gt;</c>, looked for
    /// backwards from each break instead of tried at every tag.
    /// </summary>
    private static string BreaksAfterBlockTags(string text)
    {
        const string Break = "<br />";
        StringBuilder? result = null;
        var copied = 0;
        var at = text.IndexOf(Break, StringComparison.Ordinal);
        while (at >= 0)
        {
            var tagEnd = at;
            while (tagEnd > copied && IsSpace(text[tagEnd - 1]))
                tagEnd--;
            if (tagEnd > copied && text[tagEnd - 1] == '>' && EndsBlockTag(text, copied, tagEnd - 1))
            {
                (result ??= new StringBuilder(text.Length)).Append(text, copied, tagEnd - copied);
                copied = at + Break.Length;
            }
            at = text.IndexOf(Break, at + Break.Length, StringComparison.Ordinal);
        }
        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Whether the <c>&gt;</c> at <paramref name="close"/> ends a tag that starts as a block-level one (<c>&lt;div</c>, <c>&lt;/p</c>…), with no <c>&gt;</c> between.</summary>
    private static bool EndsBlockTag(string text, int from, int close)
    {
        for (var open = close - 1; open >= from && text[open] != '>'; open--)
        {
            if (text[open] == '<' && StartsBlockName(text, text[open + 1] == '/' ? open + 2 : open + 1))
                return true;
        }
        return false;
    }

    /// <summary>Whether a block element's name starts at <paramref name="at"/> (as a prefix: WordPress's pattern has no boundary after it).</summary>
    private static bool StartsBlockName(string text, int at)
    {
        var rest = text.AsSpan(at);
        if (rest.Length >= 2 && rest[0] == 'h' && rest[1] is >= '1' and <= '6')
            return true;
        foreach (var name in BlockNames)
        {
            if (rest.StartsWith(name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static readonly string[] BlockNames =
    [
        "table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th", "div", "dl", "dd", "dt", "ul", "ol", "li", "pre", "form",
        "map", "area", "blockquote", "address", "math", "style", "p", "hr", "fieldset", "legend", "section", "article", "aside", "hgroup", "header",
        "footer", "nav", "figure", "figcaption", "details", "menu", "summary",
    ];

    /// <summary>Line breaks inside objects, media with sources, option lists and figure captions are layout, not text.</summary>
    private static string CollapseAroundInlineBlocks(string text)
    {
        if (text.Contains("<option", StringComparison.Ordinal))
            text = OptionAfter().Replace(OptionBefore().Replace(text, "<option"), "</option>");
        if (text.Contains("</object>", StringComparison.Ordinal))
        {
            text = ObjectOpening().Replace(text, "$1");
            text = ObjectClosing().Replace(text, "</object>");
            text = ParamOrEmbed().Replace(text, "$1");
        }
        if (text.Contains("<source", StringComparison.Ordinal) || text.Contains("<track", StringComparison.Ordinal))
        {
            text = MediaOpening().Replace(text, "$1");
            text = MediaClosing().Replace(text, "$1");
            text = SourceOrTrack().Replace(text, "$1");
        }
        if (text.Contains("<figcaption", StringComparison.Ordinal))
        {
            text = FigcaptionOpening().Replace(text, "$1");
            text = FigcaptionClosing().Replace(text, "</figcaption>");
        }
        return text;
    }

    /// <summary>Each remaining newline becomes <c>&lt;br /&gt;</c>, except inside script, style and svg.</summary>
    private static string LineBreaks(string text)
    {
        var kept = text.Contains("<script", StringComparison.Ordinal) || text.Contains("<style", StringComparison.Ordinal) || text.Contains("<svg", StringComparison.Ordinal);
        if (kept)
            text = KeptNewlineElement().Replace(text, match => match.Value.Replace("\n", KeptNewline));
        if (text.Contains("<br", StringComparison.Ordinal))
            text = text.Replace("<br>", "<br />").Replace("<br/>", "<br />");
        text = BreakNewlines(text);
        return text.Replace(KeptNewline, "\n");
    }

    /// <summary>
    /// Each run of whitespace that holds newlines, up to its last newline, becomes <c>&lt;br /&gt;\n</c>,
    /// unless a <c>&lt;br /&gt;</c> is right before it (then the run's first character stays):
    /// what WordPress's <c>(?&lt;!&lt;br /&gt;)\s*\n</c> replacement does, in one pass instead of a
    /// look-behind tried at every character, which was most of wpautop's time.
    /// </summary>
    private static string BreakNewlines(string text)
    {
        const string Break = "<br />";
        var result = new StringBuilder(text.Length + 256);
        var copied = 0;
        var newline = text.IndexOf('\n');
        while (newline >= 0)
        {
            var start = newline;
            while (start > 0 && IsSpace(text[start - 1]))
                start--;
            var last = newline;
            var end = newline + 1;
            for (; end < text.Length && IsSpace(text[end]); end++)
            {
                if (text[end] == '\n')
                    last = end;
            }
            var from = start >= Break.Length && string.CompareOrdinal(text, start - Break.Length, Break, 0, Break.Length) == 0 ? start + 1 : start;
            if (from <= last)
            {
                result.Append(text, copied, from - copied).Append(Break).Append('\n');
                copied = last + 1;
            }
            newline = end < text.Length ? text.IndexOf('\n', end) : -1;
        }
        return result.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    [GeneratedRegex(@"<br[\t\n\v\f\r ]*/?>[\t\n\v\f\r ]*<br[\t\n\v\f\r ]*/?>")]
    private static partial Regex DoubleBreak();

    [GeneratedRegex("(<" + Blocks + @"[\t\n\v\f\r />])")]
    private static partial Regex BlockOpening();

    [GeneratedRegex("(</" + Blocks + ">)")]
    private static partial Regex BlockClosing();

    [GeneratedRegex(@"(<hr[\t\n\v\f\r ]*?/?>)")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"[\t\n\v\f\r ]*<option")]
    private static partial Regex OptionBefore();

    [GeneratedRegex(@"</option>[\t\n\v\f\r ]*")]
    private static partial Regex OptionAfter();

    [GeneratedRegex(@"(<object[^>]*>)[\t\n\v\f\r ]*")]
    private static partial Regex ObjectOpening();

    [GeneratedRegex(@"[\t\n\v\f\r ]*</object>")]
    private static partial Regex ObjectClosing();

    [GeneratedRegex(@"[\t\n\v\f\r ]*(</?(?:param|embed)[^>]*>)[\t\n\v\f\r ]*")]
    private static partial Regex ParamOrEmbed();

    [GeneratedRegex(@"([<\[](?:audio|video)[^>\]]*[>\]])[\t\n\v\f\r ]*")]
    private static partial Regex MediaOpening();

    [GeneratedRegex(@"[\t\n\v\f\r ]*([<\[]/(?:audio|video)[>\]])")]
    private static partial Regex MediaClosing();

    [GeneratedRegex(@"[\t\n\v\f\r ]*(<(?:source|track)[^>]*>)[\t\n\v\f\r ]*")]
    private static partial Regex SourceOrTrack();

    [GeneratedRegex(@"[\t\n\v\f\r ]*(<figcaption[^>]*>)")]
    private static partial Regex FigcaptionOpening();

    [GeneratedRegex(@"</figcaption>[\t\n\v\f\r ]*")]
    private static partial Regex FigcaptionClosing();



    [GeneratedRegex(@"<p>[\t\n\v\f\r ]*</p>")]
    private static partial Regex EmptyParagraph();

    [GeneratedRegex("<p>([^<]+)</(div|address|form)>")]
    private static partial Regex UnclosedInDiv();

    [GeneratedRegex(@"<p>[\t\n\v\f\r ]*(</?" + Blocks + @"[^>]*>)[\t\n\v\f\r ]*</p>")]
    private static partial Regex WrappedBlockTag();

    [GeneratedRegex("<p>(<li.+?)</p>")]
    private static partial Regex WrappedListItem();

    [GeneratedRegex("<p><blockquote([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex WrappedBlockquote();

    [GeneratedRegex(@"<p>[\t\n\v\f\r ]*(</?" + Blocks + "[^>]*>)")]
    private static partial Regex ParagraphBeforeBlockTag();

    [GeneratedRegex("(</?" + Blocks + @"[^>]*>)[\t\n\v\f\r ]*</p>")]
    private static partial Regex ParagraphAfterBlockTag();

    [GeneratedRegex(@"<(script|style|svg).*?</\1>", RegexOptions.Singleline)]
    private static partial Regex KeptNewlineElement();



    [GeneratedRegex(@"<br />([\t\n\v\f\r ]*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)")]
    private static partial Regex BreakBeforeBlockTag();

    [GeneratedRegex("\n</p>$")]
    private static partial Regex FinalNewline();
}
