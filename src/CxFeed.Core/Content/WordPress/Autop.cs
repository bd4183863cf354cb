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
        text = BlankLinesAroundBlocks(text);
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        text = NewlinesInTags(text);
        text = CollapseAroundInlineBlocks(text);
        text = Paragraphs(text);

        text = EmptyParagraphs(text);
        // The rarer clean-ups run only where their pattern can match: a replacement copies the whole text.
        if (text.Contains("</div>", StringComparison.Ordinal) || text.Contains("</address>", StringComparison.Ordinal) || text.Contains("</form>", StringComparison.Ordinal))
            text = UnclosedInDiv().Replace(text, "<p>$1</p></$2>");
        text = WrappedBlockTags(text);
        if (text.Contains("<p><li", StringComparison.Ordinal))
            text = WrappedListItem().Replace(text, "$1");
        if (WrappedBlockquote().IsMatch(text))
            text = WrappedBlockquote().Replace(text, "<blockquote$1><p>");
        text = text.Replace("</blockquote></p>", "</p></blockquote>", StringComparison.Ordinal);
        text = ParagraphsBeforeBlockTags(text);
        text = ParagraphsAfterBlockTags(text);

        text = LineBreaks(text);

        text = BreaksAfterBlockTags(text);
        text = BreaksBeforeBlockTags(text);
        text = WithoutFinalNewline(text);

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
        // WordPress splits the text at each "</pre>"; each part but the last is looked at from its
        // first "<pre", found here in place instead of in split copies.
        const string End = "</pre>";
        var result = ReusableBuilder.Take(text.Length);
        var partStart = 0;
        for (var close = text.IndexOf(End, StringComparison.Ordinal); close >= 0; close = text.IndexOf(End, partStart, StringComparison.Ordinal))
        {
            var start = text.AsSpan(partStart, close - partStart).IndexOf("<pre", StringComparison.Ordinal);
            if (start < 0)
            {
                // A closing tag with no opening one: left as the author wrote it (without the stray end tag, as WordPress does).
                result.Append(text, partStart, close - partStart);
            }
            else
            {
                result.Append(text, partStart, start).Append(PrePlaceholder(preBlocks.Count));
                preBlocks.Add(text.Substring(partStart + start, close + End.Length - partStart - start));
            }
            partStart = close + End.Length;
        }
        return ReusableBuilder.Release(result.Append(text, partStart, text.Length - partStart));
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
        var result = ReusableBuilder.Take(text.Length + preBlocks.Sum(block => block.Length));
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
        return ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
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
                result ??= ReusableBuilder.Take(text.Length + 256);
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
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    /// <summary>
    /// The text cut into paragraphs where a newline is followed, through whitespace only, by
    /// another newline (runs of newlines first made two, as WordPress's <c>\n\n+</c>); each
    /// non-empty one, its newlines trimmed, wrapped in <c>&lt;p&gt;</c>, in one pass.
    /// </summary>
    private static string Paragraphs(string text)
    {
        var paragraphs = ReusableBuilder.Take(text.Length + text.Length / 8);
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
        return ReusableBuilder.Release(paragraphs);
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
                (result ??= ReusableBuilder.Take(text.Length)).Append(text, copied, tagEnd - copied);
                copied = at + Break.Length;
            }
            at = text.IndexOf(Break, at + Break.Length, StringComparison.Ordinal);
        }
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
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
        var result = ReusableBuilder.Take(text.Length + 256);
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
        return ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    /// <summary>
    /// A blank line before each block-level opening tag and after each block-level closing tag and
    /// each <c>&lt;hr&gt;</c>: WordPress's <c>(&lt;block[\s/&gt;])</c>, <c>(&lt;/block&gt;)</c> and
    /// <c>(&lt;hr\s*?/?&gt;)</c> replacements, one after the other, in one scan (the newlines one adds
    /// neither make nor break a match of another).
    /// </summary>
    private static string BlankLinesAroundBlocks(string text)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var open = text.IndexOf('<'); open >= 0 && open + 1 < text.Length; open = text.IndexOf('<', open + 1))
        {
            var before = OpensBlock(text, open + 1);
            var after = text[open + 1] == '/' ? ClosesBlock(text, open + 2) : RuleEnd(text, open + 1);
            if (!before && after < 0)
                continue;
            result ??= ReusableBuilder.Take(text.Length + 256);
            result.Append(text, copied, open - copied);
            copied = open;
            if (before)
                result.Append("\n\n");
            if (after >= 0)
            {
                result.Append(text, open, after - open).Append("\n\n");
                copied = after;
            }
        }
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    /// <summary>Whether a block element's name starts at <paramref name="at"/> followed by whitespace, <c>/</c> or <c>&gt;</c>.</summary>
    private static bool OpensBlock(string text, int at)
    {
        if (at + 2 < text.Length && text[at] == 'h' && text[at + 1] is >= '1' and <= '6' && IsNameEnd(text[at + 2]))
            return true;
        foreach (var name in BlockNames)
        {
            if (at + name.Length < text.Length && string.CompareOrdinal(text, at, name, 0, name.Length) == 0 && IsNameEnd(text[at + name.Length]))
                return true;
        }
        return false;

        static bool IsNameEnd(char c) => IsSpace(c) || c is '/' or '>';
    }

    /// <summary>Where the closing tag of a block element whose name starts at <paramref name="at"/> ends (after its <c>&gt;</c>), or -1.</summary>
    private static int ClosesBlock(string text, int at)
    {
        if (at + 2 < text.Length && text[at] == 'h' && text[at + 1] is >= '1' and <= '6' && text[at + 2] == '>')
            return at + 3;
        foreach (var name in BlockNames)
        {
            if (at + name.Length < text.Length && string.CompareOrdinal(text, at, name, 0, name.Length) == 0 && text[at + name.Length] == '>')
                return at + name.Length + 1;
        }
        return -1;
    }

    /// <summary>Where an <c>hr</c> tag (<c>hr\s*/?&gt;</c>) starting at <paramref name="at"/> ends, or -1.</summary>
    private static int RuleEnd(string text, int at)
    {
        if (string.CompareOrdinal(text, at, "hr", 0, 2) != 0)
            return -1;
        var position = at + 2;
        while (position < text.Length && IsSpace(text[position]))
            position++;
        if (position < text.Length && text[position] == '/')
            position++;
        return position < text.Length && text[position] == '>' ? position + 1 : -1;
    }

    /// <summary>Every <c>&lt;p&gt;\s*&lt;/p&gt;</c> removed.</summary>
    private static string EmptyParagraphs(string text)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var at = text.IndexOf("<p>", StringComparison.Ordinal); at >= 0; at = text.IndexOf("<p>", at + 1, StringComparison.Ordinal))
        {
            var end = SkipSpaces(text, at + 3);
            if (string.CompareOrdinal(text, end, "</p>", 0, 4) != 0)
                continue;
            (result ??= ReusableBuilder.Take(text.Length)).Append(text, copied, at - copied);
            copied = end + 4;
            at = copied - 1;
        }
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    /// <summary>A paragraph that holds one block-level tag alone made that tag: WordPress's <c>&lt;p&gt;\s*(&lt;/?block[^&gt;]*&gt;)\s*&lt;/p&gt;</c>.</summary>
    private static string WrappedBlockTags(string text)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var at = text.IndexOf("<p>", StringComparison.Ordinal); at >= 0; at = text.IndexOf("<p>", at + 1, StringComparison.Ordinal))
        {
            var tag = SkipSpaces(text, at + 3);
            var tagEnd = BlockTagEnd(text, tag);
            if (tagEnd < 0)
                continue;
            var close = SkipSpaces(text, tagEnd);
            if (string.CompareOrdinal(text, close, "</p>", 0, 4) != 0)
                continue;
            (result ??= ReusableBuilder.Take(text.Length)).Append(text, copied, at - copied).Append(text, tag, tagEnd - tag);
            copied = close + 4;
            at = copied - 1;
        }
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    /// <summary>A paragraph's opening tag (and the whitespace after it) dropped before a block-level tag: WordPress's <c>&lt;p&gt;\s*(&lt;/?block[^&gt;]*&gt;)</c>.</summary>
    private static string ParagraphsBeforeBlockTags(string text)
    {
        StringBuilder? result = null;
        var copied = 0;
        for (var at = text.IndexOf("<p>", StringComparison.Ordinal); at >= 0; at = text.IndexOf("<p>", at + 1, StringComparison.Ordinal))
        {
            var tag = SkipSpaces(text, at + 3);
            var tagEnd = BlockTagEnd(text, tag);
            if (tagEnd < 0)
                continue;
            (result ??= ReusableBuilder.Take(text.Length)).Append(text, copied, at - copied);
            copied = tag;
            at = tagEnd - 1;
        }
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    /// <summary>A paragraph's closing tag (and the whitespace before it) dropped after a block-level tag: WordPress's <c>(&lt;/?block[^&gt;]*&gt;)\s*&lt;/p&gt;</c>.</summary>
    private static string ParagraphsAfterBlockTags(string text)
    {
        const string Close = "</p>";
        StringBuilder? result = null;
        var copied = 0;
        for (var at = text.IndexOf(Close, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Close, at + Close.Length, StringComparison.Ordinal))
        {
            var tagEnd = at;
            while (tagEnd > copied && IsSpace(text[tagEnd - 1]))
                tagEnd--;
            if (tagEnd > copied && text[tagEnd - 1] == '>' && EndsBlockTag(text, copied, tagEnd - 1))
            {
                (result ??= ReusableBuilder.Take(text.Length)).Append(text, copied, tagEnd - copied);
                copied = at + Close.Length;
            }
        }
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    /// <summary>Where a block-level tag (<c>&lt;/?block[^&gt;]*&gt;</c>) starting at <paramref name="at"/> ends (after its <c>&gt;</c>), or -1.</summary>
    private static int BlockTagEnd(string text, int at)
    {
        if (at + 1 >= text.Length || text[at] != '<' || !StartsBlockName(text, text[at + 1] == '/' ? at + 2 : at + 1))
            return -1;
        var close = text.IndexOf('>', at + 1);
        return close < 0 ? -1 : close + 1;
    }

    /// <summary>
    /// A <c>&lt;br /&gt;</c> dropped before (whitespace between) a tag of a paragraph, list, item,
    /// division, definition list, table cell or <c>pre</c>: WordPress's
    /// <c>&lt;br /&gt;(\s*&lt;/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^&gt;]*&gt;)</c>.
    /// </summary>
    private static string BreaksBeforeBlockTags(string text)
    {
        const string Break = "<br />";
        StringBuilder? result = null;
        var copied = 0;
        for (var at = text.IndexOf(Break, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Break, at + 1, StringComparison.Ordinal))
        {
            var tag = SkipSpaces(text, at + Break.Length);
            if (tag + 1 >= text.Length || text[tag] != '<')
                continue;
            var name = text[tag + 1] == '/' ? tag + 2 : tag + 1;
            if (!StartsAny(text, name, BreakingNames))
                continue;
            var close = text.IndexOf('>', name);
            if (close < 0)
                continue;
            (result ??= ReusableBuilder.Take(text.Length)).Append(text, copied, at - copied);
            copied = at + Break.Length;
            at = close;
        }
        return result is null ? text : ReusableBuilder.Release(result.Append(text, copied, text.Length - copied));
    }

    private static readonly string[] BreakingNames = ["p", "li", "div", "dl", "dd", "dt", "th", "pre", "td", "ul", "ol"];

    private static bool StartsAny(string text, int at, string[] names)
    {
        var rest = text.AsSpan(at);
        foreach (var name in names)
        {
            if (rest.StartsWith(name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>A newline before the last <c>&lt;/p&gt;</c> of the text (or before it and a final newline) dropped: WordPress's <c>\n&lt;/p&gt;$</c>.</summary>
    private static string WithoutFinalNewline(string text)
    {
        if (text.EndsWith("\n</p>", StringComparison.Ordinal))
            return string.Concat(text.AsSpan(0, text.Length - 5), "</p>");
        if (text.EndsWith("\n</p>\n", StringComparison.Ordinal))
            return string.Concat(text.AsSpan(0, text.Length - 6), "</p>\n");
        return text;
    }

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && IsSpace(text[position]))
            position++;
        return position;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    [GeneratedRegex(@"<br[\t\n\v\f\r ]*/?>[\t\n\v\f\r ]*<br[\t\n\v\f\r ]*/?>")]
    private static partial Regex DoubleBreak();

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

    [GeneratedRegex("<p>([^<]+)</(div|address|form)>")]
    private static partial Regex UnclosedInDiv();

    [GeneratedRegex("<p>(<li.+?)</p>")]
    private static partial Regex WrappedListItem();

    [GeneratedRegex("<p><blockquote([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex WrappedBlockquote();

    [GeneratedRegex(@"<(script|style|svg).*?</\1>", RegexOptions.Singleline)]
    private static partial Regex KeptNewlineElement();

}
