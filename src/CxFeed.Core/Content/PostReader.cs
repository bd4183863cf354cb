using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Content;

/// <summary>
/// Turns post pages into posts, with every problem found as data: a page that cannot give a post
/// (not HTML, no title, no date, no body) yields its problems and no post, and never stops the
/// others. Metadata comes from standard places only, in <see cref="Precedence"/>'s order.
/// docs/content.md describes all of it for people.
/// </summary>
public sealed partial class PostReader
{
    /// <summary>
    /// How deep elements may nest; deeper ones are flattened to their text (<see cref="NestingLimiter"/>).
    /// HtmlAgilityPack's parse slows quadratically with depth and its clean-up recurses, so a
    /// hostile page must be flattened before it parses; browsers stop nesting at 512.
    /// </summary>
    public const int MaxDepth = 1024;

    /// <summary>Elements that are content on their own, with no text: a post may be one image or one video.</summary>
    private static readonly FrozenSet<string> MediaElements =
        new[] { "img", "picture", "svg", "video", "audio", "iframe", "object", "embed", "canvas" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly BodyFinder _bodyFinder;
    private readonly bool _usesStore;
    private readonly ImmutableArray<CssSelector> _excerptSelectors;
    private readonly TimeZoneInfo _timeZone;

    public PostReader(ContentOptions content, SiteOptions site)
    {
        Content = content;
        Site = site;
        _bodyFinder = new BodyFinder(content);
        _usesStore = content.UsesStore;
        _excerptSelectors = [.. content.EffectiveExcerptSelectors.Select(CssSelector.Parse)];
        _timeZone = site.TimeZoneInfo;
    }

    public ContentOptions Content { get; }

    public SiteOptions Site { get; }

    /// <summary>Reads one page alone: its post (null when it cannot be used) and its problems.</summary>
    public PostReading Read(PostPage page)
    {
        var reading = new Reading(page);
        var post = ReadPost(reading);
        return new PostReading(page, post, reading.Problems.ToImmutable());
    }

    /// <summary>Reads every page, then checks them together (duplicate ids and canonical URLs).</summary>
    public ContentReading ReadAll(IEnumerable<PostPage> pages) => Combine(pages.Select(Read));

    /// <summary>
    /// The checks across posts, on readings already made, so that a rebuild reads again only the
    /// pages that changed. Of two posts with the same id or canonical URL, the one read first is kept.
    /// </summary>
    public static ContentReading Combine(IEnumerable<PostReading> readings)
    {
        var posts = ImmutableArray.CreateBuilder<Post>();
        var problems = ImmutableArray.CreateBuilder<Problem>();
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        var byCanonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reading in readings)
        {
            problems.AddRange(reading.Problems);
            if (reading.Post is not { } post)
                continue;
            var name = reading.Page.Name;
            if (byId.TryGetValue(post.Id, out var first))
            {
                problems.Add(new Problem(name, Reasons.DuplicateId(first, post.Id)));
                continue;
            }
            if (byCanonical.TryGetValue(post.CanonicalUrl.AbsoluteUri, out first))
            {
                problems.Add(new Problem(name, Reasons.DuplicateCanonical(first, post.CanonicalUrl)));
                continue;
            }
            byId.Add(post.Id, name);
            byCanonical.Add(post.CanonicalUrl.AbsoluteUri, name);
            posts.Add(post);
        }
        return new ContentReading(posts.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>The page's post, or null when a fatal problem was reported.</summary>
    private Post? ReadPost(Reading reading)
    {
        if (Parse(reading) is not { } parsed)
            return null;
        var (document, text) = parsed;
        var page = PageMetadata.Read(document, Site.Title, _timeZone);
        var invalidJson = new List<(int Block, string Reason)>();
        page.JsonLd = JsonLdArticle.Read(page.JsonLdBlocks, invalidJson);
        foreach (var (block, reason) in invalidJson)
            reading.Warn(Reasons.InvalidJsonLd(block, reason));
        var baseUrl = page.BaseHref is { } baseHref && Resolve(reading.Page.Address, baseHref) is { } resolvedBase ? resolvedBase : reading.Page.Address;

        var body = ReadBody(reading, document.DocumentNode, text, page);
        page.Scope = body is { } found ? PostScope.Of(found.Element, found.Range) : PostScope.Whole;
        // A page that says it is not a post has no post's problems to report.
        if (body is not null && PageKind.WhyNotAPost(text, page, reading.Page.Address) is { } notAPost)
        {
            reading.Fail(Reasons.NotAPost(notAPost));
            return null;
        }
        var title = First(Precedence.Title, page);
        if (title is null)
            reading.Fail(Reasons.NoTitle);
        var (published, publishedText) = ReadPublished(reading, page);
        var updated = published is { } when ? ReadUpdated(reading, page, when, publishedText!) : null;
        var canonical = FirstUrl(reading, Precedence.Canonical, page, baseUrl, "canonical URL") ?? reading.Page.Address;
        var shortlink = FirstUrl(reading, Precedence.Shortlink, page, baseUrl, "shortlink");
        var image = ReadImage(reading, page, baseUrl);
        if (!reading.Usable || title is null || published is null || body is null)
            return null;
        var bodyHtml = BodyHtml(text, page, body.Value.Element, body.Value.Range);
        return new Post(
            Id: (shortlink ?? canonical).AbsoluteUri,
            Source: reading.Page.Name,
            CanonicalUrl: canonical,
            Title: title,
            Published: published.Value,
            Updated: updated,
            Authors: FirstList(Precedence.Authors, page),
            Categories: FirstList(Precedence.Categories, page),
            Tags: FirstList(Precedence.Tags, page),
            FeaturedImage: image,
            ManualExcerpt: ReadManualExcerpt(page, document.DocumentNode, text),
            MoreMarker: bodyHtml.MoreMarker,
            BodyHtml: bodyHtml.Html);
    }

    /// <summary>Decodes and parses the page, or reports why it is not HTML that can be read.</summary>
    private static (HtmlDocument Document, string Text)? Parse(Reading reading)
    {
        if (reading.Page.ReadError is { } readError)
            return Unreadable(reading, Reasons.Unreadable(readError));
        var bytes = reading.Page.Bytes.AsSpan();
        if (bytes.IsEmpty)
            return Unreadable(reading, Reasons.NotHtml("the file is empty"));
        if (BinaryFormats.Identify(bytes) is { } format)
            return Unreadable(reading, Reasons.NotHtml($"it is {format}"));
        var decoded = PageText.Decode(bytes);
        if (decoded.Text.Contains('\0'))
            return Unreadable(reading, Reasons.NotHtml("it holds binary data (NUL characters)"));
        if (decoded.UnsupportedLabel is { } label)
            reading.Warn(Reasons.UnsupportedCharset(label));
        if (decoded.InvalidSequences > 0)
            reading.Warn(Reasons.InvalidBytes(decoded.InvalidSequences, decoded.Encoding, decoded.FirstInvalidByte));
        var text = NestingLimiter.Limit(decoded.Text, MaxDepth, out var flattened);
        if (flattened > 0)
            reading.Warn(Reasons.TooDeep(flattened, MaxDepth));
        // The text is decoded already: HtmlAgilityPack must not look at <meta charset> again (it throws on some).
        var document = new HtmlDocument { OptionReadEncoding = false };
        try
        {
            document.LoadHtml(text);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return Unreadable(reading, Reasons.Unparsable(error.Message));
        }
        if (!HtmlTree.Descendants(document.DocumentNode).Any(node => node.NodeType == HtmlNodeType.Element))
            return Unreadable(reading, Reasons.NotHtml("it has no markup"));
        return (document, text);
    }

    private static (HtmlDocument Document, string Text)? Unreadable(Reading reading, string reason)
    {
        reading.Fail(reason);
        return null;
    }

    private (DateTimeOffset? Value, string? Text) ReadPublished(Reading reading, PageMetadata page)
    {
        var unparsable = new List<(string Value, string Source)>();
        for (var i = 0; i < Precedence.Published.Length; i++)
        {
            var source = Precedence.Published[i];
            if (source.Read(page) is not { } value)
                continue;
            if (DateText.TryParse(value, _timeZone, out var published))
            {
                foreach (var (ignored, ignoredSource) in unparsable)
                    reading.Warn(Reasons.IgnoredDate("publication", ignored, ignoredSource));
                if (DateAgreement.Correct(page, i, value, published) is { } corrected)
                {
                    if (corrected.Source != source.Name)
                        reading.Warn(Reasons.PublishedAfterUpdate(value, source.Name, corrected.Text, corrected.Source));
                    return (corrected.Value, corrected.Text);
                }
                if (DateAgreement.Check(page, i, value, published) is { } disagreement)
                    reading.Warn(disagreement);
                return (published, value);
            }
            unparsable.Add((value, source.Name));
        }
        reading.Fail(unparsable.Count > 0 ? Reasons.UnparsablePublished(unparsable[0].Value, unparsable[0].Source) : Reasons.NoPublished);
        return (null, null);
    }

    /// <summary>The first modification date that parses; one earlier than the publication is reported and ignored.</summary>
    private DateTimeOffset? ReadUpdated(Reading reading, PageMetadata page, DateTimeOffset published, string publishedText)
    {
        foreach (var source in Precedence.Updated)
        {
            if (source.Read(page) is not { } value)
                continue;
            if (!DateText.TryParse(value, _timeZone, out var updated))
            {
                reading.Warn(Reasons.IgnoredDate("modification", value, source.Name));
                continue;
            }
            if (updated >= published)
                return updated;
            reading.Warn(Reasons.UpdatedBeforePublished(value, source.Name, publishedText));
            return null;
        }
        return null;
    }

    private static PostImage? ReadImage(Reading reading, PageMetadata page, Uri baseUrl)
    {
        foreach (var source in Precedence.FeaturedImage)
        {
            if (source.Read(page) is not { } image)
                continue;
            if (Resolve(baseUrl, image.Url) is { } url)
                return new PostImage(url, image.Width, image.Height, image.MediaType, image.Alt);
            reading.Warn(Reasons.IgnoredUrl("featured image", image.Url, source.Name));
        }
        return null;
    }

    /// <summary>The post's own body (<see cref="BodyFinder"/>), and where its content lies in the text.</summary>
    private (HtmlNode Element, Range Range)? ReadBody(Reading reading, HtmlNode root, string text, PageMetadata page)
    {
        var found = _bodyFinder.Find(root, text, page, reading.Page.Address);
        if (found.Element is { } element)
        {
            var inner = HtmlSource.Inner(element, text);
            // A lead printed just before the body: from its start on, through the body's start tag, which the cleaner drops or closes.
            return (element, found.Lead is { } lead ? new Range(Math.Min(lead.StreamPosition, inner.Start.Value), inner.End) : inner);
        }
        reading.Fail(found.Failure!);
        return null;
    }

    /// <summary>The body's HTML and its more marker; on a page WordPress made, the shortcodes left in it rendered (<see cref="LeftShortcodes"/>).</summary>
    private (string Html, int? MoreMarker) BodyHtml(string text, PageMetadata page, HtmlNode body, Range range)
    {
        var html = text[range];
        var marker = MoreMarker(body, range);
        // The store's pages were rendered when they were pulled: what brackets they hold are the post's text.
        return !_usesStore && BodyFinder.MadeByWordPress(text, page) ? LeftShortcodes.Render(html, marker) : (html, marker);
    }

    /// <summary>
    /// The author's own excerpt, as HTML: JSON-LD's <c>abstract</c> (text, escaped), else the first
    /// element with content that an excerpt selector matches before the body's end (after it,
    /// a related-posts block may show other posts' excerpts).
    /// </summary>
    private string? ReadManualExcerpt(PageMetadata page, HtmlNode root, string text)
    {
        if (page.JsonLd.Abstract is { } summary)
            return Escape(summary);
        foreach (var selector in _excerptSelectors)
        {
            var element = selector.SelectAll(root)
                .TakeWhile(candidate => candidate.StreamPosition < page.BodyEnd)
                .FirstOrDefault(HasContent);
            if (element is not null)
                return HtmlSource.InnerHtml(element, text).Trim();
        }
        return null;
    }

    /// <summary>
    /// Where a more marker starts in the body: a <c>&lt;!--more--&gt;</c> comment (with or without
    /// a custom link text), or <c>&lt;span id="more-123"&gt;</c>, which WordPress puts in its place
    /// on a single post's page.
    /// </summary>
    private static int? MoreMarker(HtmlNode body, Range range)
    {
        var start = range.Start.Value;
        foreach (var node in HtmlTree.Descendants(body))
        {
            var isMarker = node.NodeType switch
            {
                HtmlNodeType.Comment => ((HtmlCommentNode)node).Comment.StartsWith("<!--more", StringComparison.Ordinal),
                HtmlNodeType.Element => node.Name == "span" && MoreSpanId().IsMatch(node.GetAttributeValue("id", "")),
                _ => false,
            };
            if (isMarker && node.StreamPosition >= start && node.StreamPosition < range.End.Value)
                return node.StreamPosition - start;
        }
        return null;
    }

    /// <summary>Text that shows (not only whitespace, no-break spaces included) or an element that is content by itself.</summary>
    internal static bool HasContent(HtmlNode element)
    {
        var node = element.FirstChild;
        while (node is not null)
        {
            switch (node.NodeType)
            {
                case HtmlNodeType.Text when System.Net.WebUtility.HtmlDecode(((HtmlTextNode)node).Text).Any(c => !char.IsWhiteSpace(c)):
                case HtmlNodeType.Element when MediaElements.Contains(node.Name):
                    return true;
                case HtmlNodeType.Element when node.Name is "script" or "style" or "template":
                    node = HtmlTree.NextSkippingChildren(node, element);
                    continue;
            }
            node = HtmlTree.Next(node, element);
        }
        return false;
    }

    private static string? First(ImmutableArray<Source<string>> sources, PageMetadata page) =>
        sources.Select(source => source.Read(page)).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));

