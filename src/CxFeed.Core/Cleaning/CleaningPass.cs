using System.Globalization;
using System.Text;
using CxFeed.Core.Html;
using HtmlAgilityPack;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// One walk over a parsed post, in document order, with an explicit stack (never recursion):
/// each node is dropped, unwrapped or kept according to the policy, and what is kept goes to
/// the <see cref="PolyglotWriter"/>. Images, noscript copies and media players get their own
/// handling; everything else is the policy's sets.
/// </summary>
internal sealed class CleaningPass
{
    /// <summary>Where a lazy-loading script keeps an image's real source, most specific first; then the src itself.</summary>
    private static readonly string[] SourceAttributes = ["data-lazy-src", "data-src", "data-original", "src"];

    private static readonly string[] SrcsetAttributes = ["data-lazy-srcset", "data-srcset", "srcset"];

    private static readonly string[] SizesAttributes = ["data-lazy-sizes", "data-sizes", "sizes"];

    private static readonly string[] FrameSourceAttributes = ["data-lazy-src", "data-src", "src"];

    private static readonly HashSet<string> ImageSourceAttributes = new([.. SourceAttributes, .. SrcsetAttributes, .. SizesAttributes], StringComparer.Ordinal);

    private static readonly HashSet<string> UrlAttributes = new(["href", "src", "cite", "poster", "longdesc"], StringComparer.Ordinal);

    private enum Exit : byte { CloseElement, Boundary, Nothing }

    private readonly record struct Frame(HtmlNode Node, Exit Exit, int Handle);

    /// <summary>
    /// The pass last used on this thread. A pass holds no state between runs, only its lists and
    /// its writer's builder, which, made anew for each post, cost more than the walk's own work.
    /// </summary>
    [ThreadStatic]
    private static CleaningPass? t_reused;

    /// <summary>Past this many characters a buffer one large post grew is let go after it rather than kept for the thread's life.</summary>
    private const int BufferKept = 1 << 16;

    private readonly PolyglotWriter _writer = new();
    private readonly List<Frame> _frames = [];
    private readonly string?[] _values = new string?[16];
    private readonly Dictionary<string, string> _imageAttributes = new(StringComparer.Ordinal);
    private readonly StringBuilder _srcset = new();
    private char[] _decoded = new char[1024];
    private CompiledPolicy _policy = null!;
    private UrlRewriter _urls = null!;
    private RemovalLog _log = null!;
    private HtmlNode? _lastKeptImage;

    private CleaningPass()
    {
    }

    /// <summary>Cleans what <paramref name="root"/> holds; <paramref name="capacity"/> is the input's length.</summary>
    public static string Run(HtmlNode root, CompiledPolicy policy, UrlRewriter urls, RemovalLog log, int capacity)
    {
        var pass = t_reused ?? new CleaningPass();
        t_reused = null;
        pass._policy = policy;
        pass._urls = urls;
        pass._log = log;
        pass._frames.Clear();
        pass._lastKeptImage = null;
        pass._writer.Start(log, capacity);
        var html = pass.Walk(root);
        var (offered, written) = pass._writer.TextCounts;
        log.TextKept(offered, written);
        pass._lastKeptImage = null;
        if (pass._decoded.Length > BufferKept)
            pass._decoded = new char[1024];
        if (pass._srcset.Capacity > BufferKept)
            pass._srcset.Clear().Capacity = 256;
        t_reused = pass;
        return html;
    }

    private string Walk(HtmlNode root)
    {
        var node = root.FirstChild;
        while (node is not null)
        {
            if (node.NodeType == HtmlNodeType.Comment)
                node = Comment((HtmlCommentNode)node);
            else if (node.NodeType == HtmlNodeType.Element && node.Name == "table" && TableFoster.MoveOut(node) is { } fostered)
            {
                // What a browser shows before the table now stands before it: walk it first.
                node = fostered;
                continue;
            }
            else if (Enter(node) is { } frame)
            {
                if (node.HasChildNodes)
                {
                    _frames.Add(frame);
                    node = node.FirstChild!;
                    continue;
                }
                Leave(frame);
            }
            node = Advance(node);
        }
        return _writer.Finish();
    }

