using System.Text;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Excerpts;
using FsCheck.Xunit;
using static CxFeed.Tests.Excerpts.CleanedPosts;

namespace CxFeed.Tests.Excerpts;

/// <summary>
/// The reader of the cleaner's own markup gives the tree HtmlAgilityPack gives, or declines and
/// leaves the markup to HtmlAgilityPack: an excerpt is the same either way.
/// </summary>
[Properties(Arbitrary = [typeof(GeneratedPosts)], MaxTest = 500)]
public class CleanedMarkupReaderTests
{
    private const int MaxDepth = 1024;

    [Property]
    public bool Generated_posts_are_read_as_htmlagilitypack_reads_them(GeneratedPost post) =>
        ReadsAsHtmlAgilityPack(post.Body);

    [Property]
    public bool Generated_posts_once_cleaned_are_read_and_as_htmlagilitypack_reads_them(GeneratedPost post)
    {
        var cleaned = new HtmlCleaner().Clean(post.Body, GeneratedPosts.Link).Html;

        return CleanedMarkupReader.Read(cleaned, cleaned.Length, MaxDepth) is not null && ReadsAsHtmlAgilityPack(cleaned);
    }

    [Property(Arbitrary = [typeof(GeneratedPosts)], MaxTest = 1000)]
    public bool Any_markup_is_read_as_htmlagilitypack_reads_it_or_declined(string markup) =>
        ReadsAsHtmlAgilityPack(markup);

    [Property(MaxTest = 1000)]
    public bool Well_formed_markup_of_any_elements_is_read_as_htmlagilitypack_reads_it_or_declined(int seed)
    {
        var html = WellFormed(new Random(seed));
        var prefix = html.LastIndexOf('<', Math.Max(0, html.Length / 2));

        return ReadsAsHtmlAgilityPack(html) && (prefix <= 0 || ReadsAsHtmlAgilityPack(html[..prefix]));
    }

    [Theory]
    [InlineData(MetricBody)]
    [InlineData(DataBody)]
    [InlineData(WhyBody)]
    [InlineData(ExtraMileBody)]
    public void A_cleaned_post_and_each_prefix_of_it_that_ends_before_a_tag_are_read(string body)
    {
        var cleaned = new HtmlCleaner().Clean(body, Link("a-post")).Html;

        for (var end = cleaned.IndexOf('<'); end >= 0; end = cleaned.IndexOf('<', end + 1))
        {
            Assert.NotNull(CleanedMarkupReader.Read(cleaned, end, MaxDepth));
            Assert.True(ReadsAsHtmlAgilityPack(cleaned[..end]));
        }
    }