    /// <summary>The first source's values, deduplicated case-insensitively (the first spelling kept); empty sources are passed over.</summary>
    private static ImmutableArray<string> FirstList(ImmutableArray<Source<IReadOnlyList<string>>> sources, PageMetadata page)
    {
        foreach (var source in sources)
        {
            var values = (source.Read(page) ?? [])
                .Select(HtmlSource.CollapseWhitespace)
                .Where(value => value.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToImmutableArray();
            if (values.Length > 0)
                return values;
        }
        return [];
    }

    /// <summary>The first source's URL that resolves to an http(s) URL; the others found on the way are reported.</summary>
    private static Uri? FirstUrl(Reading reading, ImmutableArray<Source<string>> sources, PageMetadata page, Uri baseUrl, string field)
    {
        foreach (var source in sources)
        {
            if (source.Read(page) is not { } value)
                continue;
            if (Resolve(baseUrl, value) is { } url)
                return url;
            reading.Warn(Reasons.IgnoredUrl(field, value, source.Name));
        }
        return null;
    }

    private static Uri? Resolve(Uri baseUrl, string reference) =>
        Uri.TryCreate(baseUrl, reference.Trim(), out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;

    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    [GeneratedRegex("^more-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MoreSpanId();

    /// <summary>One page being read: its problems so far, and whether one of them was fatal.</summary>
    private sealed class Reading(PostPage page)
    {
        public PostPage Page { get; } = page;

        public ImmutableArray<Problem>.Builder Problems { get; } = ImmutableArray.CreateBuilder<Problem>();

        public bool Usable { get; private set; } = true;

        /// <summary>Reports a problem that leaves the post out.</summary>
        public void Fail(string reason)
        {
            Usable = false;
            Problems.Add(new Problem(Page.Name, reason));
        }

        public void Warn(string reason) => Problems.Add(new Problem(Page.Name, reason));
    }
}

/// <summary>What reading one page gave: the post, unless a problem made it unusable, and every problem.</summary>
public sealed record PostReading(PostPage Page, Post? Post, ImmutableArray<Problem> Problems);

/// <summary>What reading all pages gave: the usable posts in source order and every problem.</summary>
public sealed record ContentReading(ImmutableArray<Post> Posts, ImmutableArray<Problem> Problems);