    /// <summary>The next node after <paramref name="node"/>'s subtree, leaving the elements that end on the way.</summary>
    private HtmlNode? Advance(HtmlNode node)
    {
        while (node.NextSibling is null)
        {
            if (_frames.Count == 0)
                return null;
            var frame = _frames[^1];
            _frames.RemoveAt(_frames.Count - 1);
            Leave(frame);
            node = frame.Node;
        }
        return node.NextSibling;
    }

    private void Leave(Frame frame)
    {
        if (frame.Exit == Exit.CloseElement)
            _writer.Close(frame.Handle);
        else if (frame.Exit == Exit.Boundary)
            _writer.Boundary();
    }

    /// <summary>
    /// A comment goes, and only the comment: conditional comments are paired by the HTML parse
    /// itself, as browsers pair them. A downlevel-hidden block (<c>&lt;!--[if gte mso 9]&gt;…&lt;![endif]--&gt;</c>:
    /// Word's XML, styles and VML) is one comment, so what it hides goes with it; the markers of a
    /// downlevel-revealed block (<c>&lt;![if !vml]&gt;</c> or, once pasted, <c>&lt;!--[if !vml]--&gt;</c>,
    /// and their <c>endif</c>) are comments of their own, and what they reveal (Word's fallback
    /// image, a list's number) is what browsers show, so it is kept. Pairing a start with some
    /// later end instead once dropped whole posts.
    /// </summary>
    private HtmlNode Comment(HtmlCommentNode comment)
    {
        _log.Remove(IsDownlevelHidden(InPlace(comment) is { IsEmpty: false } text ? text : comment.Comment) ? RemovalReason.WordConditional : RemovalReason.Comment, "#comment");
        return comment;
    }

    private static bool IsDownlevelHidden(ReadOnlySpan<char> comment) =>
        comment.StartsWith("<!--[if", StringComparison.OrdinalIgnoreCase) && comment.EndsWith("<![endif]-->", StringComparison.OrdinalIgnoreCase);

    /// <summary>Handles a text node or an element; returns the frame to keep while inside it, or null to skip what it holds.</summary>
    private Frame? Enter(HtmlNode node)
    {
        if (node.NodeType == HtmlNodeType.Text)
        {
            Text((HtmlTextNode)node);
            return null;
        }
        if (node.NodeType != HtmlNodeType.Element)
            return null;
        var name = node.Name;
        if (_policy.Chrome?.Matches(node) == true)
        {
            _log.Remove(RemovalReason.SiteChrome, name);
            Removed(name);
            return null;
        }
        switch (name)
        {
            case "img" when _policy.Allowed.Contains("img"):
                Image(node);
                return null;
            case "br" when _policy.Allowed.Contains("br"):
                _writer.Break();
                return null;
            case "noscript" when _policy.Dropped.Contains("noscript"):
                Noscript(node);
                return null;
            case "iframe" or "embed" or "video" or "audio" when _policy.Dropped.Contains(name):
                Media(node, name);
                return null;
        }
        var target = Target(node, name);
        if (!_policy.Allowed.Contains(target))
        {
            if (_policy.Dropped.Contains(name) || _policy.Dropped.Contains(target))
            {
                _log.Remove(RemovalReason.Dropped, name);
                Removed(name);
                return null;
            }
            _log.Remove(RemovalReason.Unwrapped, name);
            return Unwrap(node, name);
        }
        if (_writer.Depth >= _policy.Source.MaxDepth)
        {
            _log.Remove(RemovalReason.TooDeep, name);
            return Unwrap(node, name);
        }
        if ((HtmlElements.KindOf(target) & ElementKind.Void) != 0)
        {
            StageAttributes(node, target);
            if (!IsChromeAsWritten(target))
                _writer.TryVoid(target);
            return null;
        }
        if (!StageAttributes(node, target))
            return Unwrap(node, name);
        if (IsChromeAsWritten(target))
            return null;
        var handle = _writer.TryOpen(target);
        return handle < 0 ? Unwrap(node, target) : new Frame(node, Exit.CloseElement, handle);
    }

