using System.Buffers;
using System.Net;
using System.Text;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Writes the HTML form: the elements of the cleaned tree that hold the kept text, in the
/// cleaner's canonical markup, up to the cut. An element is written only once text inside it is,
/// so an image's paragraph or a block after the cut leaves no empty tags; at the end every
/// element still open is closed. Like the cleaner's output, it has one newline before each block
/// and before the end tag of an element that holds blocks.
/// </summary>
internal sealed class ExcerptHtmlWriter(int keep) : TextSink(keep)
{
    private readonly StringBuilder _html = new(Math.Min(2 * keep + 256, 4096));

    // Elements entered and not yet left; those written but not flushed wait in _pending, with
    // void elements met since, until text comes.
    private readonly List<Open> _open = [];
    private readonly List<Open> _pending = [];

    // Where white space of the text began: written there once a word follows, so that it stays
    // outside an inline element that opens after it.
    private int _whitespaceAt;

    private sealed class Open(MarkupNode element, bool write, Open? writtenParent)
    {
        public MarkupNode Element { get; } = element;

        public bool Write { get; } = write;

        /// <summary>The nearest enclosing element that is written, if any.</summary>
        public Open? WrittenParent { get; } = writtenParent;

        public bool Flushed { get; set; }

        public bool HasBlocks { get; set; }

        public string Name => Element.Name;

        /// <summary>Whether the element stands on its own line: a block, a line break aside.</summary>
        public bool IsBlock => !Element.Is(ExcerptRole.Inline) && Name != "br";

        public bool IsVoid => Element.Is(ExcerptRole.Void);
    }

    public override void Enter(MarkupNode element, bool isBlock)
    {
        base.Enter(element, isBlock);
        var parent = _open.Count == 0 ? null : _open[^1].Write ? _open[^1] : _open[^1].WrittenParent;
        var open = new Open(element, element.Is(ExcerptRole.Written), parent);
        _open.Add(open);
        if (open.Write)
            _pending.Add(open);
    }

    public override void Leave(MarkupNode element, bool isBlock)
    {
        base.Leave(element, isBlock);
        var open = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (!open.Write || open.IsVoid)
            return;
        if (open.Flushed)
        {
            Close(open);
            return;
        }
        // It and the void elements met inside it wait at the end of the list.
        var at = _pending.LastIndexOf(open);
        _pending.RemoveRange(at, _pending.Count - at);
    }

    /// <summary>Ends the HTML form: the ellipsis when the text was cut, closing tags, and the link to the post.</summary>
    public string Finish(bool ellipsis, Uri link, string readMore)
    {
        if (ellipsis)
            _html.Append(ExcerptPolicy.Ellipsis);
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].Flushed && !_open[i].IsVoid)
                Close(_open[i]);
        }
        if (_html.Length > 0)
            _html.Append('\n');
        _html.Append("<p><a href=\"");
        AppendEscaped(link.AbsoluteUri, attribute: true);
        _html.Append("\">");
        AppendEscaped(readMore, attribute: false);
        _html.Append("</a></p>");
        return _html.ToString();
    }

    protected override void Accept(ReadOnlySpan<char> characters)
    {
        Flush();
        AppendEscaped(characters, attribute: false);
    }

    protected override void WhitespaceStarts() => _whitespaceAt = _html.Length;

    protected override void Separated(string whitespace, bool fromText)
    {
        if (!fromText)
            return;
        if (_whitespaceAt == _html.Length)
            _html.Append(whitespace);
        else
            _html.Insert(_whitespaceAt, whitespace);
    }

    private void Flush()
    {
        foreach (var open in _pending)
        {
            if (open.IsBlock)
            {
                if (_html.Length > 0)
                    _html.Append('\n');
                if (open.WrittenParent is { } parent)
                    parent.HasBlocks = true;
            }
            _html.Append('<').Append(open.Name);
            AppendAttributes(open.Element);
            _html.Append(open.IsVoid ? " />" : ">");
            open.Flushed = true;
        }
        _pending.Clear();
    }

    private void Close(Open open)
    {
        if (open.HasBlocks)
            _html.Append('\n');
        _html.Append("</").Append(open.Name).Append('>');
    }

    private void AppendAttributes(MarkupNode element)
    {
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var name = attributes[i].Name.Span;
            if (!IsXmlName(name) || IsRepeated(attributes, i))
                continue;
            _html.Append(' ').Append(name).Append("=\"");
            var value = attributes[i].RawValue;
            AppendEscaped(value.Span.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.Span, attribute: true);
            _html.Append('"');
        }
    }

    // A parser keeps every copy of a repeated attribute; XML allows one, the first.
    private static bool IsRepeated(MarkupAttribute[] attributes, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (attributes[i].Name.Span.SequenceEqual(attributes[index].Name.Span))
                return true;
        }
        return false;
    }

    // The cleaner's escaping: &amp; &lt; &gt; (and &quot; in attributes), every other character as
    // itself; characters XML forbids and unpaired surrogates are dropped. What needs none of it
    // is copied a run at a time.
    private void AppendEscaped(ReadOnlySpan<char> text, bool attribute)
    {
        var specials = attribute ? AttributeSpecials : TextSpecials;
        for (var i = 0; i < text.Length; i++)
        {
            var plain = text[i..].IndexOfAny(specials);
            if (plain < 0)
            {
                _html.Append(text[i..]);
                return;
            }
            _html.Append(text.Slice(i, plain));
            i += plain;
            var c = text[i];
            switch (c)
            {
                case '&': _html.Append("&amp;"); break;
                case '<': _html.Append("&lt;"); break;
                case '>': _html.Append("&gt;"); break;
                case '"' when attribute: _html.Append("&quot;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        _html.Append(c).Append(text[++i]);
                    else if (XmlCharacters.IsAllowed(c))
                        _html.Append(c);
                    break;
            }
        }
    }

    // Attribute names as the cleaner writes them ([a-z_][a-z0-9_.-]*); anything else a parser
    // made of a malformed tag is not written.
    private static bool IsXmlName(ReadOnlySpan<char> name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
        && !name.ContainsAnyExcept(XmlNameCharacters);

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create(Specials("&<>"));

    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create(Specials("&<>\""));

    // The markup characters, and every character outside U+0020–U+D7FF (controls, surrogates,
    // U+FFFE and U+FFFF among them), which the escaping looks at one by one.
    private static string Specials(string markup)
    {
        var specials = new StringBuilder(markup);
        for (var c = '\0'; c < ' '; c++)
            specials.Append(c);
        for (var c = '\uD800'; c != '\uFFFF'; c++)
            specials.Append(c);
        return specials.Append('\uFFFF').ToString();
    }

    private static readonly SearchValues<char> XmlNameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_.-");
}
