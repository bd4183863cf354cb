using System.Globalization;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// What a budget counts as one word in collapsed text: a run of characters between white space
/// (no-break spaces included: to a reader they separate words as any space does), or
/// one character of a script written without spaces. <paramref name="Graphemes"/> is how many
/// grapheme clusters the text holds up to the unit's end.
/// </summary>
internal readonly record struct TextUnit(int Start, int End, long Graphemes)
{
    public int Length => End - Start;
}

/// <summary>Splits collapsed text into <see cref="TextUnit"/>s, one grapheme cluster at a time.</summary>
internal static class TextUnits
{
    public static List<TextUnit> Of(string text)
    {
        var units = new List<TextUnit>(text.Length / 4);
        var wordStart = -1;
        long graphemes = 0;
        for (var index = 0; index < text.Length;)
        {
            var rest = text.AsSpan(index);
            // Most text is plain: take it a run at a time, leaving to the general rules a last
            // character that a combining mark may join.
            var plain = 0;
            while (plain < rest.Length && IsPlain(rest[plain]))
                plain++;
            var run = plain < rest.Length && plain > 0 && rest[plain] >= '\u0300' ? plain - 1 : plain;
            if (run > 0)
            {
                if (wordStart < 0)
                    wordStart = index;
                graphemes += run;
                index += run;
                continue;
            }
            var length = GraphemeLength(rest);
            var isSpace = char.IsWhiteSpace(text[index]);
            if (isSpace || SpacelessScripts.StartsWith(rest))
            {
                EndWord(index);
                if (!isSpace)
                    units.Add(new TextUnit(index, index + length, graphemes + 1));
            }
            else if (wordStart < 0)
            {
                wordStart = index;
            }
            graphemes++;
            index += length;
        }
        EndWord(text.Length);
        return units;

        void EndWord(int end)
        {
            if (wordStart >= 0)
                units.Add(new TextUnit(wordStart, end, graphemes));
            wordStart = -1;
        }
    }

    // One grapheme cluster each and part of a word, unless a combining mark follows: visible
    // ASCII and Latin letters below U+0300, the no-break space excluded.
    private static bool IsPlain(char c) => c is > ' ' and < '\u007F' or > '\u00A0' and < '\u0300';

    /// <summary>The length of the grapheme cluster <paramref name="text"/> starts with.</summary>
    public static int GraphemeLength(ReadOnlySpan<char> text)
    {
        // Below U+0300 nothing joins: no combining mark, joiner, selector or surrogate. The
        // general rules are slow, and most text is this.
        if (text[0] < '\u0300' && text[0] != '\r' && (text.Length == 1 || text[1] < '\u0300'))
            return 1;
        return StringInfo.GetNextTextElementLength(text);
    }
}
