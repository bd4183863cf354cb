using System.Text;

namespace CxFeed.Core.Excerpts;

/// <summary>
/// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar):
/// there each character counts as a word and the excerpt may end between any two characters, as
/// WordPress does when a language's word count type is <c>characters_excluding_spaces</c>.
/// Korean is written with spaces and counts words.
/// </summary>
internal static class SpacelessScripts
{
    // Inclusive code point ranges, in ascending order.
    private static readonly (int First, int Last)[] Ranges =
    [
        (0x0E00, 0x0EFF), // Thai, Lao
        (0x1000, 0x109F), // Myanmar
        (0x1780, 0x17FF), // Khmer
        (0x19E0, 0x19FF), // Khmer symbols
        (0x2E80, 0x2FDF), // CJK radicals, Kangxi radicals
        (0x3000, 0x303F), // CJK symbols and punctuation
        (0x3040, 0x30FF), // Hiragana, Katakana
        (0x3100, 0x312F), // Bopomofo
        (0x3190, 0x31FF), // Kanbun, Bopomofo extended, CJK strokes, Katakana extension
        (0x3200, 0x4DBF), // Enclosed CJK, CJK compatibility, CJK extension A
        (0x4E00, 0x9FFF), // CJK unified ideographs
        (0xF900, 0xFAFF), // CJK compatibility ideographs
        (0xFE30, 0xFE4F), // CJK compatibility forms
        (0xFF00, 0xFFEF), // Halfwidth and fullwidth forms
        (0x20000, 0x3FFFF), // CJK extensions B and later
    ];

    /// <summary>Whether the grapheme that starts at <paramref name="text"/>'s first character belongs to such a script.</summary>
    public static bool StartsWith(ReadOnlySpan<char> text)
    {
        if (text[0] < '\u0E00')
            return false;
        if (Rune.DecodeFromUtf16(text, out var rune, out _) != System.Buffers.OperationStatus.Done)
            return false;
        var value = rune.Value;
        foreach (var (first, last) in Ranges)
        {
            if (value < first)
                return false;
            if (value <= last)
                return true;
        }
        return false;
    }
}
