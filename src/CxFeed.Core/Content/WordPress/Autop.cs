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
        text = SetAsidePre(text, preBlocks);

        text = DoubleBreak().Replace(text, "\n\n");
        text = BlockOpening().Replace(text, "\n\n$1");
        text = BlockClosing().Replace(text, "$1\n\n");
        text = HorizontalRule().Replace(text, "$1\n\n");
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        text = HtmlSplitter.ReplaceInTags(text, "\n", TagNewline);
        text = CollapseAroundInlineBlocks(text);
        text = ManyNewlines().Replace(text, "\n\n");

        var paragraphs = new StringBuilder(text.Length + 64);
        foreach (var paragraph in ParagraphSeparator().Split(text))
        {
            if (paragraph.Length > 0)
                paragraphs.Append("<p>").Append(paragraph.Trim('\n')).Append("</p>\n");
        }
        text = paragraphs.ToString();

        text = EmptyParagraph().Replace(text, "");
        text = UnclosedInDiv().Replace(text, "<p>$1</p></$2>");
        text = WrappedBlockTag().Replace(text, "$1");
        text = WrappedListItem().Replace(text, "$1");
        text = WrappedBlockquote().Replace(text, "<blockquote$1><p>").Replace("</blockquote></p>", "</p></blockquote>");
        text = ParagraphBeforeBlockTag().Replace(text, "$1");
        text = ParagraphAfterBlockTag().Replace(text, "$1");

        text = LineBreaks(text);

        text = BreakAfterBlockTag().Replace(text, "$1");
        text = BreakBeforeBlockTag().Replace(text, "$1");
        text = FinalNewline().Replace(text, "</p>");

        for (var i = preBlocks.Count - 1; i >= 0; i--)
            text = text.Replace(PrePlaceholder(i), preBlocks[i]);
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

    private static string PrePlaceholder(int index) => $"<pre wp-pre-tag-{index}></pre>";

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
        text = KeptNewlineElement().Replace(text, match => match.Value.Replace("\n", KeptNewline));
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

    [GeneratedRegex("\n\n+")]
    private static partial Regex ManyNewlines();

    [GeneratedRegex(@"\n[\t\n\v\f\r ]*\n")]
    private static partial Regex ParagraphSeparator();

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


    [GeneratedRegex("(</?" + Blocks + @"[^>]*>)[\t\n\v\f\r ]*<br />")]
    private static partial Regex BreakAfterBlockTag();

    [GeneratedRegex(@"<br />([\t\n\v\f\r ]*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)")]
    private static partial Regex BreakBeforeBlockTag();

    [GeneratedRegex("\n</p>$")]
    private static partial Regex FinalNewline();
}
