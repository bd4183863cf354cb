using System.Buffers;
using System.Text;

namespace CxFeed.Core.Html;

/// <summary>
/// A scan of the raw HTML before HtmlAgilityPack parses it. HtmlAgilityPack takes time
/// quadratic in the depth of unclosed elements (100,000 nested divs take minutes) and closes
/// them recursively, so depth must be bounded before it parses. This scan follows tags the way
/// HtmlAgilityPack reads them, never counting fewer open elements than it would (it only lets
/// an end tag or a start tag close what HtmlAgilityPack closes too), and:
/// <list type="bullet">
/// <item>drops start tags that would open an element deeper than the limit, and their end tags
/// (the content stays, flattened);</item>
/// <item>writes out the end tags of elements that an outer end tag closes implicitly
/// (<c>&lt;div&gt;&lt;b&gt;x&lt;/div&gt;</c>), which HtmlAgilityPack otherwise handles slowly.</item>
/// </list>
/// When there is nothing to change, the input comes back as it is, without a copy. Everything
/// that parses untrusted HTML (the reader, the cleaner, the excerpt builder) passes it here first.
/// </summary>
internal sealed class NestingLimiter
{
    /// <summary>Elements HtmlAgilityPack reads as raw text up to their end tag.</summary>
    private static readonly string[] RawText = ["script", "style", "textarea", "title", "noxhtml"];

