using System.Collections.Immutable;
using System.Net;
using CxFeed.Core.Excerpts;
using FsCheck;
using FsCheck.Fluent;

namespace CxFeed.Tests.Excerpts;

/// <summary>A generated cleaned body with a budget to cut it to.</summary>
public sealed record GeneratedPost(ImmutableArray<string> Blocks, ExcerptBudget Budget)
{
    public string Body => string.Join("\n", Blocks);

    public override string ToString() => $"{Budget} {Body}";

    /// <summary>Smaller posts that may fail the same way: one block fewer, or one word fewer in a block.</summary>
    public IEnumerable<GeneratedPost> Shrink()
    {
        for (var i = 0; i < Blocks.Length; i++)
            yield return this with { Blocks = Blocks.RemoveAt(i) };
        for (var i = 0; i < Blocks.Length; i++)
        {
            var words = Blocks[i].Split(' ');
            for (var j = 0; j < words.Length && words.Length > 1; j++)
                yield return this with { Blocks = Blocks.SetItem(i, string.Join(" ", words.Where((_, k) => k != j))) };
        }
    }
}

/// <summary>
/// FsCheck generators of cleaned WordPress-like bodies: paragraphs, headings, lists, quotes,
/// tables, figures, code blocks and tables of contents, with words that test the cut: typographic
/// punctuation, abbreviations, emoji sequences, combining marks, Chinese, Japanese, Thai, Hebrew,
/// Arabic, no-break spaces, character references and words too long for any budget.
/// </summary>
public static class GeneratedPosts
{
    public static readonly Uri Link = CleanedPosts.Link("generated");

    public const string Title = "Journey Mapping Mistakes to Avoid";

    private static readonly string[] Words =
    [
        "customer", "journey", "maps", "can", "be", "transformational", "for", "your", "organization", "and",
        "CX", "B2B", "Don’t", "it’s", "“Go", "Mile”", "“good,”", "right?", "great.", "Why?", "Yes!", "e.g.", "Dr.",
        "(aside)", "(see", "below)", "—", "–", "-", "said:", "this;", "that,", "\"quoted\"", "\"", "'", "…", "wait…",
        "100%", "$#@&amp;*%!", "&lt;tag&gt;", "A&amp;B", "5.4", "1", "in", "4",
        "👍🏽", "👨‍👩‍👧", "🇺🇸🇬🇧", "e\u0301te\u0301", "naïve", "café", "Æsir",
        "客户体验", "旅程地图。", "今天", "，", "iPhoneで", "写真を撮る。", "สวัสดีครับ", "שלום", "עולם.", "مرحبا،", "بالعالم.",
        "10\u00A0km", "\u00A0", "Journey-Mapping-Mistakes-to-Avoid",
    ];

    private static Gen<string> Word =>
        Gen.Frequency(
            (30, Gen.Elements(Words)),
            (1, Gen.Choose(30, 700).Select(length => new string('x', length))));

    private static Gen<string> Sentence =>
        Gen.Choose(1, 25).SelectMany(count => Gen.ListOf(Inline, count)).Select(parts => string.Join(" ", parts));

    private static Gen<string> Inline =>
        Gen.Frequency(
            (20, Word),
            (2, Word.Select(word => $"<em>{word}</em>")),
            (2, Word.Select(word => $"<strong>{word} {word}</strong>")),
            (2, Word.Select(word => $"<a href=\"https://example.com/{Math.Abs(word.GetHashCode() % 97)}\">{word}</a>")),
            (1, Word.Select(word => $"<code>{word}</code>")),
            (1, Gen.Constant("<img src=\"https://www.heartofthecustomer.com/metrics2.jpg\" alt=\"metrics2\" />")),
            (1, Gen.Constant("<br />")),
            (1, Gen.Constant("<a href=\"https://www.heartofthecustomer.com/generated/#more-4452\">Read more</a>")));

    private static Gen<string> Block =>
        Gen.Frequency(
            (12, Sentence.Select(text => $"<p>{text}</p>")),
            (2, Sentence.Select(text => $"<h2>{text}</h2>")),
            (1, Gen.Constant($"<h2>{WebUtility.HtmlEncode(Title)}</h2>")),
            (2, Gen.ListOf(Sentence, 3).Select(items => $"<ul>{string.Concat(items.Select(item => $"<li>{item}</li>"))}</ul>")),
            (1, Sentence.Select(text => $"<blockquote><p>{text}</p></blockquote>")),
            (1, Sentence.Select(text => $"<table><tbody><tr><td>{text}</td><td>{text}</td></tr></tbody></table>")),
            (1, Sentence.Select(text => $"<figure><img src=\"https://www.heartofthecustomer.com/a.png\" alt=\"a\" /><figcaption>{text}</figcaption></figure>")),
            (1, Sentence.Select(text => $"<pre><code>{text}</code></pre>")),
            (1, Gen.Constant("<p>Table of Contents</p><ul><li><a href=\"#one\">One</a></li><li><a href=\"#two\">Two</a></li></ul>")));

    private static Gen<ExcerptBudget> Budget =>
        Gen.OneOf(
            Gen.Choose(1, 80).Select(ExcerptBudget.Words),
            Gen.Choose(1, 400).Select(ExcerptBudget.Characters));

    public static Arbitrary<GeneratedPost> Posts() =>
        Arb.From(
            from count in Gen.Choose(0, 12)
            from blocks in Gen.ListOf(Block, count)
            from budget in Budget
            select new GeneratedPost([.. blocks], budget),
            post => post.Shrink());

    private static Gen<char> MarkupCharacter =>
        Gen.Elements("<<>>//\"\"'=&;#x pabliemgrc-!?\n\u00A0é👍".ToCharArray());

    /// <summary>Any string made of the characters that markup is made of, often far from well-formed.</summary>
    public static Arbitrary<string> Markup() =>
        Gen.Choose(0, 300).SelectMany(length => Gen.ArrayOf(MarkupCharacter, length)).Select(characters => new string(characters)).ToArbitrary();
}
