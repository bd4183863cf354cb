using CxFeed.Core.Cleaning;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Excerpts;

/// <summary>
/// The lines themes print above a post's first paragraph inside its body, in markup no chrome rule
/// names (the classes are the theme's own, and the cleaner drops them): bylines, dates, reading
/// times, what a share bar leaves, kickers, subtitles, captions. The excerpt starts at the post's
/// own first words; the body keeps them.
/// </summary>
public class LeadInExcerptTests
{
    private const string FirstParagraph =
        "<p>Journey maps are powerful tools. But we&#8217;ve seen them go wrong in a few predictable ways, and each of them costs a team months.</p>\n"
        + "<p>First, a map built without talking to customers is a map of your own assumptions, however pretty it looks on the wall.</p>";

    private const string FirstWords = "Journey maps are powerful tools. But we’ve seen them go wrong";

    private static (string Excerpt, string Body) Read(string content)
    {
        var post = Reader.Post(new WordPressPage { Content = content });
        var (entry, _) = Entry.Create(post, new HtmlCleaner(), new ExcerptBuilder(), ExcerptBudget.Default);
        return (entry.Excerpt.Text, entry.ContentHtml);
    }

    [Fact]
    public void A_byline_date_and_share_row_of_the_themes_own_markup_are_not_the_excerpts_start()
    {
        // SitePoint's theme: the author's avatar and name, "Published <time>", a Tweet and a Subscribe link, each a block of its own.
        var (excerpt, body) = Read("""
            <div class="author-avatar"><a href="https://www.heartofthecustomer.com/author/jim/"><img src="https://secure.gravatar.com/avatar/43?s=96" alt="" width="96" height="96"></a></div>
            <p class="contributor"><a href="https://www.heartofthecustomer.com/author/jim/">Jim Tincher</a></p>
            <p class="published">Published <time datetime="2021-03-16">March 16, 2021</time></p>
            <div class="social"><a href="https://twitter.com/share?text=Journey+Mapping">Tweet</a> <a href="https://confirmsubscription.com/h/y/1FD5">Subscribe</a></div>
            """ + FirstParagraph);

        Assert.StartsWith(FirstWords, excerpt, StringComparison.Ordinal);
        Assert.Contains("Jim Tincher", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_byline_and_a_reading_time_are_not_the_excerpts_start()
    {
        // Medium-like: the author, then "Oct 19, 2016 · 10 min read", then a subtitle heading.
        var (excerpt, _) = Read("""
            <p><a href="https://www.heartofthecustomer.com/author/jim/">Jim Tincher</a></p>
            <p><a href="https://www.heartofthecustomer.com/journey-mapping-mistakes-to-avoid/">Mar 16, 2021</a> · 4 min read</p>
            <h2>What we learned from fifty maps</h2>
            """ + FirstParagraph);

        Assert.StartsWith(FirstWords, excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_bullets_and_a_dateline_above_the_post_are_left_out()
    {
        // A news theme: "By" and the name on lines of their own, the date, then key points as a list.
        var (excerpt, _) = Read("""
            <p>By</p>
            <p>Jim Tincher</p>
            <p><time datetime="2021-03-16T10:00:00-05:00">March 16, 2021 — 10:00 AM CST</time></p>
            <ul><li>Maps built without customers map assumptions</li><li>A map needs an owner and a budget</li></ul>
            """ + FirstParagraph);

        Assert.StartsWith(FirstWords, excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_credit_and_a_caption_repeating_its_alt_text_are_not_the_excerpts_start()
    {
        // A caption written as the paragraphs after the image, outside any figcaption: the credit, then the alt text again.
        var (excerpt, body) = Read("""
            <p><a href="https://www.heartofthecustomer.com/wp-content/uploads/2021/03/map.jpg"><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/03/map.jpg" alt="A journey map on the wall of a workshop room in Minneapolis, covered in sticky notes." width="770" height="478"></a></p>
            <p>(File 2021/Heart of the Customer)</p>
            <p>A journey map on the wall of a workshop room in Minneapolis, covered in sticky notes. Teams add to it every week.</p>
            """ + FirstParagraph);

        Assert.StartsWith(FirstWords, excerpt, StringComparison.Ordinal);
        Assert.Contains("covered in sticky notes. Teams add to it every week.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_written_inside_the_figure_beside_its_caption_is_no_word_of_the_excerpt()
    {
        // News sites put the photographer's credit as bare text in the figure, next to the image.
        var (excerpt, _) = Read("""
            <figure><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/03/map.jpg" alt="A journey map"> ASSOCIATED PRESS
            <figcaption>A journey map on a workshop wall.</figcaption></figure>
            """ + FirstParagraph);

        Assert.StartsWith(FirstWords, excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credit_line_written_as_a_sentence_below_the_image_is_not_the_excerpts_start()
    {
        // The Motley Fool: the lead image, then "Image source: Getty Images." as a paragraph of its own, full stop and all.
        var (excerpt, body) = Read("""
            <p><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/03/workshop.jpg" alt="" width="770" height="478"></p>
            <p>Image source: Getty Images.</p>
            """ + FirstParagraph);

        Assert.StartsWith(FirstWords, excerpt, StringComparison.Ordinal);
        Assert.Contains("Image source: Getty Images.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_sentence_below_the_image_that_names_no_source_is_the_posts_start()
    {
        // Only a line that reads as a credit (a label and a colon, names with a slash, ©) gives way below an image.
        var (excerpt, _) = Read("""
            <p><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/03/workshop.jpg" alt="" width="770" height="478"></p>
            <p>Here we go again.</p>
            """ + FirstParagraph);

        Assert.StartsWith("Here we go again. Journey maps are powerful tools.", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_first_sentence_of_the_post_is_kept()
    {
        // A short line that ends a sentence is the post's own start, not a byline.
        var (excerpt, _) = Read("<p>Here we go again.</p>\n" + FirstParagraph);

        Assert.StartsWith("Here we go again. Journey maps are powerful tools.", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_post_of_short_lines_keeps_its_start()
    {
        // A poem: no paragraph of prose follows the short lines, so none of them is taken for a byline.
        var (excerpt, _) = Read("""
            <p>Maps on the wall</p>
            <p>sticky notes in rows</p>
            <p>the customer nowhere</p>
            <p>and everyone knows</p>
            """);

        Assert.Equal("Maps on the wall sticky notes in rows the customer nowhere and everyone knows", excerpt);
    }

    [Fact]
    public void A_pull_quote_figure_still_gives_its_words()
    {
        // WordPress's pull quote block is a figure holding a blockquote: the author's words.
        var (excerpt, _) = Read("""
            <figure class="wp-block-pullquote"><blockquote><p>Start with the customer, and the map follows, every single time we tried it.</p></blockquote></figure>
            """ + FirstParagraph);

        Assert.StartsWith("Start with the customer, and the map follows", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_greeting_ending_in_an_emoji_is_the_posts_own_start()
    {
        // A newsletter post: "Hi everyone! 👋" ends a sentence before its emoji.
        var (excerpt, _) = Read("<p>Hi everyone! 👋</p>\n" + FirstParagraph);

        Assert.StartsWith("Hi everyone! 👋 Journey maps are powerful tools.", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_specifications_longer_than_a_byline_is_kept()
    {
        // A review theme opens with the product's specifications, one line each: the post's own start.
        var specs = string.Concat(Enumerable.Range(1, 10).Select(i => $"<p>Measured Length {i}: 18{i} cm</p>\n"));
        var (excerpt, _) = Read(specs + FirstParagraph);

        Assert.StartsWith("Measured Length 1: 181 cm Measured Length 2: 182 cm", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dateline_of_numbers_is_a_short_line_however_many_numbers_it_holds()
    {
        // "December 6, 2016 — 6:22 PM EST December 7, 2016 — 1:55 PM EST": published and updated, six words of letters.
        var (excerpt, _) = Read("""
            <p><time datetime="2021-03-16T16:00:00Z">March 16, 2021 — 10:00 AM CST</time> <time datetime="2021-03-17T16:00:00Z">March 17, 2021 — 10:00 AM CST</time></p>
            """ + FirstParagraph);

        Assert.StartsWith(FirstWords, excerpt, StringComparison.Ordinal);
    }
}