    /// <summary>
    /// Writes a text node's decoded text, read in place from the document rather than copied out
    /// of it. HtmlAgilityPack turns a stray end tag into a text node whose text it lowercases:
    /// that text (it starts with '&lt;') is read from the node.
    /// </summary>
    private void Text(HtmlTextNode node)
    {
        var text = InPlace(node);
        if (text.IsEmpty || text[0] == '<')
            text = node.Text;
        if (!text.Contains('&'))
        {
            _writer.Text(text);
            return;
        }
        if (_decoded.Length < text.Length)
            _decoded = new char[Math.Max(text.Length, _decoded.Length * 2)];
        var decoded = CharacterReferences.Decode(text, inAttribute: false, _decoded);
        _writer.Text(_decoded.AsSpan(0, decoded));
    }

    /// <summary>
    /// A text or comment node as the document holds it (what its text or comment is, unless
    /// changed after parsing, which the cleaner never does: it only moves fostered nodes), without copying it; empty when
    /// the node has no place in the document.
    /// </summary>
    private static ReadOnlySpan<char> InPlace(HtmlNode node)
    {
        var source = node.OwnerDocument.Text;
        var start = node.OuterStartIndex;
        var length = node.OriginalOuterLength;
        return start >= 0 && length >= 0 && start + length <= source.Length ? source.AsSpan(start, length) : default;
    }

    /// <summary>
    /// Whether a chrome rule matches the element as it is about to be written (its new name, its
    /// attributes as the next cleaning reads them): a link to <c>#m\u0085ore-1</c> is written
    /// <c>#more-1</c> (the control dropped), so it was kept, and the next cleaning removed it as a
    /// "Read more" link. Such an element goes now, with the staged attributes.
    /// </summary>
    private bool IsChromeAsWritten(string target)
    {
        if (_policy.Chrome is not { } chrome || !chrome.MatchesAttributes(target, _writer.Staged))
            return false;
        _writer.DiscardAttributes();
        _log.Remove(RemovalReason.SiteChrome, target);
        Removed(target);
        return true;
    }

    /// <summary>What the element becomes: a conversion (a caption block to a figure), a rename (h1 to h2), or itself.</summary>
    private string Target(HtmlNode node, string name)
    {
        if (_policy.AnyConversion?.Matches(node) == true)
        {
            foreach (var (selector, element) in _policy.Conversions)
            {
                if (selector.Matches(node) && (element != "figcaption" || _writer.IsDirectlyIn("figure")))
                    return element;
            }
        }
        return _policy.Renames.TryGetValue(name, out var renamed) ? renamed : name;
    }

    /// <summary>
    /// What an element removed with its content leaves: a block still separates what was before
    /// it from what comes after, something shown in the line (an icon, an image, a control) leaves
    /// a space, and what no browser shows (a script, a style, a <c>wbr</c>) leaves nothing.
    /// </summary>
    private void Removed(string name)
    {
        if (HtmlElements.IsBlock(name))
            _writer.Boundary();
        else if (HtmlElements.IsSpacedWhenRemoved(name))
            _writer.Gap();
    }

    /// <summary>Keeps the content without the tags; a block still separates its content from what is around it, and a void one shown in the line (an image) leaves a space.</summary>
    private Frame Unwrap(HtmlNode node, string name)
    {
        if (!HtmlElements.IsBlock(name))
        {
            if ((HtmlElements.KindOf(name) & ElementKind.Void) != 0 && HtmlElements.IsSpacedWhenRemoved(name))
                _writer.Gap();
            return new Frame(node, Exit.Nothing, 0);
        }
        _writer.Boundary();
        return new Frame(node, Exit.Boundary, 0);
    }

