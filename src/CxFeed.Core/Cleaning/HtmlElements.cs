using System.Collections.Frozen;

namespace CxFeed.Core.Cleaning;

/// <summary>What HTML says about elements, which the policy does not choose: which are blocks, voids, table parts.</summary>
internal static class HtmlElements
{
    /// <summary>Block-level elements: unwrapping one still separates what came before it from what comes after.</summary>
    public static readonly FrozenSet<string> Block = FrozenSet.ToFrozenSet(
    [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp", "frameset", "noframes",
    ], StringComparer.Ordinal);

    /// <summary>Elements written as <c>&lt;name /&gt;</c>, with no content.</summary>
    public static readonly FrozenSet<string> Void = FrozenSet.ToFrozenSet(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"],
        StringComparer.Ordinal);

    /// <summary>Blocks that hold only phrasing content: a block arriving inside one is unwrapped.</summary>
    public static readonly FrozenSet<string> PhrasingBlocks = FrozenSet.ToFrozenSet(
        ["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"], StringComparer.Ordinal);

    /// <summary>Where loose text and inline elements are gathered into a paragraph.</summary>
    public static readonly FrozenSet<string> FlowRoots = FrozenSet.ToFrozenSet(["blockquote"], StringComparer.Ordinal);

    /// <summary>Elements kept even with nothing in them, because they give a table its shape.</summary>
    public static readonly FrozenSet<string> KeptWhenEmpty = FrozenSet.ToFrozenSet(["td", "th"], StringComparer.Ordinal);

    /// <summary>Table structure, which only lives inside its own parents.</summary>
    public static readonly FrozenSet<string> TableParts = FrozenSet.ToFrozenSet(
        ["caption", "thead", "tbody", "tfoot", "tr", "td", "th"], StringComparer.Ordinal);

    /// <summary>Table elements that hold only other table parts, never text.</summary>
    public static readonly FrozenSet<string> TableFrames = FrozenSet.ToFrozenSet(
        ["table", "thead", "tbody", "tfoot", "tr"], StringComparer.Ordinal);
}
