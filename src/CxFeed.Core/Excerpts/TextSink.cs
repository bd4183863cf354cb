using System.Text;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Receives the text of a cleaned tree in reading order and collapses it the one way both forms
/// share, so that a position in the plain text is the same position in the HTML form:
/// <list type="bullet">
/// <item>a run of HTML whitespace becomes one space;</item>
/// <item>other white space (no-break spaces, thin spaces) is kept as written between words;</item>
/// <item>a block boundary becomes one space, and white space next to it goes with it, as a
/// browser shows no space at the end of a paragraph;</item>
/// <item>nothing white starts the text; characters that XML 1.0 forbids and unpaired surrogates
/// are dropped.</item>
/// </list>
/// The sink stops the walk once <see cref="Limit"/> characters came in.
/// </summary>
internal abstract class TextSink(int limit)
{
    // White space seen since the last character, kept until text shows whether it stands
    // between words (then it is written) or next to a block boundary (then it goes).
    private readonly StringBuilder _whitespace = new();
    private bool _boundary;

    /// <summary>How many characters of collapsed text came in so far.</summary>
    public int Position { get; private set; }

    /// <summary>Where the sink stops: after this many characters.</summary>
    public int Limit { get; } = limit;

    /// <summary>Whether no character of text came in yet.</summary>
    public bool AtStart => Position == 0;

    /// <summary>An element's start; a block's start is a word boundary.</summary>
    public virtual void Enter(MarkupNode element, bool isBlock)
    {
        if (isBlock)
            Boundary();
    }

    /// <summary>An element's end; a block's end is a word boundary.</summary>
    public virtual void Leave(MarkupNode element, bool isBlock)
    {
        if (isBlock)
            Boundary();
    }

    /// <summary>Text, its character references already decoded. False when the sink wants no more.</summary>
    public virtual bool Text(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                Whitespace(c);
                i++;
                continue;
            }
            // A run of characters that are kept as they are, up to the limit; visible ASCII,
            // most of any text, is found at once.
            var run = text.AsSpan(i).IndexOfAnyExceptInRange('!', '~');
            if (run < 0)
                run = text.Length - i;
            while (i + run < text.Length && IsKeptAsItIs(text[i + run]))
                run++;
            if (run == 0 && char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                run = 2;
            if (run == 0)
            {
                i++; // a character XML forbids, or half a surrogate pair
                continue;
            }
            if (_boundary)
            {
                Separate(" ", fromText: false);
                _boundary = false;
            }
            else if (_whitespace.Length > 0)
            {
                Separate(_whitespace.Length == 1 && _whitespace[0] == ' ' ? " " : _whitespace.ToString(), fromText: true);
                _whitespace.Clear();
            }
            if (Position >= Limit)
                return false;
            run = WithWordsAfter(text, i, run);
            run = Math.Min(run, Math.Max(1, Limit - Position));
            if (char.IsHighSurrogate(text[i + run - 1]))
                run++;
            Accept(text.AsSpan(i, run));
            Position += run;
            i += run;
            if (Position >= Limit)
                return false;
        }
        return true;
    }

    // The words that follow a run, each after a single space, while they stay short of the
    // limit: taken with it in one piece, they give the same characters as taken one by one
    // (the space between two words is written as it is), with one call instead of three each.
    private int WithWordsAfter(string text, int start, int run)
    {
        var end = start + run;
        while (end + 1 < text.Length && text[end] == ' ' && IsKeptAsItIs(text[end + 1]))
        {
            var next = end + 2;
            while (next < text.Length && IsKeptAsItIs(text[next]))
                next++;
            if (Position + (next - start) >= Limit)
                break;
            end = next;
        }
        return end - start;
    }

    // Text kept as it is, in runs: not white space, not a character XML forbids, not a
    // surrogate (kept in pairs only). Visible ASCII is decided at once.
    private static bool IsKeptAsItIs(char c) =>
        c is > ' ' and < '\u007F' || (!char.IsWhiteSpace(c) && !char.IsSurrogate(c) && XmlCharacters.IsAllowed(c));

    private void Whitespace(char c)
    {
        if (AtStart || _boundary)
            return;
        var isHtmlSpace = c is ' ' or '\t' or '\n' or '\r' or '\f';
        if (isHtmlSpace && _whitespace.Length > 0 && _whitespace[^1] == ' ')
            return;
        if (_whitespace.Length == 0)
            WhitespaceStarts();
        _whitespace.Append(isHtmlSpace ? ' ' : c);
    }

    /// <summary>Characters of text, at <see cref="Position"/>.</summary>
    protected abstract void Accept(ReadOnlySpan<char> characters);

    /// <summary>
    /// The white space between two words, at <see cref="Position"/>: written in the text
    /// (<paramref name="fromText"/>, as announced by <see cref="WhitespaceStarts"/>), or a
    /// block boundary's single space.
    /// </summary>
    protected virtual void Separated(string whitespace, bool fromText)
    {
    }

    /// <summary>White space in the text begins here; it becomes part of the text if a word follows before a block boundary.</summary>
    protected virtual void WhitespaceStarts()
    {
    }

    private void Separate(string whitespace, bool fromText)
    {
        Separated(whitespace, fromText);
        Position += whitespace.Length;
    }

    private void Boundary()
    {
        if (AtStart)
            return;
        _boundary = true;
        _whitespace.Clear();
    }
}
