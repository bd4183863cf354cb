using HtmlAgilityPack;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Receives the text of a cleaned tree in reading order and collapses it the one way both forms
/// share, so that a position in the plain text is the same position in the HTML form: runs of
/// HTML whitespace and block boundaries become one space, none at the start; white space of other
/// kinds (no-break spaces) is kept as written but never starts the text; characters that XML 1.0
/// forbids and unpaired surrogates are dropped. The sink stops the walk at <see cref="Limit"/>.
/// </summary>
internal abstract class TextSink(int limit)
{
    private bool _spacePending;

    /// <summary>How many characters of collapsed text came in so far.</summary>
    public int Position { get; private set; }

    /// <summary>Where the sink stops: after this many characters.</summary>
    public int Limit { get; } = limit;

    /// <summary>Whether no character of text came in yet.</summary>
    public bool AtStart => Position == 0;

    /// <summary>An element's start; a block's start is a word boundary.</summary>
    public virtual void Enter(HtmlNode element, bool isBlock)
    {
        if (isBlock)
            Boundary();
    }

    /// <summary>An element's end; a block's end is a word boundary.</summary>
    public virtual void Leave(HtmlNode element, bool isBlock)
    {
        if (isBlock)
            Boundary();
    }

    /// <summary>Text, its character references already decoded. False when the sink wants no more.</summary>
    public bool Text(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                if (!AtStart && !_spacePending)
                {
                    _spacePending = true;
                    SpaceInText();
                }
                continue;
            }
            int length;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                length = 2;
            else if (XmlCharacters.IsAllowed(c))
                length = 1;
            else
                continue;
            if (AtStart && char.IsWhiteSpace(c))
                continue;
            if (_spacePending)
            {
                _spacePending = false;
                SpaceMaterialized();
                if (++Position >= Limit)
                    return false;
            }
            Accept(text.AsSpan(i, length));
            i += length - 1;
            Position += length;
            if (Position >= Limit)
                return false;
        }
        return true;
    }

    /// <summary>Characters that are part of the collapsed text, at <see cref="Position"/>.</summary>
    protected abstract void Accept(ReadOnlySpan<char> characters);

    /// <summary>
    /// The space the collapsed text holds at <see cref="Position"/>, now that text follows it
    /// (announced by <see cref="SpaceInText"/> when it came from whitespace in the text).
    /// </summary>
    protected virtual void SpaceMaterialized()
    {
    }

    /// <summary>
    /// Whitespace in the text opened a space at <see cref="Position"/>: the collapsed text
    /// holds it there if any text follows, and a block boundary does not make it go away.
    /// </summary>
    protected virtual void SpaceInText()
    {
    }

    private void Boundary()
    {
        if (!AtStart)
            _spacePending = true;
    }
}
