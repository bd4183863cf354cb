using System.Text;
using System.Xml.Linq;
using CxFeed.Core.Excerpts;
using static CxFeed.Tests.Excerpts.CleanedPosts;

namespace CxFeed.Tests.Excerpts;

public class ExcerptEdgeCaseTests
{
    private static readonly Uri Post = Link("a-post");

    private const string ReadMore = "\n<p><a href=\"https://www.heartofthecustomer.com/a-post/\">Continue reading “A Post”</a></p>";

    private static Excerpt Build(string body, ExcerptBudget? budget = null, string title = "A Post") =>
        new ExcerptBuilder().Build(new ExcerptSource(title, Post, body), budget ?? ExcerptBudget.Default);

    [Fact]
    public void A_post_of_only_images_has_an_empty_excerpt_and_only_the_link()
    {
        var excerpt = Build("""
            <p><img src="https://www.heartofthecustomer.com/a.png" alt="bad cx data" /></p>
            <figure><img src="https://www.heartofthecustomer.com/b.png" alt="metrics2" /><figcaption>metrics2</figcaption></figure>
            """);

        Assert.Equal(new Excerpt("", ReadMore[1..], IsCut: false), excerpt);
    }

    [Fact]
    public void An_empty_post_has_an_empty_excerpt()
    {
        Assert.Equal(new Excerpt("", ReadMore[1..], IsCut: false), Build(""));
    }

    [Fact]
    public void One_100000_character_word_is_cut_inside_at_ten_characters_a_word_of_the_budget()
    {
        var word = new string('x', 100_000);

        var byWords = Build($"<p>{word}</p>");
        var byCharacters = Build($"<p>{word}</p>", ExcerptBudget.Characters(20));

        Assert.Equal(new string('x', 550) + "…", byWords.Text);
        Assert.True(byWords.IsCut);
        Assert.Equal(new string('x', 20) + "…", byCharacters.Text);
        Assert.Equal($"<p>{new string('x', 20)}…</p>{ReadMore}", byCharacters.Html);
    }

    [Fact]
    public void A_long_word_after_nothing_readable_is_cut_inside()
    {
        var excerpt = Build($"<p>“ {new string('x', 600)} end</p>", ExcerptBudget.Characters(100));

        Assert.Equal("“ " + new string('x', 98) + "…", excerpt.Text);
    }

    [Fact]
    public void An_excerpt_that_would_hold_only_punctuation_is_empty()
    {
        var excerpt = Build("<p>— and then some</p>", ExcerptBudget.Words(1));

        Assert.Equal(new Excerpt("", ReadMore[1..], IsCut: true), excerpt);
    }

    [Fact]
    public void A_first_block_that_is_a_heading_equal_to_the_title_is_left_out()
    {
        var excerpt = Build(
            "<h2>Stop Playing <em>CX</em> Whack-A-Mole</h2>\n<p>“All happy customers are alike; each unhappy customer is unhappy in its own way.”</p>",
            title: "Stop Playing CX Whack-A-Mole");

        Assert.Equal("“All happy customers are alike; each unhappy customer is unhappy in its own way.”", excerpt.Text);
        Assert.StartsWith("<p>“All happy", excerpt.Html);
    }

    [Fact]
    public void Chinese_counts_each_character_as_a_word_and_may_end_between_any_two()
    {
        const string body = "<p>今天我们讨论客户体验。客户旅程地图是一个很好的工具，它帮助我们理解客户。</p>";

        Assert.Equal("今天我们讨论客户体验…", Build(body, ExcerptBudget.Words(10)).Text);
        Assert.Equal("今天我们讨论客户体验。", Build(body, ExcerptBudget.Words(11)).Text);
        Assert.Equal("今天我们讨论客户体验。客户旅程地图是一个…", Build(body, ExcerptBudget.Words(20)).Text);
        Assert.Equal("今天我们讨论客户体验。客户旅程地图是一个很好的工具…", Build(body, ExcerptBudget.Words(26)).Text);
    }

    [Fact]
    public void Japanese_mixed_with_latin_counts_the_latin_word_once()
    {
        Assert.Equal("iPhoneで…", Build("<p>iPhoneで写真を撮る</p>", ExcerptBudget.Words(2)).Text);
    }

    [Fact]
    public void Thai_counts_characters_as_a_reader_sees_them_with_their_marks()
    {
        Assert.Equal("สวัส…", Build("<p>สวัสดีครับ</p>", ExcerptBudget.Words(3)).Text);
    }

