using System.Collections.Immutable;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// What the cleaner keeps, as data: a few case-insensitive sets, after mganss HtmlSanitizer's
/// design. <see cref="Default"/> is the documented policy (docs/cleaning.md); configuration
/// (<see cref="CleaningOptions"/>) replaces any of its sets. Names are compared ignoring case.
/// </summary>
public sealed record CleaningPolicy
{
    public static CleaningPolicy Default { get; } = new();

    /// <summary>Elements kept (with the attributes in <see cref="AllowedAttributes"/>). Any other element is unwrapped or dropped.</summary>
    public ImmutableHashSet<string> AllowedElements { get; init; } = Set(
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd",
        "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "abbr", "time", "code", "pre",
        "kbd", "samp", "a", "img", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td");

    /// <summary>
    /// The attributes each kept element may carry, in the order they are written. No other
    /// attribute survives: no class, id, style, data-* or event handler.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<string>> AllowedAttributes { get; init; } =
        new Dictionary<string, ImmutableArray<string>>
        {
            ["a"] = ["href", "title"],
            ["img"] = ["src", "srcset", "sizes", "alt", "width", "height"],
            ["blockquote"] = ["cite"],
            ["q"] = ["cite"],
            ["del"] = ["cite"],
            ["ins"] = ["cite"],
            ["td"] = ["colspan", "rowspan", "scope"],
            ["th"] = ["colspan", "rowspan", "scope"],
            ["ol"] = ["start", "reversed"],
            ["abbr"] = ["title"],
            ["time"] = ["datetime"],
        }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements renamed before the policy applies: a post's own title is the feed item's, so its h1 becomes h2.</summary>
    public ImmutableDictionary<string, string> RenamedElements { get; init; } =
        new Dictionary<string, string> { ["h1"] = "h2" }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Elements dropped with everything they hold: what runs script, loads other documents,
    /// takes input or is invisible (metadata). Elements neither allowed nor dropped are unwrapped:
    /// their tags go, their content stays. <c>noscript</c> first gives up its images; <c>iframe</c>,
    /// <c>embed</c>, <c>video</c> and <c>audio</c> first become a link to their media.
    /// </summary>
    public ImmutableHashSet<string> DroppedElements { get; init; } = Set(
        "script", "style", "template", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet", "param",
        "form", "input", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "datalist",
        "output", "progress", "meter", "keygen", "isindex", "noscript", "noembed", "svg", "math", "canvas", "base",
        "meta", "link", "title", "head", "xml", "o:p", "video", "audio", "source", "track", "map", "area", "portal",
        "fencedframe", "dialog", "slot", "col", "colgroup", "wbr");

    /// <summary>URL schemes kept in href, src, srcset and cite; judged after decoding and removing whitespace and controls.</summary>
    public ImmutableHashSet<string> UrlSchemes { get; init; } = Set("http", "https", "mailto");

    /// <summary>
    /// Site chrome inside a post body, removed with its content (CSS selectors, see
    /// <see cref="Html.CssSelector"/>): by default the selectors of <see cref="ChromeRules.Default"/>,
    /// the table of what themes and plugins print there (headline, byline, share buttons, related
    /// posts, "Read more" links, author boxes, forms, cookie boxes, comments…).
    /// </summary>
    public ImmutableArray<string> ChromeSelectors { get; init; } = [.. ChromeRules.Default.Select(rule => rule.Selector)];

    /// <summary>
    /// Elements that become another kept element, matched by selector: WordPress caption blocks
    /// become a figure and its figcaption. A figcaption is only made inside a figure.
    /// </summary>
    public ImmutableArray<ElementConversion> Conversions { get; init; } =
    [
        new(".wp-caption", "figure"),
        new(".wp-caption-text", "figcaption"),
        new(".gallery-caption", "figcaption"),
    ];

    /// <summary>Hosts (and their subdomains) whose images are tracking beacons, removed wherever they appear.</summary>
    public ImmutableHashSet<string> BeaconHosts { get; init; } = Set(
        "pixel.wp.com", "stats.wp.com", "www.google-analytics.com", "ssl.google-analytics.com",
        "google-analytics.com", "www.googletagmanager.com", "stats.g.doubleclick.net", "ad.doubleclick.net",
        "googleads.g.doubleclick.net", "pixel.facebook.com", "px.ads.linkedin.com",
        "bat.bing.com", "sb.scorecardresearch.com", "b.scorecardresearch.com", "pixel.quantserve.com",
        "analytics.twitter.com", "t.co", "ct.pinterest.com", "q.quora.com", "mc.yandex.ru", "pixel.mathtag.com",
        "feeds.feedburner.com", "track.hubspot.com", "email.mg.mailgun.net", "list-manage.com", "open.convertkit-mail.com");

    /// <summary>
    /// Pieces of an image file name that mark a lazy-loading placeholder (a spinner, a blank gif):
    /// such a source is never kept; the real one comes from the lazy attributes or the noscript copy.
    /// </summary>
    public ImmutableArray<string> PlaceholderImages { get; init; } =
    [
        "lazy_placeholder", "lazy-placeholder", "lazyload", "placeholder.", "blank.gif", "spacer.gif", "pixel.gif",
        "transparent.gif", "transparent.png", "1x1.", "spinner.", "loading.gif", "loader.gif", "grey.gif", "gray.gif",
    ];

    /// <summary>Elements nested deeper than this are flattened (their content kept, their tags dropped), with a problem.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Input longer than this many characters is cut there, with a problem (20 MiB).</summary>
    public int MaxInputChars { get; init; } = 20 * 1024 * 1024;

    internal static ImmutableHashSet<string> Set(params IEnumerable<string> names) =>
        names.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
}

/// <summary>An element matching <paramref name="Selector"/> becomes a <paramref name="Element"/>.</summary>
public sealed record ElementConversion(string Selector, string Element);