    /// <summary>Elements with no end tag in HtmlAgilityPack (its "empty" flag).</summary>
    private static readonly HashSet<string> Voids = new(
        ["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "isindex",
         "keygen", "link", "meta", "param", "source", "spacer", "wbr"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A start tag that closes an open element of the same name right above it, as HtmlAgilityPack does.</summary>
    private static readonly HashSet<string> ClosesSameOnTop = new(["p", "a"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A start tag that closes an open element of its kind on top (or under a paragraph on top,
    /// or, for a row, under a cell on top), as HtmlAgilityPack does. Each rule here was checked
    /// against HtmlAgilityPack: closing anything it keeps open would let it nest unbounded.
    /// </summary>
    private static readonly Dictionary<string, string[]> ClosesOnTop = new(StringComparer.OrdinalIgnoreCase)
    {
        ["li"] = ["li"],
        ["dt"] = ["dt", "dd"],
        ["dd"] = ["dt", "dd"],
        ["tr"] = ["tr"],
        ["td"] = ["td"],
        ["th"] = ["th"],
        ["option"] = ["option"],
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidsBySpan = Voids.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClosesSameOnTopBySpan = ClosesSameOnTop.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> ClosesOnTopBySpan = ClosesOnTop.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// One element name: how HtmlAgilityPack treats it (looked up once, when the name is first
    /// seen) and how many elements of it are open, which lets an end tag with none open be
    /// ignored at once. One lookup per tag finds it all.
    /// </summary>
    private sealed class TagName
    {
        public TagName(ReadOnlySpan<char> name)
        {
            foreach (var raw in NestingLimiter.RawText)
            {
                if (name.Equals(raw, StringComparison.OrdinalIgnoreCase))
                    RawTextName = raw;
            }
            IsVoid = VoidsBySpan.Contains(name);
            ClosesSameOnTop = ClosesSameOnTopBySpan.Contains(name);
            ClosesOnTop = ClosesOnTopBySpan.TryGetValue(name, out var closes) ? closes : null;
        }

        /// <summary>The name as <see cref="NestingLimiter.RawText"/> has it, for an element read as raw text up to its end tag.</summary>
        public string? RawTextName { get; }

        public bool IsVoid { get; }

        public bool ClosesSameOnTop { get; }

        public string[]? ClosesOnTop { get; }

        public int Value;
    }

    /// <summary>What can end a start tag or begin a quoted value inside it.</summary>
    private static readonly SearchValues<char> TagSpecials = SearchValues.Create("><=");

    /// <summary>
    /// The open elements and the count per name, kept per thread and reused: allocating them for
    /// every post (and a name string for every element name) cost more than the scan itself.
    /// </summary>
    private sealed class OpenElements
    {
        /// <summary>Past this many names (only hostile input has them), the names are forgotten rather than kept for the thread's life.</summary>
        private const int NamesKept = 256;

        /// <summary>Past this depth the stack is given back rather than kept for the thread's life.</summary>
        private const int DepthKept = 4096;

        public List<(int NameStart, int NameLength, bool Dropped, TagName Count)> Stack { get; private set; } = [];

        public Dictionary<string, TagName> ByName { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, TagName>.AlternateLookup<ReadOnlySpan<char>> BySpan { get; }

        public OpenElements() => BySpan = ByName.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>Nothing open, every count zero.</summary>
        public void Reset()
        {
            if (Stack.Capacity > DepthKept)
                Stack = [];
            Stack.Clear();
            if (ByName.Count > NamesKept)
                ByName.Clear();
            foreach (var count in ByName.Values)
                count.Value = 0;
        }
    }

    [ThreadStatic]
    private static OpenElements? t_openElements;

    private readonly string _html;
    private readonly int _maxDepth;
    private readonly List<(int NameStart, int NameLength, bool Dropped, TagName Count)> _open;
    private readonly Dictionary<string, TagName>.AlternateLookup<ReadOnlySpan<char>> _openBySpan;
    private StringBuilder? _copy;
    private int _copied;
    private int _kept;

    private NestingLimiter(string html, int maxDepth)
    {
        _html = html;
        _maxDepth = maxDepth;
        var open = t_openElements ??= new OpenElements();
        open.Reset();
        _open = open.Stack;
        _openBySpan = open.BySpan;
    }

    /// <summary>The HTML with nothing nested deeper than <paramref name="maxDepth"/>; <paramref name="flattened"/> counts the elements dropped.</summary>
    public static string Limit(string html, int maxDepth, out int flattened)
    {
        flattened = 0;
        // Fewer tags than the limit cannot nest deeper than it.
        if (html.AsSpan().Count('<') <= maxDepth)
            return html;
        var limiter = new NestingLimiter(html, maxDepth);
        flattened = limiter.Scan();
        return limiter.Result();
    }

    private string Result()
    {
        if (_copy is null)
            return _html;
        _copy.Append(_html, _copied, _html.Length - _copied);
        return _copy.ToString();
    }

    /// <summary>Walks the tags; returns how many start tags were dropped.</summary>
    private int Scan()
    {
        var dropped = 0;
        var position = 0;
        var html = _html;
        while (true)
        {
            var lt = html.IndexOf('<', position);
            if (lt < 0 || lt + 1 >= html.Length)
                return dropped;
            var next = html[lt + 1];
            if (next == '!')
                position = SkipComment(lt);
            else if (next == '?')
                position = SkipTo(lt, '>');
            else if (next == '/' && lt + 2 < html.Length && char.IsAsciiLetter(html[lt + 2]))
                position = EndTag(lt);
            else if (char.IsAsciiLetter(next))
                position = StartTag(lt, ref dropped);
            else
                position = lt + 1;
            if (position >= html.Length)
                return dropped;
        }
    }

    private int SkipComment(int lt)
    {
        if (string.CompareOrdinal(_html, lt, "<!--", 0, 4) != 0)
            return SkipTo(lt, '>');
        // HtmlAgilityPack ends a comment at --> or --!>, counting from right after "<!".
        var from = lt + 2;
        var end = _html.IndexOf("-->", from, StringComparison.Ordinal);
        // Only a "--!>" that starts before the "-->" matters: looking further would make many comments quadratic.
        var bangSearch = end < 0 ? _html.AsSpan(from) : _html.AsSpan(from, end - from);
        var bang = bangSearch.IndexOf("--!>", StringComparison.Ordinal);
        if (bang >= 0)
            return from + bang + 4;
        return end < 0 ? _html.Length : end + 3;
    }

    private int SkipTo(int from, char c)
    {
        var at = _html.IndexOf(c, from);
        return at < 0 ? _html.Length : at + 1;
    }

    private int ReadName(int start)
    {
        var i = start;
        while (i < _html.Length && !IsTagNameEnd(_html[i]))
            i++;
        return i - start;
    }

    private static bool IsTagNameEnd(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>' or '<';

    /// <summary>
    /// Finds the end of a start tag the way HtmlAgilityPack does: quoted values (a quote right
    /// after '=') are opaque, and a '&lt;' that starts another tag ends this one. Returns the
    /// index after the tag and whether it closed itself with "/&gt;".
    /// </summary>
    private (int End, bool SelfClosed) TagEnd(int from)
    {
        var html = _html;
        var i = from;
        while (true)
        {
            var next = html.AsSpan(i).IndexOfAny(TagSpecials);
            if (next < 0)
                return (html.Length, false);
            i += next;
            switch (html[i])
            {
                case '>':
                    return (i + 1, i > from && html[i - 1] == '/');
                case '<' when i + 1 < html.Length && (char.IsAsciiLetter(html[i + 1]) || html[i + 1] is '/' or '!' or '?'):
                    return (i, false);
                case '=':
                    i++;
                    while (i < html.Length && char.IsWhiteSpace(html[i]))
                        i++;
                    if (i < html.Length && html[i] is '"' or '\'')
                    {
                        var close = html.IndexOf(html[i], i + 1);
                        if (close < 0)
                            return (html.Length, false);
                        i = close + 1;
                    }
                    break;
                default:
                    i++;
                    break;
            }
        }
    }

    private int StartTag(int lt, ref int dropped)
    {
        var nameStart = lt + 1;
        var nameLength = ReadName(nameStart);
        var name = _html.AsSpan(nameStart, nameLength);
        var (end, selfClosed) = TagEnd(nameStart + nameLength);
        var count = CountOf(name);
        if (count.RawTextName is { } raw)
            return SkipRawText(end, raw);
        if (selfClosed || count.IsVoid)
            return end;
        if (_open.Count > 0 && count.ClosesSameOnTop && TopNameIs(name))
            Pop();
        else if (_open.Count > 0 && count.ClosesOnTop is { } closes)
            CloseOnTop(name, closes);
        if (_kept >= _maxDepth)
        {
            dropped++;
            Cut(lt, end);
            Push(nameStart, nameLength, count, isDropped: true);
        }
        else
        {
            Push(nameStart, nameLength, count, isDropped: false);
        }
        return end;
    }

    /// <summary>Raw text ends at the first "&lt;/name" (HtmlAgilityPack may read on further, which only means fewer tags for it).</summary>
    private int SkipRawText(int from, string name)
    {
        var close = _html.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        return close < 0 ? _html.Length : close;
    }

    private int EndTag(int lt)
    {
        var nameStart = lt + 2;
        var nameLength = ReadName(nameStart);
        var end = SkipTo(nameStart + nameLength, '>');
        var name = _html.AsSpan(nameStart, nameLength);
        if (!_openBySpan.TryGetValue(name, out var count) || count.Value == 0)
            return end;
        // Close everything above the matching element; write the end tags HtmlAgilityPack would imply.
        while (true)
        {
            var (openStart, openLength, isDropped, _) = _open[^1];
            var matches = name.Equals(_html.AsSpan(openStart, openLength), StringComparison.OrdinalIgnoreCase);
            Pop();
            if (matches)
            {
                if (isDropped)
                    Cut(lt, end);
                return end;
            }
            if (!isDropped)
                Insert(lt, openStart, openLength);
        }
    }

    private void CloseOnTop(ReadOnlySpan<char> name, string[] closes)
    {
        var top = NameAt(_open.Count - 1);
        if (IsAny(top, closes))
        {
            Pop();
            return;
        }
        if (_open.Count < 2)
            return;
        var below = NameAt(_open.Count - 2);
        var coveredByParagraph = top.Equals("p", StringComparison.OrdinalIgnoreCase) && IsAny(below, closes);
        var rowCoveredByCell = name.Equals("tr", StringComparison.OrdinalIgnoreCase) && IsAny(top, ["td", "th"]) && IsAny(below, ["tr"]);
        if (coveredByParagraph || rowCoveredByCell)
        {
            Pop();
            Pop();
        }
    }

    private ReadOnlySpan<char> NameAt(int index)
    {
        var (start, length, _, _) = _open[index];
        return _html.AsSpan(start, length);
    }

    private static bool IsAny(ReadOnlySpan<char> name, string[] names)
    {
        foreach (var candidate in names)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private bool TopNameIs(ReadOnlySpan<char> name)
    {
        var (start, length, _, _) = _open[^1];
        return name.Equals(_html.AsSpan(start, length), StringComparison.OrdinalIgnoreCase);
    }

    private TagName CountOf(ReadOnlySpan<char> name)
    {
        if (!_openBySpan.TryGetValue(name, out var count))
            _openBySpan[name] = count = new TagName(name);
        return count;
    }

    private void Push(int nameStart, int nameLength, TagName count, bool isDropped)
    {
        count.Value++;
        _open.Add((nameStart, nameLength, isDropped, count));
        if (!isDropped)
            _kept++;
    }

    private void Pop()
    {
        var (_, _, isDropped, count) = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        count.Value--;
        if (!isDropped)
            _kept--;
    }

    /// <summary>Leaves out the input from <paramref name="start"/> to <paramref name="end"/>.</summary>
    private void Cut(int start, int end)
    {
        _copy ??= new StringBuilder(_html.Length);
        _copy.Append(_html, _copied, start - _copied);
        _copied = end;
    }

    /// <summary>Writes the end tag of the element named at <paramref name="nameStart"/>, before <paramref name="at"/>.</summary>
    private void Insert(int at, int nameStart, int nameLength)
    {
        _copy ??= new StringBuilder(_html.Length + 64);
        _copy.Append(_html, _copied, at - _copied);
        _copy.Append("</").Append(_html, nameStart, nameLength).Append('>');
        _copied = at;
    }
}
