namespace CxFeed.Tests.Cleaning;

/// <summary>
/// Removing an element never glues the words on either side when a browser shows them apart:
/// an icon, an image, a control or a player between two words leaves a space, a block a
/// paragraph break. What a browser never shows between two letters (a script, a comment, a
/// <c>wbr</c>) and an unwrapped span inside a word leave nothing.
/// </summary>
public class GluedWordTests
{
    [Theory]
    // An inline SVG icon (a theme's "external link" or share icon) between two words.
    [InlineData("<p>Read the news<svg class=\"icon icon-arrow-right\" aria-hidden=\"true\" role=\"img\" viewBox=\"0 0 24 24\"><use href=\"#icon-arrow-right\"></use></svg>on our blog.</p>", "<p>Read the news on our blog.</p>")]
    // A copy button a plugin puts after an address.
    [InlineData("<p>Questions? Email us<button class=\"copy-to-clipboard\" type=\"button\" data-clipboard-text=\"hello@example.com\">Copy</button>today.</p>", "<p>Questions? Email us today.</p>")]
    // A signup field inside a sentence.
    [InlineData("<p>Enter your email<input type=\"email\" name=\"EMAIL\" placeholder=\"you@example.com\">to get the next post.</p>", "<p>Enter your email to get the next post.</p>")]
    // A tracking pixel and an image with no source, between two words.
    [InlineData("<p>Thanks for reading<img src=\"https://pixel.wp.com/g.gif?v=ext&blog=12345&post=4687\" width=\"1\" height=\"1\" alt=\"\">and sharing.</p>", "<p>Thanks for reading and sharing.</p>")]
    [InlineData("<p>See the chart<img class=\"lazyload\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">below.</p>", "<p>See the chart below.</p>")]
    // A map frame with nothing to link to.
    [InlineData("<p>Our office<iframe src=\"https://www.google.com/maps/embed?pb=!1m18\" width=\"600\" height=\"450\" loading=\"lazy\"></iframe>is downtown.</p>", "<p>Our office is downtown.</p>")]
    // A share bar (site chrome, a block) between two lines of loose text.
    [InlineData("Intro text<div class=\"sharedaddy sd-sharing-enabled\"><h3 class=\"sd-title\">Share this:</h3></div>More text", "<p>Intro text</p>\n<p>More text</p>")]
    // A form (a block) dropped from the middle of loose text.
    [InlineData("Before the form<form action=\"/subscribe\"><input name=\"e\"></form>after it", "<p>Before the form</p>\n<p>after it</p>")]
    // Nothing a browser shows: no space.
    [InlineData("<p>custo<span class=\"highlight\">mer</span>-focused</p>", "<p>customer-focused</p>")]
    [InlineData("<p>super<wbr>califragilistic</p>", "<p>supercalifragilistic</p>")]
    [InlineData("<p>one<script>track('read')</script>word</p>", "<p>oneword</p>")]
    [InlineData("<p>one<!-- a note -->word</p>", "<p>oneword</p>")]
    [InlineData("<p>one<style>.x{}</style>word</p>", "<p>oneword</p>")]
    // No space at a paragraph's edge, and never two.
    [InlineData("<p><svg><path d=\"M0 0\"/></svg>Start and end.<svg></svg></p>", "<p>Start and end.</p>")]
    [InlineData("<p>two <svg></svg> spaces</p>", "<p>two spaces</p>")]
    [InlineData("<pre>keep<svg></svg>as is</pre>", "<pre>keepas is</pre>")]
    public void Removing_an_element_between_two_words_leaves_them_apart_as_a_browser_shows_them(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Fact]
    public void An_icon_inside_a_link_leaves_the_space_outside_it()
    {
        Assert.Equal(
            "<p>Read <a href=\"https://www.heartofthecustomer.com/your-cx-scorecard/\">Your CX Scorecard</a> first.</p>",
            Clean.Html("<p>Read <a href=\"/your-cx-scorecard/\">Your CX Scorecard<svg class=\"external\" width=\"12\" height=\"12\"><path d=\"M0 0\"/></svg></a>first.</p>"));
    }
}
