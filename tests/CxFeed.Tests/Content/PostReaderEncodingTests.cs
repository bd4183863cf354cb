using System.Text;
using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

public class PostReaderEncodingTests
{
    private const string Title = "Your CX Scorecard’s “Wrong” Thing – and What to Do…";

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A page whose title is written as characters, not references, so that its bytes depend on the encoding.</summary>
    private static WordPressPage Declaring(string charset) => new()
    {
        Charset = charset,
        TitleTag = Title + " – Heart of the Customer",
        Metadata = "",
        EntryHeader = $"""<time class="entry-date published" datetime="2021-03-16T10:00:00-05:00">March 16, 2021</time><h1 class="entry-title">{Title}</h1>""",
        Content = "<p>It’s common to measure what’s easy — not what matters.</p>",
    };

    [Fact]
    public void A_UTF_16_page_with_a_byte_order_mark_reads_whatever_its_meta_says()
    {
        var little = Post(Declaring("""<meta charset="UTF-8">""").ToPage(Encoding.Unicode));
        var big = Post(Declaring("""<meta charset="windows-1252">""").ToPage(Encoding.BigEndianUnicode));

        Assert.Equal(Title, little.Title);
        Assert.Equal(Title, big.Title);
        Assert.Equal("<p>It’s common to measure what’s easy — not what matters.</p>", little.BodyHtml.Trim());
    }

    [Fact]
    public void A_UTF_8_byte_order_mark_wins_over_a_meta_charset()
    {
        var post = Post(Declaring("""<meta charset="windows-1252">""").ToPage(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)));

        Assert.Equal(Title, post.Title);
    }

    [Theory]
    [InlineData("""<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">""")]
    [InlineData("""<META HTTP-EQUIV='content-type' CONTENT='text/html;charset="Windows-1252"'>""")]
    [InlineData("""<meta charset="windows-1252">""")]
    [InlineData("""<meta charset=iso-8859-1>""")]
    [InlineData("""<meta charset="us-ascii" />""")]
    [InlineData("""<meta charset="x-klingon"><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">""")]
    public void A_windows_1252_page_reads_as_its_meta_declares(string charset)
    {
        var reading = Read(Declaring(charset).ToPage(Windows1252));

        Assert.Empty(reading.Problems);
        Assert.Equal(Title, reading.Post?.Title);
        Assert.Contains("It’s common to measure what’s easy — not what matters.", reading.Post?.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_typographic_bytes_of_windows_1252_become_their_characters()
    {
        var bytes = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>"u8.ToArray()
            .Concat(new byte[] { 0x93, (byte)'W', (byte)'h', (byte)'y', 0x94, (byte)' ', 0x96, (byte)' ', (byte)'C', (byte)'X', (byte)' ', (byte)'P', (byte)'r', (byte)'o', (byte)'s', 0x92, 0x85 })
            .Concat("</title><meta property=\"article:published_time\" content=\"2019-04-09T14:00:00+00:00\"></head><body><main><p>Text.</p></main></body></html>"u8.ToArray())
            .ToArray();

        var post = Post(Page("why.html", bytes));

        Assert.Equal("“Why” – CX Pros’…", post.Title);
    }

    [Theory]
    [InlineData("""<!-- <meta charset="windows-1252"> --><meta charset="utf-8">""")]
    [InlineData("""<meta charset="utf-16">""")]
    [InlineData("""<meta content="text/html; charset=windows-1252">""")]
    [InlineData("")]
    public void A_page_that_declares_no_usable_other_encoding_reads_as_UTF_8(string charset)
    {
        var reading = Read(Declaring(charset).ToPage(Utf8));

        Assert.Empty(reading.Problems);
        Assert.Equal(Title, reading.Post?.Title);
    }

    [Fact]
    public void A_charset_declared_after_the_body_starts_does_not_count()
    {
        var page = Declaring("") with { Content = """<p>It’s <meta charset="windows-1252"> here.</p>""" };

        var post = Post(page.ToPage(Utf8));

        Assert.Equal(Title, post.Title);
    }

    [Theory]
    [InlineData("""<meta charset="x-klingon">""", "x-klingon")]
    [InlineData("""<meta charset="utf-7">""", "utf-7")]
    [InlineData("""<meta charset="IBM037">""", "IBM037")]
    [InlineData("""<meta charset="utf-32">""", "utf-32")]
    public void A_charset_that_cannot_be_used_is_reported_and_the_page_read_as_UTF_8(string charset, string label)
    {
        var reading = Read(Declaring(charset).ToPage(Utf8));

        Assert.Equal([$"declares the character encoding '{label}', which cannot be used; read as UTF-8"], Reasons(reading));
        Assert.Equal(Title, reading.Post?.Title);
    }

    [Fact]
    public void Invalid_UTF_8_is_replaced_and_reported_and_the_post_kept()
    {
        var html = Declaring("""<meta charset="utf-8">""").Html;
        var at = Utf8.GetByteCount(html[..html.IndexOf("common", StringComparison.Ordinal)]);
        var bytes = Utf8.GetBytes(html).ToList();
        bytes.InsertRange(at, [0xC3, 0x28, 0xFF]);

        var reading = Read(Page("broken.html", bytes.ToArray()));

        Assert.Equal(Title, reading.Post?.Title);
        Assert.Contains("It’s \uFFFD(\uFFFDcommon", reading.Post?.BodyHtml, StringComparison.Ordinal);
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(new Core.Problem("broken.html", $"has 2 byte sequences that are not valid utf-8, replaced by U+FFFD (first at byte {at})"), problem);
    }

    [Fact]
    public void One_invalid_byte_after_a_byte_order_mark_is_reported_at_its_offset_in_the_file()
    {
        var html = Declaring("").Html;
        var at = 3 + Utf8.GetByteCount(html[..html.IndexOf("common", StringComparison.Ordinal)]);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8.GetBytes(html)).ToList();
        bytes.Insert(at, 0x80);

        var reading = Read(Page("broken.html", bytes.ToArray()));

        Assert.NotNull(reading.Post);
        Assert.Equal([$"has a byte sequence that is not valid utf-8, replaced by U+FFFD (first at byte {at})"], Reasons(reading));
    }
}