    /// <summary>Reads the element's allowed attributes (the first of each name, as browsers do) and stages the usable ones in policy order.</summary>
    private bool StageAttributes(HtmlNode node, string target)
    {
        var allowed = _policy.AttributesOf(target);
        ReadAttributes(node, allowed);
        var usable = true;
        for (var i = 0; i < allowed.Length; i++)
        {
            if (_values[i] is not { } raw)
            {
                if (target == "a" && allowed[i] == "href")
                    usable = false;
                continue;
            }
            var value = Normalize(target, allowed[i], raw);
            if (value is null)
            {
                if (target == "a" && allowed[i] == "href")
                    usable = false;
                continue;
            }
            _writer.Attribute(allowed[i], value);
        }
        if (!usable)
        {
            // The link is unwrapped: its title must not go to the next element opened.
            _writer.DiscardAttributes();
            _log.Remove(RemovalReason.Unwrapped, target, "href");
        }
        return usable;
    }

    /// <summary>Fills <see cref="_values"/> with the first value of each name in <paramref name="names"/>.</summary>
    private void ReadAttributes(HtmlNode node, string[] names)
    {
        Array.Clear(_values);
        if (!node.HasAttributes)
            return;
        // By index: the collection's enumerator is boxed behind an interface.
        var attributes = node.Attributes;
        for (var a = 0; a < attributes.Count; a++)
        {
            var attribute = attributes[a];
            var index = Array.IndexOf(names, attribute.Name);
            if (index >= 0 && index < _values.Length)
                _values[index] ??= attribute.Value ?? "";
            else if (_log.KeepsList)
                _log.Remove(RemovalReason.AttributeNotAllowed, node.Name, attribute.Name, attribute.Value);
        }
    }

    /// <summary>The value to write for an allowed attribute, or null (logged) when it cannot be kept.</summary>
    private string? Normalize(string element, string attribute, string raw)
    {
        // What XML forbids goes before any normalising, so the spaces around it collapse as if it had
        // never been there: cleaning the result again changes nothing.
        var value = XmlCharacters.Keep(CharacterReferences.Decode(raw, inAttribute: true));
        string? result = attribute switch
        {
            _ when UrlAttributes.Contains(attribute) => _urls.Rewrite(value),
            "srcset" => Srcset(value),
            "width" or "height" => Integer(value, 0, 100_000),
            "colspan" => Integer(value, 1, 1000),
            "rowspan" => Integer(value, 0, 65_534),
            "start" => Integer(value, int.MinValue, int.MaxValue),
            "scope" => Scope(value),
            "reversed" => "reversed",
            _ => CollapseWhitespace(value),
        };
        if (result is null)
            _log.Remove(UrlAttributes.Contains(attribute) || attribute == "srcset" ? RemovalReason.UrlNotAllowed : RemovalReason.InvalidValue, element, attribute, raw);
        return result;
    }

    private static string? Scope(string value) =>
        value.Trim().ToLowerInvariant() is var scope && scope is "row" or "col" or "rowgroup" or "colgroup" ? scope : null;

