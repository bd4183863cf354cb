using System.Net;
using System.Text;
using HtmlAgilityPack;

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

    private sealed class Open(HtmlNode element, bool write, Open? writtenParent)
    {
        public HtmlNode Element { get; } = element;

        public bool Write { get; } = write;

        /// <summary>The nearest enclosing element that is written, if any.</summary>
        public Open? WrittenParent { get; } = writtenParent;

        public bool Flushed { get; set; }

        public bool HasBlocks { get; set; }

        public string Name => Element.Name;

        /// <summary>Whether the element stands on its own line: a block, a line break aside.</summary>
        public bool IsBlock => !ExcerptPolicy.Inline.Contains(Name) && Name != "br";
    }

    public override void Enter(HtmlNode element, bool isBlock)
    {
        base.Enter(element, isBlock);
        var parent = _open.Count == 0 ? null : _open[^1].Write ? _open[^1] : _open[^1].WrittenParent;
        var open = new Open(element, ExcerptPolicy.Written.Contains(element.Name), parent);
        _open.Add(open);
        if (open.Write)
            _pending.Add(open);
    }

    public override void Leave(HtmlNode element, bool isBlock)
    {
        base.Leave(element, isBlock);
        var open = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (!open.Write || ExcerptPolicy.Void.Contains(element.Name))
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
            if (_open[i].Flushed && !ExcerptPolicy.Void.Contains(_open[i].Name))
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
            _html.Append(ExcerptPolicy.Void.Contains(open.Name) ? " />" : ">");
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

    private void AppendAttributes(HtmlNode element)
    {
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (!IsXmlName(attribute.Name) || IsRepeated(attributes, i))
                continue;
            _html.Append(' ').Append(attribute.Name).Append("=\"");
            AppendEscaped(WebUtility.HtmlDecode(attribute.Value ?? ""), attribute: true);
            _html.Append('"');
        }
    }

    // A parser keeps every copy of a repeated attribute; XML allows one, the first.
    private static bool IsRepeated(HtmlAttributeCollection attributes, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (attributes[i].Name == attributes[index].Name)
                return true;
        }
        return false;
    }

    // The cleaner's escaping: &amp; &lt; &gt; (and &quot; in attributes), every other character as
    // itself; characters XML forbids and unpaired surrogates are dropped.
    private void AppendEscaped(ReadOnlySpan<char> text, bool attribute)
    {
        for (var i = 0; i < text.Length; i++)
        {
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
    private static bool IsXmlName(string name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
        && !name.AsSpan().ContainsAnyExcept(XmlNameCharacters);

    private static readonly System.Buffers.SearchValues<char> XmlNameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_.-");
}