    [Theory]
    [InlineData(7, "Great 👍🏽…")]
    [InlineData(6, "Great…")]
    [InlineData(14, "Great 👍🏽 work 👨‍👩‍👧…")]
    public void Emoji_at_the_cut_stay_whole(int characters, string expected)
    {
        Assert.Equal(expected, Build("<p>Great 👍🏽 work 👨‍👩‍👧 family 🇺🇸 flag</p>", ExcerptBudget.Characters(characters)).Text);
    }

    [Theory]
    [InlineData("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 3, "👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧…")]
    [InlineData("🇺🇸🇬🇧🇫🇷🇩🇪", 2, "🇺🇸🇬🇧…")]
    [InlineData("e\u0301e\u0301e\u0301e\u0301", 2, "e\u0301e\u0301…")]
    [InlineData("\U0001F600\U0001F601\U0001F602", 1, "\U0001F600…")]
    public void A_word_cut_inside_is_cut_between_grapheme_clusters(string word, int characters, string expected)
    {
        Assert.Equal(expected, Build($"<p>{word}</p>", ExcerptBudget.Characters(characters)).Text);
    }

    [Fact]
    public void Right_to_left_text_is_cut_in_reading_order_and_keeps_its_direction()
    {
        var hebrew = Build("<p dir=\"rtl\">שלום עולם, זה טקסט בעברית. עוד מילים כאן.</p>", ExcerptBudget.Words(2));
        var arabic = Build("<p dir=\"rtl\" lang=\"ar\">مرحبا بالعالم، هذا نص عربي.</p>", ExcerptBudget.Words(2));

        Assert.Equal("שלום עולם…", hebrew.Text);
        Assert.Equal("<p dir=\"rtl\">שלום עולם…</p>" + ReadMore, hebrew.Html);
        Assert.Equal("مرحبا بالعالم…", arabic.Text);
        Assert.Equal("<p dir=\"rtl\" lang=\"ar\">مرحبا بالعالم…</p>" + ReadMore, arabic.Html);
    }

    [Fact]
    public void No_break_spaces_are_kept_between_words_and_separate_them_but_go_with_block_boundaries()
    {
        var excerpt = Build("<p>\u00A0</p><p>while back,\u00A0I posted <em>here</em>\u00A0on \u00A0 it.\u00A0\u00A0</p>\n<p>\u00A0One\u00A0issue</p>");

        Assert.Equal("while back,\u00A0I posted here\u00A0on \u00A0 it. One\u00A0issue", excerpt.Text);
        Assert.Equal("while back,\u00A0I posted…", Build("<p>while back,\u00A0I posted here</p>", ExcerptBudget.Words(4)).Text);
        Assert.Equal("<p>while back,\u00A0I posted <em>here</em>\u00A0on \u00A0 it.</p>\n<p>One\u00A0issue</p>" + ReadMore, excerpt.Html);
    }

    [Fact]
    public void A_paragraph_without_letters_or_digits_is_a_separator_not_words()
    {
        Assert.Equal("I recently did an interview. We recently sat down.", Build("<p>I recently did an interview.</p>\n<p>—–</p>\n<p>We recently sat down.</p>").Text);
    }

    [Fact]
    public void Nesting_100000_elements_deep_neither_overflows_the_stack_nor_costs_the_square()
    {
        const int depth = 100_000;
        var body = new StringBuilder();
        foreach (var element in (string[])["blockquote", "ul", "h2", "em"])
            body.Insert(0, string.Concat(Enumerable.Repeat($"<{element}>", depth / 4)));
        body.Append("deep text");

        var excerpt = Build(body.ToString());

        Assert.Equal("deep text", excerpt.Text);
        Assert.NotNull(XElement.Parse($"<root>{excerpt.Html}</root>"));
    }

    [Fact]
    public void Text_after_deeply_nested_empty_elements_is_found()
    {
        const int depth = 5_000;
        var body = string.Concat(Enumerable.Repeat("<blockquote><em>", depth)) + string.Concat(Enumerable.Repeat("</em></blockquote>", depth)) + "<p>After.</p>";

        Assert.Equal("<p>After.</p>" + ReadMore, Build(body).Html);
    }

    [Fact]
    public void Text_after_a_long_run_of_images_is_found()
    {
        var image = "<p><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/2021/01/photo.jpg\" srcset=\""
            + string.Join(", ", Enumerable.Range(1, 20).Select(width => $"https://www.heartofthecustomer.com/wp-content/uploads/2021/01/photo-{width * 100}w.jpg {width * 100}w"))
            + "\" alt=\"a photo\" /></p>\n";
        var body = string.Concat(Enumerable.Repeat(image, 60)) + "<p>At last, the first words.</p>";

        Assert.Equal("At last, the first words.", Build(body).Text);
    }

    [Fact]
    public void A_table_of_contents_longer_than_the_first_read_is_left_out_whole()
    {
        var entries = string.Concat(Enumerable.Range(1, 400).Select(i => $"<li><a href=\"#section-{i}\">Section {i}</a></li>\n"));
        var body = $"<h2>In this article</h2>\n<ol>\n{entries}<li><a href=\"#end\">The end</a></li>\n</ol>\n<p>Real words.</p>";

        Assert.Equal("Real words.", Build(body).Text);
    }

    [Fact]
    public void A_long_table_of_contents_with_one_real_entry_is_read()
    {
        var entries = string.Concat(Enumerable.Range(1, 400).Select(i => $"<li><a href=\"#section-{i}\">Section {i}</a></li>\n"));
        var body = $"<ol>\n{entries}<li>Not a link</li>\n</ol>";

        Assert.Equal("Section 1 Section 2…", Build(body, ExcerptBudget.Words(4)).Text);
    }

    [Fact]
    public void A_long_post_is_cut_the_same_as_its_first_paragraphs()
    {
        var paragraph = string.Join(" ", Enumerable.Range(1, 30).Select(i => $"word{i}")) + ".";
        var shortPost = $"<p>{paragraph}</p>\n<p>{paragraph}</p>\n<p>{paragraph}</p>";
        var longPost = string.Concat(Enumerable.Repeat($"<p>{paragraph}</p>\n", 2000));

        foreach (var budget in (ExcerptBudget[])[ExcerptBudget.Default, ExcerptBudget.Words(1), ExcerptBudget.Words(75), ExcerptBudget.Characters(300)])
            Assert.Equal(Build(shortPost, budget), Build(longPost, budget));
    }

    [Fact]
    public void Characters_that_xml_forbids_and_lone_surrogates_are_dropped()
    {
        var excerpt = Build("<p>a\u0001b \uD800c\uDC00 d&#xFFFE;e</p>");

        Assert.Equal("ab c de", excerpt.Text);
        Assert.True(excerpt.Html.EnumerateRunes().All(rune => rune.Value != 0xFFFD));
        Assert.NotNull(XElement.Parse($"<root>{excerpt.Html}</root>"));
    }

    [Fact]
    public void Malformed_html_still_gives_well_formed_html()
    {
        var excerpt = Build("<p>one <b>two <i>three</b> four</p></i><div x\"y=1 a=1 a=2>five <span>six</p><a href=\"https://example.com/?a=1&b=\"2\"\">seven <p>eight");

        Assert.StartsWith("one two three four five six", excerpt.Text);
        Assert.EndsWith("seven eight", excerpt.Text);
        Assert.NotNull(XElement.Parse($"<root>{excerpt.Html}</root>"));
    }

    [Fact]
    public void A_cut_never_splits_a_grapheme_cluster_across_elements()
    {
        var excerpt = Build("<p>cafe<em>\u0301</em> noir</p>", ExcerptBudget.Characters(4));

        Assert.Equal("cafe\u0301…", excerpt.Text);
        Assert.Equal("<p>cafe<em>\u0301…</em></p>" + ReadMore, excerpt.Html);
    }
    [Theory]
    [InlineData("<p>I presented at the expo<img src=\"https://www.heartofthecustomer.com/wp-content/uploads/2017/01/metrics2-300x225.png\" alt=\"metrics2\" width=\"300\" height=\"225\" />in Long Beach.</p>", "I presented at the expo in Long Beach.")]
    [InlineData("<p><img src=\"https://www.heartofthecustomer.com/a.png\" alt=\"metrics2\" />I presented at the expo.</p>", "I presented at the expo.")]
    [InlineData("<p>customer-<strong>focused</strong> teams</p>", "customer-focused teams")]
    [InlineData("<p>super<wbr />califragilistic</p>", "supercalifragilistic")]
    public void An_image_between_two_words_leaves_them_two_words(string body, string expected)
    {
        var excerpt = Build(body);

        Assert.Equal(expected, excerpt.Text);
        Assert.StartsWith(expected + "\n", System.Text.RegularExpressions.Regex.Replace(excerpt.Html, "<[^>]*>", ""), StringComparison.Ordinal);
    }
}
