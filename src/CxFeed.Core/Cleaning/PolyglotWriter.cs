using System.Buffers;
using System.Text;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// Writes the cleaned HTML in its one canonical form, which parses both as HTML and as XML
/// inside one root: lowercase names, double-quoted attributes in the policy's order, voids
/// written <c>&lt;br /&gt;</c>, text escaping only <c>&amp; &lt; &gt;</c> (and <c>&quot;</c> in
/// attributes), characters XML 1.0 forbids left out, whitespace runs made one space outside
/// <c>pre</c>, and exactly one newline before each block. It also keeps the structure HTML
/// parsers agree on: loose text at the top (or in a blockquote) is gathered into a paragraph,
/// a block never opens inside a paragraph or an inline element, table parts only live in
/// their own parents (a missing tbody or tr is supplied). Start tags are written at once and
/// taken back if the element ends up with no content, so empty paragraphs never appear.
/// </summary>
internal sealed class PolyglotWriter
{
    private enum Space : byte { None, Nbsp, Normal }

    private struct Open
    {
        public string Name;
        public ElementKind Kind;
        public bool Implicit;
        public bool HasContent;
        public bool HadBlockChild;
        /// <summary>Where the element's output starts (before any space or newline written for it), to take it back.</summary>
        public int Start;
        public Space SpaceBefore;
        public bool LineStartBefore;
        public bool SpaceWrittenBefore;

        public readonly bool IsBlock => Has(ElementKind.Block);

        /// <summary>Holds only phrasing content: an inline element, or a paragraph, heading or pre.</summary>
        public readonly bool IsPhrasing => !IsBlock || Has(ElementKind.PhrasingBlock);

        public readonly bool Has(ElementKind kind) => (Kind & kind) != 0;
    }

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create(Specials(attribute: false));
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create(Specials(attribute: true));
    private static readonly SearchValues<char> AsciiTextSpecials = SearchValues.Create(Specials(attribute: false).Where(char.IsAscii).ToArray());
    private static readonly SearchValues<char> AsciiAttributeSpecials = SearchValues.Create(Specials(attribute: true).Where(char.IsAscii).ToArray());
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\n\r\f\u00A0");

    /// <summary>Whitespace other than a plain space: where a text needs the careful path.</summary>
    private static readonly SearchValues<char> UnusualWhitespace = SearchValues.Create("\t\n\r\f\u00A0");

    /// <summary>Past this many characters a builder is let go after its post rather than kept for the thread's life.</summary>
    private const int BuilderKept = 1 << 20;

    private StringBuilder _out = new();
    private RemovalLog _log = null!;
    private readonly List<Open> _open = new(32);
    private readonly List<(string Name, string Value)> _attributes = [];
    private Space _space;
    private bool _lineStart;
    private bool _spaceWritten;
    private int _preDepth;
    private bool _preJustOpened;
    /// <summary>Where the innermost pre's content starts in the output: right after its start tag.</summary>
    private int _preContentStart = -1;
    private int _breakStart;
    private int _breakEnd;
    private int _textOffered;
    private int _textWritten;

    /// <summary>
    /// Starts a new document, forgetting the last one. A writer is reused (one per thread, see
    /// <see cref="CleaningPass"/>): its builder and lists were the cleaner's largest allocations.
    /// </summary>
    /// <param name="capacity">The characters to make room for at once (the input's length: the output is rarely longer).</param>
    public void Start(RemovalLog log, int capacity)
    {
        _log = log;
        _out.Clear();
        _out.EnsureCapacity(capacity);
        _open.Clear();
        _open.Add(new Open { Name = "", Kind = ElementKind.Block | ElementKind.FlowRoot });
        _attributes.Clear();
        _space = Space.None;
        _lineStart = true;
        _spaceWritten = false;
        _preDepth = 0;
        _preJustOpened = false;
        _preContentStart = -1;
        _breakStart = -1;
        _breakEnd = -1;
        _textOffered = 0;
        _textWritten = 0;
    }

    /// <summary>
    /// Characters of text other than white space given to <see cref="Text"/>, and how many of them
    /// were written: what the guard against losing a post's text compares (see <see cref="RemovalLog"/>).
    /// </summary>
    public (int Offered, int Written) TextCounts => (_textOffered, _textWritten);