    private static string? Integer(string value, int min, int max)
    {
        var trimmed = value.AsSpan().Trim();
        if (!int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            return null;
        // The usual value ("1024") is already written the canonical way: keep it rather than format a copy.
        Span<char> canonical = stackalloc char[11];
        return number.TryFormat(canonical, out var length, default, CultureInfo.InvariantCulture) && canonical[..length].SequenceEqual(value)
            ? value
            : number.ToString(CultureInfo.InvariantCulture);
    }

    private static string CollapseWhitespace(string value)
    {
        var span = value.AsSpan().Trim();
        if (span.IndexOfAny("\t\n\r\f  ") < 0 && span.Length == value.Length)
            return value;
        return string.Join(' ', span.ToString().Split(HtmlTree.Whitespace, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Each candidate's URL judged and made absolute; bad candidates go, placeholders too.</summary>
    private string? Srcset(string value)
    {
        var set = _srcset.Clear();
        foreach (var (url, descriptor) in SrcsetCandidates.Parse(value))
        {
            if (_urls.Rewrite(url) is not { } absolute || _policy.IsPlaceholder(absolute))
                continue;
            if (set.Length > 0)
                set.Append(", ");
            SrcsetCandidates.AppendUrl(set, absolute);
            if (descriptor.Length > 0)
                set.Append(' ').Append(descriptor);
        }
        return set.Length == 0 ? null : set.ToString();
    }

    /// <summary>
    /// An image: its real source restored from the lazy-loading attributes, dropped when it has
    /// none or is a tracking pixel, otherwise written with the allowed attributes.
    /// </summary>
    private void Image(HtmlNode image)
    {
        string? src = null;
        string? srcset = null;
        string? sizes = null;
        var placeholder = false;
        var lazy = ReadImageAttributes(image);
        foreach (var attribute in SourceAttributes)
        {
            if (lazy.GetValueOrDefault(attribute) is not { } raw)
                continue;
            var decoded = CharacterReferences.Decode(raw, inAttribute: true);
            if (attribute != "src" && !LazySource.HoldsUrl(decoded))
            {
                // JSON, a flag or a word where a lazy loader may keep an address: not a source.
                _log.Remove(RemovalReason.InvalidValue, "img", attribute, raw);
                continue;
            }
            var absolute = _urls.Rewrite(decoded);
            if (absolute is null || _policy.IsPlaceholder(absolute))
            {
                placeholder = true;
                continue;
            }
            src = absolute;
            break;
        }
        foreach (var attribute in SrcsetAttributes)
        {
            if (lazy.GetValueOrDefault(attribute) is { } raw
                && CharacterReferences.Decode(raw, inAttribute: true) is var decoded
                && (attribute == "srcset" || LazySource.HoldsSrcset(decoded))
                && Srcset(decoded) is { } set)
            {
                srcset = set;
                break;
            }
        }
        foreach (var attribute in SizesAttributes)
        {
            // What XML forbids goes first, as in Normalize: a value of only such characters is no value.
            if (lazy.GetValueOrDefault(attribute) is { } raw
                && CollapseWhitespace(XmlCharacters.Keep(CharacterReferences.Decode(raw, inAttribute: true))) is { Length: > 0 } value && value != "auto")
            {
                sizes = value;
                break;
            }
        }
        src ??= srcset is null ? null : SrcsetCandidates.FirstUrl(srcset);
        if (src is null)
        {
            _log.Remove(RemovalReason.ImageWithoutSource, "img", "src", lazy.GetValueOrDefault("src"));
            _writer.Gap();
            return;
        }
        if (placeholder)
            _log.Remove(RemovalReason.LazyPlaceholder, "img", "src", lazy.GetValueOrDefault("src"));
        var allowed = _policy.AttributesOf("img");
        ReadAttributes(image, allowed);
        if (IsPixel() || _policy.IsBeacon(UrlRewriter.Host(src)))
        {
            _log.Remove(RemovalReason.TrackingPixel, "img", "src", src);
            _writer.Gap();
            return;
        }
        for (var i = 0; i < allowed.Length; i++)
        {
            var value = allowed[i] switch
            {
                "src" => src,
                "srcset" => srcset,
                "sizes" => srcset is null ? null : sizes,
                _ => _values[i] is { } raw ? Normalize("img", allowed[i], raw) : null,
            };
            if (value is not null)
                _writer.Attribute(allowed[i], value);
        }
        if (_writer.TryVoid("img"))
            _lastKeptImage = image;

        bool IsPixel() => Dimension("width") is 0 or 1 && Dimension("height") is 0 or 1;

        // The size as it would be written (what XML forbids left out, references decoded), so that
        // an image written 1×1 is a pixel the first time too, not only when cleaned again.
        int Dimension(string name) =>
            Array.IndexOf(allowed, name) is var i and >= 0 && _values[i] is { } raw
            && Integer(XmlCharacters.Keep(CharacterReferences.Decode(raw, inAttribute: true)), 0, 100_000) is { } written
            && int.TryParse(written, CultureInfo.InvariantCulture, out var size) ? size : -1;
    }

    /// <summary>The image's source, srcset and sizes attributes, lazy ones included: the first of each name, read in one pass.</summary>
    private Dictionary<string, string> ReadImageAttributes(HtmlNode image)
    {
        _imageAttributes.Clear();
        if (!image.HasAttributes)
            return _imageAttributes;
        var attributes = image.Attributes;
        for (var a = 0; a < attributes.Count; a++)
        {
            var attribute = attributes[a];
            var name = attribute.Name;
            if (ImageSourceAttributes.Contains(name))
                _imageAttributes.TryAdd(name, attribute.Value ?? "");
        }
        return _imageAttributes;
    }

    /// <summary>
    /// A noscript after an image that was kept is that image's copy, and goes. Otherwise it gives
    /// up its images (a lazy-loading script's only real copy) and the rest of it goes.
    /// </summary>
    private void Noscript(HtmlNode noscript)
    {
        var previous = noscript.PreviousSibling;
        while (previous is not null && (previous.NodeType == HtmlNodeType.Comment || (previous is HtmlTextNode text && string.IsNullOrWhiteSpace(text.Text))))
            previous = previous.PreviousSibling;
        if (previous is not null && previous == _lastKeptImage)
        {
            _log.Remove(RemovalReason.NoscriptCopy, "noscript");
            return;
        }
        _log.Remove(RemovalReason.Dropped, "noscript");
        foreach (var descendant in HtmlTree.Descendants(noscript))
        {
            if (descendant.NodeType == HtmlNodeType.Element && descendant.Name == "img")
                Image(descendant);
        }
    }

    /// <summary>A player or media element becomes a link to its media, or goes with a problem when there is none.</summary>
    private void Media(HtmlNode node, string name)
    {
        string? source = null;
        foreach (var attribute in name is "video" or "audio" ? ["src"] : FrameSourceAttributes)
        {
            if (First(node, attribute) is { } raw && _urls.Rewrite(CharacterReferences.Decode(raw, inAttribute: true)) is { } url)
            {
                source = url;
                break;
            }
        }
        if (name is "video" or "audio" && source is null)
        {
            for (var child = node.FirstChild; child is not null && source is null; child = child.NextSibling)
            {
                if (child.Name == "source" && First(child, "src") is { } raw)
                    source = _urls.Rewrite(CharacterReferences.Decode(raw, inAttribute: true));
            }
        }
        var title = First(node, "title") is { } t ? CollapseWhitespace(CharacterReferences.Decode(t, inAttribute: true)) : "";
        string? page = null;
        string text;
        if (name is "video" or "audio")
        {
            page = source;
            text = title.Length > 0 ? title : name == "video" ? "Video" : "Audio";
        }
        else if (source is not null && MediaLinks.PageOf(source) is var (player, provider))
        {
            page = player;
            text = title.Length > 0 ? title : provider + " video";
        }
        else
        {
            text = "";
        }
        if (page is null)
        {
            _log.Remove(RemovalReason.EmbedDropped, name, "src", source ?? First(node, "src"));
            _writer.Gap();
            return;
        }
        _log.Remove(RemovalReason.EmbedLinked, name, "src", source);
        // The link stands alone, as the player did: its own paragraph at the top level.
        _writer.Boundary();
        if (_policy.Allowed.Contains("a"))
        {
            _writer.Attribute("href", page);
            // The link is read by the next cleaning as any link is: a "Read more" one (#more-) goes now.
            if (IsChromeAsWritten("a"))
                return;
        }
        var handle = _policy.Allowed.Contains("a") ? _writer.TryOpen("a") : -1;
        _writer.Text(text);
        if (handle >= 0)
            _writer.Close(handle);
        _writer.Boundary();
    }

    /// <summary>The first value of an attribute, as browsers read a repeated one (HtmlAgilityPack's lookup by name gives the last).</summary>
    private static string? First(HtmlNode node, string name) => CssSelector.FirstAttribute(node, name)?.Value;
}
