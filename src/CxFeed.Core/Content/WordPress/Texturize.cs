using System.Text;
using System.Text.RegularExpressions;

namespace CxFeed.Core.Content.WordPress;

/// <summary>
/// WordPress's <c>wptexturize</c>: the typography the blog shows for what the author typed —
/// straight quotes curled (opening, closing, apostrophes, <c>'90s</c>), primes after digits
/// (<c>9'</c>, <c>9"</c>), <c>--</c> and <c>---</c> as dashes, <c>...</c> as an ellipsis,
/// <c>9x9</c> as a multiplication sign, and a bare <c>&amp;</c> written as <c>&amp;#038;</c>.
/// Tags, comments and shortcode tags are left as written, and so is the text inside <c>pre</c>,
/// <c>code</c>, <c>kbd</c>, <c>style</c>, <c>script</c>, <c>tt</c> and <c>[code]</c>. The
/// characters are written as WordPress writes them, as numeric references (<c>&amp;#8217;</c>).
/// WordPress runs it on a post's title, content and excerpt; the same rules in the same order
/// give the same text. Pure and deterministic.
/// </summary>
public static partial class Texturize
{
    private const string OpeningQuote = "&#8220;";
    private const string ClosingQuote = "&#8221;";
    private const string Apostrophe = "&#8217;";
    private const string Prime = "&#8242;";
    private const string DoublePrime = "&#8243;";
    private const string OpeningSingleQuote = "&#8216;";
    private const string ClosingSingleQuote = "&#8217;";
    private const string EnDash = "&#8211;";
    private const string EmDash = "&#8212;";

    /// <summary>Markers for a decision taken by one step and written out by a later one (as WordPress's own).</summary>
    private const string OpenQuoteFlag = "<!--oq-->";
    private const string OpenSingleQuoteFlag = "<!--osq-->";
    private const string ApostropheFlag = "<!--apos-->";
    private const string PrimeOrQuoteFlag = "<!--wp-prime-or-quote-->";

    /// <summary>Whitespace as WordPress's <c>wp_spaces_regexp()</c> has it: no-break spaces included, written or as an entity.</summary>
    private const string Spaces = @"(?:[\r\n\t ]|\u00A0|&nbsp;)";

    private static readonly string[] NoTexturizeTags = ["pre", "code", "kbd", "style", "script", "tt"];

    private static readonly string[] CodeShortcode = ["code"];

    /// <summary>Replaced first, in this order, as plain strings: the ellipsis, TeX-style quotes, the trade mark, and words that begin with an apostrophe.</summary>
    private static readonly (string From, string To)[] Fixed =
    [
        ("...", "&#8230;"), ("``", OpeningQuote), ("''", ClosingQuote), (" (tm)", " &#8482;"),
        ("'tain't", "&#8217;tain&#8217;t"), ("'twere", "&#8217;twere"), ("'twas", "&#8217;twas"), ("'tis", "&#8217;tis"),
        ("'twill", "&#8217;twill"), ("'til", "&#8217;til"), ("'bout", "&#8217;bout"), ("'nuff", "&#8217;nuff"),
        ("'round", "&#8217;round"), ("'cause", "&#8217;cause"), ("'em", "&#8217;em"),
    ];