    /// <summary>How many elements are open, not counting the root; an element's handle is the depth it was opened at.</summary>
    public int Depth => _open.Count - 1;

    /// <summary>Whether the innermost open element is <paramref name="name"/>.</summary>
    public bool IsDirectlyIn(string name) => Top.Name == name;

    /// <summary>Stages an attribute for the next <see cref="TryOpen"/> or <see cref="TryVoid"/>, in writing order.</summary>
    public void Attribute(string name, string value) => _attributes.Add((name, value));

    /// <summary>The attributes staged for the next element, as they will be written (before escaping).</summary>
    public IReadOnlyList<(string Name, string Value)> Staged => _attributes;

    /// <summary>Forgets the staged attributes: the element they were for is not written.</summary>
    public void DiscardAttributes() => _attributes.Clear();

    /// <summary>
    /// Opens <paramref name="name"/> if it may stand here; returns its handle for <see cref="Close"/>,
    /// or -1 when it may not (the caller then keeps its content without its tags).
    /// </summary>
    public int TryOpen(string name)
    {
        if (!Prepare(name))
        {
            _attributes.Clear();
            return -1;
        }
        Push(name, isImplicit: false);
        return Depth;
    }

    /// <summary>Writes a void element (img, hr) if it may stand here.</summary>
    public bool TryVoid(string name)
    {
        if (!Prepare(name))
        {
            _attributes.Clear();
            return false;
        }
        var isBlock = HtmlElements.IsBlock(name);
        if (isBlock && _out.Length > 0)
            _out.Append('\n');
        else
            WritePendingSpace();
        WriteStartTag(name, selfClosing: true);
        ref var parent = ref Top;
        parent.HasContent = true;
        parent.HadBlockChild |= isBlock;
        _lineStart = isBlock;
        _spaceWritten = false;
        _space = Space.None;
        return true;
    }

    /// <summary>A line break: none at the start of a block, none twice in a row, none at the end of a block.</summary>
    public void Break()
    {
        if (Top.Has(ElementKind.TableFrame))
        {
            _log.Remove(RemovalReason.Misplaced, "br");
            return;
        }
        if (_preDepth == 0 && (_lineStart || _out.Length == _breakEnd))
        {
            _log.Remove(RemovalReason.Empty, "br");
            return;
        }
        _space = Space.None;
        _spaceWritten = false;
        _preJustOpened = false;
        _breakStart = _out.Length;
        _out.Append("<br />");
        _breakEnd = _out.Length;
        _lineStart = true;
    }

    /// <summary>Where an unwrapped block began or ended: a paragraph break at the top, a space elsewhere.</summary>
    public void Boundary()
    {
        if (Top.Implicit && Top.Name == "p")
        {
            CloseTop();
            return;
        }
        if (_preDepth == 0 && !_lineStart && !_spaceWritten)
            _space = Space.Normal;
    }

    /// <summary>Where something shown in the line went (an icon, an image, a control): a space, unless at the start of a line or after one.</summary>
    public void Gap()
    {
        if (_preDepth == 0 && !_lineStart && !_spaceWritten)
            _space = Space.Normal;
    }

    /// <summary>Closes the element opened with <paramref name="handle"/>, and any supplied ones inside it.</summary>
    public void Close(int handle)
    {
        while (Depth >= handle)
            CloseTop();
    }

