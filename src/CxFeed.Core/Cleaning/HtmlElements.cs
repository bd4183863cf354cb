using System.Collections.Frozen;

namespace CxFeed.Core.Cleaning;

/// <summary>What HTML says about an element, which the policy does not choose.</summary>
[Flags]
internal enum ElementKind
{
    /// <summary>Phrasing (inline) content: the default for a name HTML does not list here.</summary>
    Inline = 0,
    /// <summary>Block-level: unwrapping one still separates what came before it from what comes after.</summary>
    Block = 1,
    /// <summary>Written as <c>&lt;name /&gt;</c>, with no content.</summary>
    Void = 2,
    /// <summary>A block that holds only phrasing content: a block arriving inside one is unwrapped.</summary>
    PhrasingBlock = 4,
    /// <summary>Where loose text and inline elements are gathered into a paragraph.</summary>
    FlowRoot = 8,
    /// <summary>Kept even with nothing in it, because it gives a table its shape.</summary>
    KeptWhenEmpty = 16,
    /// <summary>Table structure, which only lives inside its own parents.</summary>
    TablePart = 32,
    /// <summary>Table elements that hold only other table parts, never text.</summary>
    TableFrame = 64,
    /// <summary>
    /// Shown as a box in the line (an image, an icon, a control, a player) or as text of its own:
    /// when it goes, a space takes its place, so the words on either side stay two words.
    /// </summary>
    SpacedWhenRemoved = 128,
}

/// <summary>The kind of each element HTML distinguishes, looked up once per element.</summary>
internal static class HtmlElements
{
    private static readonly FrozenDictionary<string, ElementKind> Kinds = BuildKinds();

    public static ElementKind KindOf(string name) => Kinds.GetValueOrDefault(name);

    public static bool IsBlock(string name) => (KindOf(name) & ElementKind.Block) != 0;

    public static bool IsSpacedWhenRemoved(string name) => (KindOf(name) & ElementKind.SpacedWhenRemoved) != 0;

    private static FrozenDictionary<string, ElementKind> BuildKinds()
    {
        var kinds = new Dictionary<string, ElementKind>(StringComparer.Ordinal);
        void Add(ElementKind kind, params string[] names)
        {
            foreach (var name in names)
                kinds[name] = kinds.GetValueOrDefault(name) | kind;
        }
        Add(ElementKind.Block,
            "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
            "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hgroup", "hr", "html", "legend", "li", "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search",
            "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp", "frameset", "noframes");
        Add(ElementKind.Void, "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");
        Add(ElementKind.PhrasingBlock, "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre");
        Add(ElementKind.FlowRoot, "blockquote");
        Add(ElementKind.KeptWhenEmpty, "td", "th");
        Add(ElementKind.TablePart, "caption", "thead", "tbody", "tfoot", "tr", "td", "th");
        Add(ElementKind.TableFrame, "table", "thead", "tbody", "tfoot", "tr");
        // Not among them: what no browser shows (script, style, template, noscript, wbr, o:p,
        // head matter) and the inline elements a word may be split by (span, font…), which are
        // unwrapped, never removed.
        Add(ElementKind.SpacedWhenRemoved,
            "img", "svg", "math", "br", "input", "button", "select", "textarea", "label", "output", "meter", "progress",
            "keygen", "isindex", "iframe", "frame", "object", "embed", "applet", "video", "audio", "canvas", "portal", "fencedframe");
        return kinds.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
