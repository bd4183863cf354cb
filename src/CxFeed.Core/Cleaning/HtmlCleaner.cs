using System.Collections.Immutable;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// Makes post HTML safe and portable for any reader: an allowlist of elements, attributes and
/// URL schemes (<see cref="CleaningPolicy"/>), every URL made absolute, lazy images restored,
/// tracking pixels, site chrome, Word junk and empty paragraphs removed, and the result written
/// in one canonical polyglot form (see docs/cleaning.md). Thread-safe: one instance serves all.
/// </summary>
public sealed class HtmlCleaner
{
    private readonly CompiledPolicy _policy;

    /// <summary>A cleaner with the documented default policy.</summary>
    public HtmlCleaner()
        : this(CleaningPolicy.Default)
    {
    }

    /// <exception cref="ArgumentException">The policy allows something that is never safe, or has a bad selector or limit.</exception>
    public HtmlCleaner(CleaningPolicy policy)
    {
        _policy = new CompiledPolicy(policy);
    }

    public CleaningPolicy Policy => _policy.Source;

    /// <summary>
    /// Cleans an HTML fragment, or a whole page (then its body), making every URL absolute against
    /// <paramref name="baseUrl"/>. The same input and base always give the same output.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="baseUrl"/> is not an absolute http(s) URL.</exception>
    public CleanedHtml Clean(string html, Uri baseUrl) => Run(html, baseUrl, listRemovals: false).Result;

    /// <summary>Cleans as <see cref="Clean"/> does, and lists every removal with its reason (for tests and for explaining a result).</summary>
    public CleaningReport Explain(string html, Uri baseUrl) => Run(html, baseUrl, listRemovals: true);

    private CleaningReport Run(string html, Uri baseUrl, bool listRemovals)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https"))
            throw new ArgumentException($"'{baseUrl}' is not an absolute http(s) URL", nameof(baseUrl));
        var log = new RemovalLog(_policy.Source, listRemovals);
        if (html.Length > _policy.Source.MaxInputChars)
        {
            html = Truncate(html, _policy.Source.MaxInputChars);
            log.Remove(RemovalReason.TooLong, "#document");
        }
        html = NestingLimiter.Limit(html, _policy.Source.MaxDepth, out var flattened);
        for (var i = 0; i < flattened; i++)
            log.Remove(RemovalReason.TooDeep, "element");
        var document = HtmlParsing.Load(html);
        var cleaned = CleaningPass.Run(Body(document.DocumentNode), _policy, new UrlRewriter(_policy.UrlSchemes, baseUrl), log, html.Length);
        return new CleaningReport(new CleanedHtml(cleaned, log.Problems()), log.Removals);
    }

    /// <summary>A whole page's body (or its html element when it has no body); a fragment is its own body.</summary>
    private static HtmlNode Body(HtmlNode document)
    {
        var html = Child(document, "html");
        return Child(html ?? document, "body") ?? html ?? document;
    }

    private static HtmlNode? Child(HtmlNode parent, string name)
    {
        for (var child = parent.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child.NodeType == HtmlNodeType.Element && child.Name == name)
                return child;
        }
        return null;
    }

    /// <summary>Cuts at <paramref name="length"/>, never between the two halves of a surrogate pair.</summary>
    private static string Truncate(string html, int length) =>
        char.IsHighSurrogate(html[length - 1]) ? html[..(length - 1)] : html[..length];
}

/// <summary>The cleaned HTML (polyglot: well-formed XML inside one root, and HTML) and what had to be cut or could not be kept.</summary>
public sealed record CleanedHtml(string Html, ImmutableArray<string> Problems);

/// <summary>A cleaning result with every removal and its reason.</summary>
public sealed record CleaningReport(CleanedHtml Result, ImmutableArray<Removal> Removals)
{
    public IEnumerable<Removal> Of(RemovalReason reason) => Removals.Where(removal => removal.Reason == reason);
}
