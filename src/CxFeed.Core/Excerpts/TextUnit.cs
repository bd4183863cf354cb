using System.Globalization;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// What a budget counts as one word in collapsed text: a run of characters between spaces, or
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
        var units = new List<TextUnit>();
        var wordStart = -1;
        var wordIsVisible = false;
        long graphemes = 0;
        for (var index = 0; index < text.Length;)
        {
            var span = text.AsSpan(index);
            var length = StringInfo.GetNextTextElementLength(span);
            if (text[index] == ' ' || SpacelessScripts.StartsWith(span))
            {
                EndWord(index);
                if (text[index] != ' ')
                    units.Add(new TextUnit(index, index + length, graphemes + 1));
            }
            else
            {
                if (wordStart < 0)
                    wordStart = index;
                wordIsVisible |= !IsWhiteSpace(span[..length]);
            }
            graphemes++;
            index += length;
        }
        EndWord(text.Length);
        return units;

        // A run of only no-break spaces is no word.
        void EndWord(int end)
        {
            if (wordStart >= 0 && wordIsVisible)
                units.Add(new TextUnit(wordStart, end, graphemes));
            wordStart = -1;
            wordIsVisible = false;
        }
    }

    private static bool IsWhiteSpace(ReadOnlySpan<char> grapheme)
    {
        foreach (var c in grapheme)
        {
            if (!char.IsWhiteSpace(c))
                return false;
        }
        return true;
    }
}