    /// <summary>Decoded text: escaped, XML-illegal characters left out, whitespace normalised outside pre.</summary>
    public void Text(ReadOnlySpan<char> text)
    {
        // What XML forbids goes before whitespace is normalised, so "a \u0001 b" gives "a b", as if it
        // had never been there (cleaning the result again then changes nothing).
        if (XmlCharacters.FirstForbidden(text) >= 0)
            text = XmlCharacters.Keep(text.ToString());
        if (text.Length == 0)
            return;
        if (Top.Has(ElementKind.TableFrame))
        {
            if (text.IndexOfAnyExcept(Whitespace) >= 0)
            {
                _textOffered += VisibleLength(text);
                _log.Remove(RemovalReason.Misplaced, "#text", value: (text.Length > 40 ? text[..40] : text).ToString());
            }
            return;
        }
        if (_preDepth > 0)
        {
            var visible = VisibleLength(text);
            _textOffered += visible;
            _textWritten += visible;
            PreformattedText(text);
            return;
        }
        var span = text;
        // The common case, words separated by single spaces: only the ends need normalising.
        var inner = span.Trim(' ');
        if (inner.Length > 0 && inner.IndexOfAny(UnusualWhitespace) < 0 && inner.IndexOf("  ") < 0)
        {
            if (inner.Length < span.Length && span[0] == ' ')
                SpaceRun(" ");
            BeginContent();
            Written(inner);
            AppendEscaped(inner, TextSpecials);
            if (span[^1] == ' ')
                SpaceRun(" ");
            return;
        }
        while (span.Length > 0)
        {
            var word = span.IndexOfAnyExcept(Whitespace);
            if (word != 0)
            {
                SpaceRun(word < 0 ? span : span[..word]);
                if (word < 0)
                    return;
                span = span[word..];
            }
            // Words joined by single spaces go out together, exactly as they would one by one.
            var length = PlainStretch(span);
            BeginContent();
            Written(span[..length]);
            AppendEscaped(span[..length], TextSpecials);
            span = span[length..];
        }
    }

    /// <summary>Counts words joined by single plain spaces as offered and written.</summary>
    private void Written(ReadOnlySpan<char> words)
    {
        var visible = words.Length - words.Count(' ');
        _textOffered += visible;
        _textWritten += visible;
    }

    /// <summary>The characters of <paramref name="text"/> that are not white space.</summary>
    private static int VisibleLength(ReadOnlySpan<char> text)
    {
        var visible = 0;
        while (text.Length > 0)
        {
            var start = text.IndexOfAnyExcept(Whitespace);
            if (start < 0)
                break;
            text = text[start..];
            var end = text.IndexOfAny(Whitespace);
            if (end < 0)
                end = text.Length;
            visible += end;
            text = text[end..];
        }
        return visible;
    }

    /// <summary>The length of the words joined by single plain spaces that <paramref name="text"/> starts with (it starts with a word).</summary>
    private static int PlainStretch(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(UnusualWhitespace);
        var doubleSpace = (end < 0 ? text : text[..end]).IndexOf("  ");
        if (doubleSpace >= 0)
            end = doubleSpace;
        else if (end < 0)
            end = text.Length;
        return text[..end].TrimEnd(' ').Length;
    }

    /// <summary>A run of whitespace: one pending space (a no-break one if the run is only those), unless at the start of a line.</summary>
    private void SpaceRun(ReadOnlySpan<char> run)
    {
        if (_lineStart || _spaceWritten)
            return;
        var kind = run.IndexOfAnyExcept('\u00A0') < 0 ? Space.Nbsp : Space.Normal;
        if (kind > _space)
            _space = kind;
    }

    /// <summary>The finished HTML: every open element closed.</summary>
    public string Finish()
    {
        Close(1);
        var html = _out.ToString();
        if (_out.Capacity > BuilderKept)
            _out = new StringBuilder();
        return html;
    }

