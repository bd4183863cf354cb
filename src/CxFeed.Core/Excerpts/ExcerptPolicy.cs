using System.Collections.Frozen;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// What the excerpt builder reads, writes and cuts, as data: which elements are silent, which
/// are inline, which it writes back, and the punctuation that ends sentences or must not end an
/// excerpt.
/// </summary>
internal static class ExcerptPolicy
{
    /// <summary>
    /// Elements that contribute no words: images and captions (an alt text or a caption is not the
    /// post's prose), code blocks, ruby annotations, and whatever a cleaner would not have kept.
    /// </summary>
    public static readonly FrozenSet<string> Silent = Names(
        "img", "picture", "svg", "math", "figcaption", "pre", "rt", "rp",
        "script", "style", "template", "noscript", "iframe", "object", "embed", "video", "audio", "canvas", "map",
        "head", "title", "nav", "form", "button", "select", "textarea", "input");

    /// <summary>
    /// Silent elements a browser shows as a box in the line (an image, an icon, a player, a
    /// control): leaving one out still separates the words around it, "news<c>&lt;img&gt;</c>on"
    /// reads "news on". Ruby annotations and what a browser never shows separate nothing.
    /// </summary>
    public static readonly FrozenSet<string> SpacedWhenSilent = Names(
        "img", "picture", "svg", "math", "iframe", "object", "embed", "video", "audio", "canvas", "button", "select", "textarea", "input");

    /// <summary>Elements inside a line of text: entering or leaving them is no word boundary. Every other element ends a block.</summary>
    public static readonly FrozenSet<string> Inline = Names(
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "label", "mark", "nobr", "q", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
        "tt", "u", "var", "wbr");

    /// <summary>
    /// Elements the HTML form writes back (the cleaner's allowed set less the silent ones); any
    /// other element is left out and its content kept, so the HTML form stays canonical.
    /// </summary>
    public static readonly FrozenSet<string> Written = Names(
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd",
        "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "abbr", "time", "code",
        "kbd", "samp", "a", "figure", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td");

    /// <summary>Written elements that have no content: written self-closed, and only before text that follows them.</summary>
    public static readonly FrozenSet<string> Void = Names("br", "hr");

    /// <summary>Blocks that may repeat the post's title (a heading, or the slug-like caption left as a paragraph) or title a table of contents.</summary>
    public static readonly FrozenSet<string> TitleBlocks = Names("h1", "h2", "h3", "h4", "h5", "h6", "p");

    /// <summary>Lists, which may be tables of contents.</summary>
    public static readonly FrozenSet<string> Lists = Names("ul", "ol");

    /// <summary>
    /// Titles that plugins (Easy Table of Contents, Yoast, LuckyWP…) put above a table of contents,
    /// compared letters and digits only, lower case. A block with such a text right before a
    /// table of contents belongs to it.
    /// </summary>
    public static readonly FrozenSet<string> TableOfContentsTitles = Names(
        "tableofcontents", "contents", "toc", "inthisarticle", "inthispost", "onthispage", "jumpto", "jumptosection",
        "quicklinks", "sommaire", "inhalt", "inhaltsverzeichnis", "índice", "indice", "目次", "目录", "目錄");

    /// <summary>Characters that end a sentence (Latin, CJK, Arabic, Devanagari).</summary>
    public static readonly FrozenSet<char> SentenceEnds = FrozenSet.ToFrozenSet(
        ".!?…‼⁇⁈⁉。！？｡؟۔।");

    /// <summary>What may follow a sentence's end and still belong to it: closing quotes and brackets.</summary>
    public static readonly FrozenSet<char> Closers = FrozenSet.ToFrozenSet(
        "”’\"')]}»›」』）】〉》");

    /// <summary>
    /// What an excerpt must not end with before its ellipsis: pauses, dashes, opening brackets and
    /// opening quotes (the typographic ones; straight quotes and hyphens only where they stand alone).
    /// </summary>
    public static readonly FrozenSet<char> Dangling = FrozenSet.ToFrozenSet(
        ",;:–—([{“‘‚„«‹，、；：（「『【〈《،؛");

    /// <summary>Marks that open or close depending on their place: dangling only after a space or a dangling mark.</summary>
    public static readonly FrozenSet<char> DanglingWhenAlone = FrozenSet.ToFrozenSet("\"'-");

    /// <summary>The ellipsis that ends a cut excerpt.</summary>
    public const string Ellipsis = "…";

    private static FrozenSet<string> Names(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