    [Theory]
    [InlineData("<p>one<!-- a comment --></p>")]
    [InlineData("<p>one <ul><li>two</li></ul></p>")]
    [InlineData("<ul><li>one<li>two</li></ul>")]
    [InlineData("<p>one<br>two</p>")]
    [InlineData("<p>one</em></p>")]
    [InlineData("<p class=x>one</p>")]
    [InlineData("<P>one</P>")]
    [InlineData("<p>one < two</p>")]
    [InlineData("<script>if (a < b) {}</script>")]
    [InlineData("<p title=\"a > b\">one</p>")]
    [InlineData("<h2>one<h3>two</h3></h2>")]
    public void Markup_that_is_not_the_cleaners_is_left_to_htmlagilitypack(string html)
    {
        Assert.Null(CleanedMarkupReader.Read(html, html.Length, MaxDepth));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_left_to_htmlagilitypack()
    {
        static string Nested(int depth) =>
            string.Concat(Enumerable.Repeat("<blockquote>", depth)) + "deep" + string.Concat(Enumerable.Repeat("</blockquote>", depth));

        Assert.Null(CleanedMarkupReader.Read(Nested(MaxDepth + 1), Nested(MaxDepth + 1).Length, MaxDepth));
        Assert.True(ReadsAsHtmlAgilityPack(Nested(MaxDepth)));
        Assert.NotNull(CleanedMarkupReader.Read(Nested(MaxDepth), Nested(MaxDepth).Length, MaxDepth));
    }

    // Elements HtmlAgilityPack treats in its own ways (closing one when another opens, raw text,
    // overlapping, voids) among ordinary ones, closed and nested properly, with attributes
    // (repeated ones too) and text holding character references.
    private static readonly string[] Names =
    [
        "p", "a", "li", "ul", "ol", "dl", "dt", "dd", "table", "caption", "colgroup", "thead", "tbody", "tfoot", "tr", "td",
        "th", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "span", "div", "blockquote", "pre", "code", "figure",
        "figcaption", "option", "section", "title", "form", "script",
    ];

    private static readonly string[] Voids = ["br", "hr", "img", "wbr", "source", "col", "input"];

    private static readonly string[] Texts = ["one", " two ", "\n", "a &amp; b", "&lt;tag&gt;", "caf&eacute;", "&#8217;", "\u00A0", "x"];

    private static string WellFormed(Random random)
    {
        var html = new StringBuilder();
        var open = new Stack<string>();
        for (var step = random.Next(1, 60); step > 0; step--)
        {
            switch (random.Next(10))
            {
                case < 3 when open.Count < 8:
                    var name = Names[random.Next(Names.Length)];
                    html.Append('<').Append(name).Append(Attributes(random));
                    if (random.Next(20) == 0)
                    {
                        html.Append(" />");
                        break;
                    }
                    html.Append('>');
                    open.Push(name);
                    break;
                case 3:
                    html.Append('<').Append(Voids[random.Next(Voids.Length)]).Append(Attributes(random)).Append(random.Next(20) == 0 ? ">" : " />");
                    break;
                case < 6 when open.Count > 0:
                    html.Append("</").Append(open.Pop()).Append('>');
                    break;
                default:
                    html.Append(Texts[random.Next(Texts.Length)]);
                    break;
            }
        }
        while (open.Count > 0)
            html.Append("</").Append(open.Pop()).Append('>');
        return html.ToString();
    }

    private static string Attributes(Random random)
    {
        var attributes = new StringBuilder();
        for (var i = random.Next(4); i > 0; i--)
        {
            var name = random.Next(3) switch { 0 => "href", 1 => "class", _ => "data-x" };
            var value = random.Next(3) switch { 0 => "#one", 1 => "https://example.com/?a=1&amp;b=&quot;2&quot;", _ => "" };
            attributes.Append(' ').Append(name).Append("=\"").Append(value).Append('"');
        }
        return attributes.ToString();
    }

    private static bool ReadsAsHtmlAgilityPack(string html)
    {
        if (CleanedMarkupReader.Read(html, html.Length, MaxDepth) is not { } read)
            return true;
        var expected = Describe(ExcerptDocument.ParseAnyHtml(html));
        var actual = Describe(read);
        Assert.Equal(expected, actual);
        return true;
    }

    // Every node in document order: kind, name, attributes as written, text as written and decoded.
    private static string Describe(MarkupNode root)
    {
        var description = new StringBuilder();
        for (var node = root.FirstChild; node is not null; node = node.Next(root))
        {
            var depth = 0;
            for (var parent = node.Parent; parent != root; parent = parent!.Parent)
                depth++;
            description.Append(' ', depth).Append(node.Kind).Append(' ').Append(node.Name);
            foreach (var attribute in node.Attributes)
                description.Append(' ').Append(attribute.Name.Span).Append("=[").Append(attribute.RawValue.Span).Append(']');
            if (node.Kind == MarkupNodeKind.Text)
                description.Append('[').Append(node.RawText.Span).Append("][").Append(node.Text).Append(']');
            description.Append(' ').Append(node.Role).Append('\n');
        }
        return description.ToString();
    }
}