    private ref Open Top => ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_open)[^1];

    /// <summary>Makes room for <paramref name="name"/>: supplies or closes implied elements; false when it cannot stand here.</summary>
    private bool Prepare(string name)
    {
        var kind = HtmlElements.KindOf(name);
        if ((kind & ElementKind.TablePart) != 0)
            return PrepareTablePart(name);
        if (Top.Has(ElementKind.TableFrame))
        {
            _log.Remove(RemovalReason.Misplaced, name);
            return false;
        }
        if ((kind & ElementKind.Block) != 0)
        {
            if (Top.Implicit && Top.Name == "p")
                CloseTop();
            // A list item never opens directly in another (its wrapper was unwrapped): HTML parsers
            // close the first, so the output must too, or cleaning it again would change it.
            if (name == "li" && Top.Name == "li")
                CloseTop();
            // Likewise a term or a description ends the open one.
            if (name is "dt" or "dd" && Top.Name is "dt" or "dd")
                CloseTop();
            if (Top.IsPhrasing)
            {
                _log.Remove(RemovalReason.Misplaced, name);
                return false;
            }
            return true;
        }
        if (name == "a" && IsOpen("a"))
        {
            _log.Remove(RemovalReason.Misplaced, name);
            return false;
        }
        if (Top.Has(ElementKind.FlowRoot))
            Push("p", isImplicit: true);
        return true;
    }

    private bool PrepareTablePart(string name)
    {
        // Rows and cells find (or are given) their section and row; a new section ends supplied ones.
        while (Top.Implicit && (name is "caption" or "thead" or "tbody" or "tfoot" || (name == "tr" && Top.Name == "tr")))
            CloseTop();
        var parent = Top.Name;
        switch (name)
        {
            case "tr" when parent == "table":
                Push("tbody", isImplicit: true);
                return true;
            case "tr":
                return parent is "thead" or "tbody" or "tfoot" || Refuse(name);
            case "td" or "th" when parent == "table":
                Push("tbody", isImplicit: true);
                Push("tr", isImplicit: true);
                return true;
            case "td" or "th" when parent is "thead" or "tbody" or "tfoot":
                Push("tr", isImplicit: true);
                return true;
            case "td" or "th":
                return parent == "tr" || Refuse(name);
            default:
                return parent == "table" || Refuse(name);
        }
    }

    private bool Refuse(string name)
    {
        _log.Remove(RemovalReason.Misplaced, name);
        return false;
    }

    private bool IsOpen(string name)
    {
        for (var i = _open.Count - 1; i > 0; i--)
        {
            if (_open[i].Name == name)
                return true;
        }
        return false;
    }

    private void Push(string name, bool isImplicit)
    {
        var kind = HtmlElements.KindOf(name);
        var isBlock = (kind & ElementKind.Block) != 0;
        var open = new Open
        {
            Name = name,
            Kind = kind,
            Implicit = isImplicit,
            Start = _out.Length,
            SpaceBefore = _space,
            LineStartBefore = _lineStart,
            SpaceWrittenBefore = _spaceWritten,
        };
        if (isBlock)
        {
            if (_out.Length > 0)
                _out.Append('\n');
            _space = Space.None;
            _lineStart = true;
            _spaceWritten = false;
        }
        else
        {
            WritePendingSpace();
        }
        _open.Add(open);
        if (isImplicit)
            _out.Append('<').Append(name).Append('>');
        else
            WriteStartTag(name, selfClosing: false);
        if (name == "pre")
        {
            _preDepth++;
            _preJustOpened = true;
            _preContentStart = _out.Length;
        }
    }

    private void CloseTop()
    {
        var open = Top;
        _open.RemoveAt(_open.Count - 1);
        // Breaks inside pre are all kept, its last one too: trimming only the last would leave the
        // one before it last, to be trimmed by the next cleaning.
        var inPre = _preDepth > 0;
        if (open.Name == "pre")
            _preDepth--;
        if (open.IsBlock && !inPre && _breakEnd == _out.Length && _breakStart >= open.Start)
        {
            _out.Length = _breakStart;
            _breakEnd = -1;
        }
        if (!open.HasContent && !open.Has(ElementKind.KeptWhenEmpty))
        {
            TakeBack(open);
            return;
        }
        if (open.HadBlockChild)
            _out.Append('\n');
        _out.Append("</").Append(open.Name).Append('>');
        ref var parent = ref Top;
        parent.HasContent = true;
        if (open.IsBlock)
        {
            parent.HadBlockChild = true;
            _space = Space.None;
            _lineStart = true;
            _spaceWritten = false;
        }
    }

    /// <summary>Removes an element that ended up empty, as if it had never been opened (but a space inside it still separates).</summary>
    private void TakeBack(Open open)
    {
        if (!open.Implicit)
            _log.Remove(RemovalReason.Empty, open.Name);
        _out.Length = open.Start;
        if (_breakEnd > _out.Length)
            _breakEnd = -1;
        _lineStart = open.LineStartBefore;
        _spaceWritten = open.SpaceWrittenBefore;
        var space = open.SpaceBefore > _space ? open.SpaceBefore : _space;
        _space = _lineStart || _spaceWritten ? Space.None : space;
    }

    private void BeginContent()
    {
        if (Top.Has(ElementKind.FlowRoot))
            Push("p", isImplicit: true);
        WritePendingSpace();
        Top.HasContent = true;
        _lineStart = false;
        _spaceWritten = false;
    }

    private void WritePendingSpace()
    {
        if (_space == Space.None)
            return;
        _out.Append(_space == Space.Nbsp ? '\u00A0' : ' ');
        _space = Space.None;
        _spaceWritten = true;
    }

    private void PreformattedText(ReadOnlySpan<char> span)
    {
        if (_preJustOpened)
        {
            // HTML drops one newline right after <pre>; keep what follows it the same in both readings.
            _preJustOpened = false;
            if (span.StartsWith("\r\n"))
                span = span[2..];
            else if (span.StartsWith("\n") || span.StartsWith("\r"))
                span = span[1..];
        }
        if (span.Length == 0)
            return;
        // A newline written first after <pre> is dropped by the next parse: a second one keeps it,
        // whichever text (after a removed comment or element) brings it.
        if (_out.Length == _preContentStart && span[0] is '\n' or '\r')
            _out.Append('\n');
        BeginContent();
        while (span.Length > 0)
        {
            var cr = span.IndexOf('\r');
            if (cr < 0)
            {
                AppendEscaped(span, TextSpecials);
                break;
            }
            AppendEscaped(span[..cr], TextSpecials);
            _out.Append('\n');
            span = span[(cr + 1)..];
            if (span.Length > 0 && span[0] == '\n')
                span = span[1..];
        }
    }

    private void WriteStartTag(string name, bool selfClosing)
    {
        _out.Append('<').Append(name);
        foreach (var (attribute, value) in _attributes)
        {
            _out.Append(' ').Append(attribute).Append("=\"");
            AppendEscaped(value, AttributeSpecials);
            _out.Append('"');
        }
        _attributes.Clear();
        _out.Append(selfClosing ? " />" : ">");
        if (name != "pre")
            _preJustOpened = false;
    }

    /// <summary>Appends <paramref name="text"/> escaped, leaving out what XML 1.0 forbids (controls, U+FFFE/U+FFFF, lone surrogates).</summary>
    private void AppendEscaped(ReadOnlySpan<char> text, SearchValues<char> specials)
    {
        // Most text has nothing from U+D800 up (no surrogates, no U+FFFE or U+FFFF): then only ASCII characters need looking at.
        if (text.IndexOfAnyInRange('\uD800', '\uFFFF') < 0)
            specials = specials == TextSpecials ? AsciiTextSpecials : AsciiAttributeSpecials;
        while (text.Length > 0)
        {
            var special = text.IndexOfAny(specials);
            if (special < 0)
            {
                _out.Append(text);
                return;
            }
            _out.Append(text[..special]);
            var c = text[special];
            var consumed = 1;
            switch (c)
            {
                case '&': _out.Append("&amp;"); break;
                case '<': _out.Append("&lt;"); break;
                case '>': _out.Append("&gt;"); break;
                case '"': _out.Append("&quot;"); break;
                case >= '\uD800' and <= '\uDBFF' when special + 1 < text.Length && char.IsLowSurrogate(text[special + 1]):
                    _out.Append(c).Append(text[special + 1]);
                    consumed = 2;
                    break;
                default: break; // a control, U+FFFE, U+FFFF or a lone surrogate: never written
            }
            text = text[(special + consumed)..];
        }
    }

    private static string Specials(bool attribute)
    {
        var chars = new StringBuilder("&<>");
        if (attribute)
            chars.Append('"');
        for (var c = '\0'; c < ' '; c++)
        {
            if (c is not ('\t' or '\n' or '\r'))
                chars.Append(c);
        }
        for (var c = '\uD800'; c <= '\uDFFF'; c++)
            chars.Append(c);
        return chars.Append('\uFFFE').Append('\uFFFF').ToString();
    }
}