    /// <summary>The text with WordPress's typography (for a title: the title as written, before its character references are decoded).</summary>
    public static string Apply(string text)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        var result = ReusableBuilder.Take(text.Length + text.Length / 16);
        var closedTags = new List<string>();
        var closedShortcodes = new List<string>();
        var position = 0;
        var textStart = 0;
        while (position < text.Length)
        {
            var next = text.IndexOfAny(['<', '['], position);
            if (next < 0)
                break;
            int end;
            if (text[next] == '<')
            {
                end = HtmlSplitter.MarkupEnd(text, next);
            }
            else if (ShortcodeTagEnd(text, next) is { } shortcodeEnd)
            {
                end = shortcodeEnd;
            }
            else
            {
                position = next + 1;
                continue;
            }
            AppendText(result, text, textStart, next, closedTags.Count == 0 && closedShortcodes.Count == 0);
            var delimiter = text.AsSpan(next, end - next);
            if (delimiter[0] == '<')
            {
                if (!delimiter.StartsWith("<!--", StringComparison.Ordinal))
                {
                    if (delimiter.Contains('&'))
                        delimiter = BareAmpersand().Replace(delimiter.ToString(), "&#038;");
                    PushOrPop(delimiter, closedTags, NoTexturizeTags);
                }
            }
            else if (!delimiter.StartsWith("[[", StringComparison.Ordinal) && !delimiter.EndsWith("]]", StringComparison.Ordinal))
            {
                PushOrPop(delimiter, closedShortcodes, CodeShortcode);
            }
            result.Append(delimiter);
            position = textStart = end;
        }
        AppendText(result, text, textStart, text.Length, closedTags.Count == 0 && closedShortcodes.Count == 0);
        return ReusableBuilder.Release(result);
    }

    private static void AppendText(StringBuilder result, string text, int start, int end, bool texturize)
    {
        if (start >= end)
            return;
        var part = text.AsSpan(start, end - start);
        if (texturize && !part.IsWhiteSpace() && MayChange(part))
            result.Append(Text(part.ToString()));
        else
            result.Append(part);
    }

    /// <summary>
    /// Whether <see cref="Text"/> can change the run: it holds a quote, a dash, an ampersand, a
    /// backtick, an ellipsis, a trade mark or a multiplication. Most runs of prose hold none, and
    /// are then copied without being cut out of the text.
    /// </summary>
    private static bool MayChange(ReadOnlySpan<char> part) =>
        part.IndexOfAny(Triggers) >= 0
        || part.Contains("...", StringComparison.Ordinal)
        || part.Contains(" (tm)", StringComparison.Ordinal)
        || (part.Contains('x') && DigitTimesDigit().IsMatch(part));

    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("'\"-&`");

    /// <summary>
    /// Where a shortcode tag starting at <paramref name="start"/> ends (<c>[name …]</c>,
    /// <c>[/name]</c>, <c>[[name]]</c>; tags inside are allowed, brackets not), for the names a blog
    /// registers (<see cref="Shortcodes.IsRegisteredName"/>); null when none starts there.
    /// </summary>
    private static int? ShortcodeTagEnd(string text, int start)
    {
        var position = start + 1;
        if (position < text.Length && text[position] is '/' or '[')
            position++;
        var nameStart = position;
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '_' or '-'))
            position++;
        if (position == nameStart || position >= text.Length || !(char.IsWhiteSpace(text[position]) || text[position] is ']' or '/'))
            return null;
        if (!Shortcodes.IsRegisteredName(text.AsSpan(nameStart, position - nameStart)))
            return null;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == ']')
                return position + 1 < text.Length && text[position + 1] == ']' ? position + 2 : position + 1;
            if (c == '[' || c == '>')
                return null;
            if (c == '<')
            {
                var close = text.IndexOfAny(['>', '[', ']'], position + 1);
                if (close < 0 || text[close] != '>')
                    return null;
                position = close;
            }
            position++;
        }
        return null;
    }

    /// <summary>An opening tag of a name in <paramref name="names"/> stops the texturizing until its closing tag.</summary>
    private static void PushOrPop(ReadOnlySpan<char> tag, List<string> open, string[] names)
    {
        var opening = tag.Length > 1 && tag[1] != '/';
        if (!opening && open.Count == 0)
            return;
        var nameOffset = opening ? 1 : 2;
        var space = tag.IndexOf(' ');
        // As WordPress reads the name: up to the first space, else all but the last character.
        var name = space < 0 ? tag[nameOffset..^1] : space > nameOffset ? tag[nameOffset..space] : [];
        string? known = null;
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
                known = candidate;
        }
        if (known is null)
            return;
        if (opening)
            open.Add(known);
        else if (open[^1] == known)
            open.RemoveAt(open.Count - 1);
    }

    /// <summary>One run of text outside tags and shortcodes.</summary>
    private static string Text(string text)
    {
        foreach (var (from, to) in Fixed)
        {
            if (text.Contains(from, StringComparison.Ordinal))
                text = text.Replace(from, to, StringComparison.Ordinal);
        }
        if (text.Contains('\''))
        {
            text = QuotedYearSingle().Replace(text, ApostropheFlag + "$1" + ClosingSingleQuote);
            text = QuotedYearDouble().Replace(text, ApostropheFlag + "$1" + ClosingQuote);
            text = AbbreviatedYear().Replace(text, ApostropheFlag);
            text = SingleQuotedNumber().Replace(text, OpenSingleQuoteFlag + "$1" + ClosingSingleQuote);
            text = OpeningSingle().Replace(text, OpenSingleQuoteFlag);
            text = ApostropheInWord().Replace(text, ApostropheFlag);
            text = Primes(text, '\'', Prime, OpenSingleQuoteFlag, ClosingSingleQuote);
            text = text.Replace(ApostropheFlag, Apostrophe, StringComparison.Ordinal).Replace(OpenSingleQuoteFlag, OpeningSingleQuote, StringComparison.Ordinal);
        }
        if (text.Contains('"'))
        {
            text = DoubleQuotedNumber().Replace(text, OpenQuoteFlag + "$1" + ClosingQuote);
            text = OpeningDouble().Replace(text, OpenQuoteFlag);
            text = Primes(text, '"', DoublePrime, OpenQuoteFlag, ClosingQuote);
            text = text.Replace(OpenQuoteFlag, OpeningQuote, StringComparison.Ordinal);
        }
        if (text.Contains('-'))
        {
            text = text.Replace("---", EmDash, StringComparison.Ordinal);
            text = SpacedDoubleDash().Replace(text, EmDash);
            text = DoubleDash().Replace(text, EnDash);
            text = SpacedDash().Replace(text, EnDash);
        }
        if (text.Contains('x') && DigitTimesDigit().IsMatch(text))
            text = Times().Replace(text, "$1&#215;$2");
        return text.Contains('&') ? BareAmpersand().Replace(text, "&#038;") : text;
    }

    /// <summary>
    /// The quote marks left after the opening ones were found: in each stretch after an opening
    /// quote without a closing one yet, the candidate before punctuation or a space closes it (the
    /// rightmost one, or the one before a period, when there are several); a mark after a digit is a prime.
    /// </summary>
    private static string Primes(string text, char needle, string prime, string openQuote, string closeQuote)
    {
        var quotePattern = needle == '"' ? DoubleQuoteBeforeEnd() : SingleQuoteBeforeEnd();
        var primePattern = needle == '"' ? DoubleAfterDigit() : SingleAfterDigit();
        var sentences = text.Split(openQuote);
        for (var key = 0; key < sentences.Length; key++)
        {
            var sentence = sentences[key];
            if (!sentence.Contains(needle))
                continue;
            if (key != 0 && !sentence.Contains(closeQuote, StringComparison.Ordinal))
            {
                var count = 0;
                sentence = quotePattern.Replace(sentence, _ =>
                {
                    count++;
                    return PrimeOrQuoteFlag;
                });
                if (count > 1)
                {
                    var closedNoDigit = 0;
                    sentence = FlagNotAfterDigit().Replace(sentence, _ =>
                    {
                        closedNoDigit++;
                        return closeQuote;
                    });
                    if (closedNoDigit == 0)
                    {
                        var beforePeriod = sentence.LastIndexOf(PrimeOrQuoteFlag + ".", StringComparison.Ordinal);
                        var at = beforePeriod >= 0 ? beforePeriod : sentence.LastIndexOf(PrimeOrQuoteFlag, StringComparison.Ordinal);
                        sentence = string.Concat(sentence.AsSpan(0, at), closeQuote, sentence.AsSpan(at + PrimeOrQuoteFlag.Length));
                    }
                    sentence = primePattern.Replace(sentence, prime);
                    sentence = FlagAfterDigit().Replace(sentence, prime);
                    sentence = sentence.Replace(PrimeOrQuoteFlag, closeQuote, StringComparison.Ordinal);
                }
                else if (count == 1)
                {
                    sentence = sentence.Replace(PrimeOrQuoteFlag, closeQuote, StringComparison.Ordinal);
                    sentence = primePattern.Replace(sentence, prime);
                }
                else
                {
                    sentence = primePattern.Replace(sentence, prime);
                }
            }
            else
            {
                sentence = primePattern.Replace(sentence, prime);
                sentence = quotePattern.Replace(sentence, closeQuote);
            }
            if (needle == '"' && sentence.Contains('"'))
                sentence = sentence.Replace("\"", closeQuote, StringComparison.Ordinal);
            sentences[key] = sentence;
        }
        return string.Join(openQuote, sentences);
    }

    private const string QuoteEnd = @"(?=\Z|[.,:;!?)}\-\]]|&gt;|" + Spaces + ")";

    /// <summary><c>'99'</c> at the end of a quotation: an abbreviated year, then the closing quote.</summary>
    [GeneratedRegex(@"'([0-9][0-9])'" + QuoteEnd)]
    private static partial Regex QuotedYearSingle();

    [GeneratedRegex(@"'([0-9][0-9])""" + QuoteEnd)]
    private static partial Regex QuotedYearDouble();

    /// <summary><c>'99</c>, <c>'99s</c>: an apostrophe; never <c>'9</c>, <c>'99%</c>, <c>'999</c> or <c>'99.0</c>.</summary>
    [GeneratedRegex(@"'(?=[0-9][0-9](?:\Z|(?![%0-9]|[.,][0-9])))")]
    private static partial Regex AbbreviatedYear();

    [GeneratedRegex(@"(?<=\A|" + Spaces + @")'([0-9][.,0-9]*)'")]
    private static partial Regex SingleQuotedNumber();

    [GeneratedRegex(@"(?<=\A|[(\[{""\-]|&lt;|" + Spaces + ")'")]
    private static partial Regex OpeningSingle();

    [GeneratedRegex(@"(?<!" + Spaces + @")'(?!\Z|[.,:;!?""'(){}\[\]\-]|&[lg]t;|" + Spaces + ")")]
    private static partial Regex ApostropheInWord();

    [GeneratedRegex(@"(?<=\A|" + Spaces + @")""([0-9][.,0-9]*)""")]
    private static partial Regex DoubleQuotedNumber();

    [GeneratedRegex(@"(?<=\A|[(\[{\-]|&lt;|" + Spaces + @")""(?!" + Spaces + ")")]
    private static partial Regex OpeningDouble();

    [GeneratedRegex("'" + QuoteEnd)]
    private static partial Regex SingleQuoteBeforeEnd();

    [GeneratedRegex("\"" + QuoteEnd)]
    private static partial Regex DoubleQuoteBeforeEnd();

    [GeneratedRegex("(?<=[0-9])'")]
    private static partial Regex SingleAfterDigit();

    [GeneratedRegex("(?<=[0-9])\"")]
    private static partial Regex DoubleAfterDigit();

    [GeneratedRegex("(?<=[0-9])<!--wp-prime-or-quote-->")]
    private static partial Regex FlagAfterDigit();

    [GeneratedRegex("(?<![0-9])<!--wp-prime-or-quote-->")]
    private static partial Regex FlagNotAfterDigit();

    /// <summary><c>--</c> alone between spaces (or at an end) is an em dash.</summary>
    [GeneratedRegex(@"(?<=\A|" + Spaces + @")--(?=(?:\z|\n\z)|" + Spaces + ")")]
    private static partial Regex SpacedDoubleDash();

    /// <summary>Any other <c>--</c> is an en dash, except in a punycode host (<c>xn--</c>).</summary>
    [GeneratedRegex("(?<!xn)--")]
    private static partial Regex DoubleDash();

    [GeneratedRegex(@"(?<=\A|" + Spaces + @")-(?=(?:\z|\n\z)|" + Spaces + ")")]
    private static partial Regex SpacedDash();

    [GeneratedRegex("(?<=[0-9])x[0-9]")]
    private static partial Regex DigitTimesDigit();

    /// <summary><c>9x9</c> is a multiplication; a hexadecimal <c>0x9999</c> is not (a leading zero needs more digits).</summary>
    [GeneratedRegex(@"\b(0[0-9.,]+|[1-9][0-9.,]*)x([0-9][0-9.,]*)\b")]
    private static partial Regex Times();

    /// <summary>An <c>&amp;</c> that does not start a character reference.</summary>
    [GeneratedRegex("&(?!#(?:[0-9]+|x[a-f0-9]+);|[a-z1-4]{1,8};)", RegexOptions.IgnoreCase)]
    private static partial Regex BareAmpersand();
}
