using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CxFeed.Core.Excerpts;
using FsCheck.Xunit;

namespace CxFeed.Tests.Excerpts;

[Properties(Arbitrary = [typeof(GeneratedPosts)], MaxTest = 500)]
public partial class ExcerptPropertyTests
{
    private static readonly ExcerptBudget Unlimited = ExcerptBudget.Characters(int.MaxValue);

    private static Excerpt Build(string body, ExcerptBudget budget) =>
        new ExcerptBuilder().Build(new ExcerptSource(GeneratedPosts.Title, GeneratedPosts.Link, body), budget);

    [Property]
    public bool The_excerpt_is_the_start_of_the_cleaned_text(GeneratedPost post)
    {
        var excerpt = Build(post.Body, post.Budget);
        var whole = Build(post.Body, Unlimited);

        return excerpt.IsCut
            ? whole.Text.StartsWith(WithoutEllipsis(excerpt.Text), StringComparison.Ordinal)
            : excerpt.Text == whole.Text;
    }

    [Property]
    public bool The_excerpt_never_exceeds_its_budget(GeneratedPost post)
    {
        var text = WithoutEllipsis(Build(post.Body, post.Budget).Text);
        var graphemes = StringInfo.ParseCombiningCharacters(text).Length;

        return post.Budget.Unit == ExcerptUnit.Words
            ? Words(text) <= post.Budget.Size && graphemes <= post.Budget.Size * ExcerptBudget.CharactersPerWord
            : graphemes <= post.Budget.Size;
    }

    [Property]
    public bool A_cut_excerpt_ends_with_one_ellipsis_after_no_space_or_pause_or_at_a_sentence_end(GeneratedPost post)
    {
        var excerpt = Build(post.Body, post.Budget);
        if (!excerpt.IsCut || excerpt.Text.Length == 0)
            return !excerpt.Text.EndsWith(' ');
        if (!excerpt.Text.EndsWith('…'))
            return excerpt.Text.TrimEnd([.. ExcerptPolicy.Closers]) is { Length: > 0 } sentence && ExcerptPolicy.SentenceEnds.Contains(sentence[^1]);
        var before = WithoutEllipsis(excerpt.Text);
        var authorsOwnEllipsis = before.EndsWith(' ');
        return excerpt.Text.EndsWith('…')
            && (before.Length == 0 || authorsOwnEllipsis || !(char.IsWhiteSpace(before[^1]) || ",;:–—(“‘".Contains(before[^1]) || before.EndsWith(" \"", StringComparison.Ordinal)));
    }

    [Property]
    public bool Both_forms_are_valid_utf16(GeneratedPost post)
    {
        var excerpt = Build(post.Body, post.Budget);

        return IsValidUtf16(excerpt.Text) && IsValidUtf16(excerpt.Html);
    }

    [Property]
    public bool Cutting_an_excerpt_again_with_the_same_budget_changes_nothing(GeneratedPost post)
    {
        var excerpt = Build(post.Body, post.Budget);
        // Without a title: an excerpt that is all title would be the title repeated.
        var again = new ExcerptBuilder().Build(new ExcerptSource("", GeneratedPosts.Link, $"<p>{Escape(excerpt.Text)}</p>"), post.Budget);

        return again.Text == excerpt.Text;
    }

    [Property]
    public bool The_html_form_parses_as_xml_in_one_root_and_holds_the_same_text(GeneratedPost post)
    {
        var excerpt = Build(post.Body, post.Budget);
        var root = XElement.Parse($"<root>{excerpt.Html}</root>");
        var readMore = root.Elements().Last();
        readMore.Remove();

        return readMore.ToString(SaveOptions.DisableFormatting) == $"<p><a href=\"{GeneratedPosts.Link}\">Continue reading “{GeneratedPosts.Title}”</a></p>"
            && WithoutSpaces(root.Value) == WithoutSpaces(excerpt.Text);
    }

    [Property(Arbitrary = [typeof(GeneratedPosts)], MaxTest = 1000)]
    public bool Any_markup_gives_well_formed_valid_excerpts(string markup)
    {
        var excerpt = Build(markup, ExcerptBudget.Words(5));

        return IsValidUtf16(excerpt.Text) && XElement.Parse($"<root>{excerpt.Html}</root>") is not null;
    }

    private static string WithoutEllipsis(string text) => text.EndsWith('…') ? text[..^1] : text;

    private static string WithoutSpaces(string text) => Regex.Replace(text, @"\s", "");

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static bool IsValidUtf16(string text)
    {
        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    // The budget's words, counted independently of the builder: runs between white space, where
    // each character of Chinese, Japanese or Thai is a word of its own.
    private static int Words(string text)
    {
        var count = 0;
        var rest = Spaceless().Replace(text, match => { count++; return " "; });
        return count + Regex.Split(rest, @"\s+").Count(part => part.Length > 0);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}|\p{IsCJKSymbolsandPunctuation}|\p{IsHiragana}|\p{IsKatakana}|\p{IsHalfwidthandFullwidthForms}|\p{IsThai}[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*")]
    private static partial Regex Spaceless();
}
