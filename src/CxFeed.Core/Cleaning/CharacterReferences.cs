using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using HtmlAgilityPack;

namespace CxFeed.Core.Cleaning;

/// <summary>
/// Decodes character references (<c>&amp;amp;</c>, <c>&amp;#106;</c>, <c>&amp;#x6A</c>) the way a
/// browser does, so that URLs are judged on what the browser will see. A reference this does not
/// know stays as literal text: the writer escapes every <c>&amp;</c> again, so the browser never
/// decodes what was not decoded here.
/// </summary>
internal static class CharacterReferences
{
    /// <summary>HtmlAgilityPack's HTML 4 table and the HTML 5 names that obfuscated URLs use.</summary>
    private static readonly FrozenDictionary<string, int> Named = BuildNamed();

    /// <summary>Names a browser also decodes without the semicolon (HTML's legacy list: Latin-1 and the markup four).</summary>
    private static readonly FrozenSet<string> Legacy = Named
        .Where(entry => entry.Value is >= 160 and <= 255 || entry.Key is "amp" or "lt" or "gt" or "quot")
        .Select(entry => entry.Key)
        .Concat(["AMP", "LT", "GT", "QUOT", "COPY", "REG"])
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> NamedBySpan =
        Named.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LegacyBySpan =
        Legacy.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What HTML maps the C1 range of numeric references to (windows-1252), 0x80 to 0x9F.</summary>
    private static readonly int[] Windows1252 =
    [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];

    private const int LongestName = 32;

    /// <summary>
    /// <paramref name="text"/> with its references decoded. In an attribute, a legacy name without
    /// its semicolon followed by a letter, digit or <c>=</c> is left alone, as browsers do
    /// (<c>?a=1&amp;copy=2</c> stays a query string).
    /// </summary>
    public static string Decode(string text, bool inAttribute)
    {
        if (!text.Contains('&'))
            return text;
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var length = Decode(text, inAttribute, buffer);
        var decoded = new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return decoded;
    }

    /// <summary>
    /// Decodes <paramref name="text"/> as <see cref="Decode(string, bool)"/> does into
    /// <paramref name="destination"/>, which must be at least as long (a reference is never
    /// shorter than what it stands for); returns the length written.
    /// </summary>
    public static int Decode(ReadOnlySpan<char> text, bool inAttribute, Span<char> destination)
    {
        var written = 0;
        while (true)
        {
            var amp = text.IndexOf('&');
            if (amp < 0)
                break;
            text[..amp].CopyTo(destination[written..]);
            written += amp;
            var consumed = TryDecodeAt(text, amp, inAttribute, destination, ref written);
            if (consumed == 0)
            {
                destination[written++] = '&';
                consumed = 1;
            }
            text = text[(amp + consumed)..];
        }
        text.CopyTo(destination[written..]);
        return written + text.Length;
    }

    /// <summary>Writes the character(s) the reference at <paramref name="at"/> stands for; returns its length, or 0 when there is none.</summary>
    private static int TryDecodeAt(ReadOnlySpan<char> text, int at, bool inAttribute, Span<char> destination, ref int written)
    {
        var i = at + 1;
        if (i < text.Length && text[i] == '#')
            return TryDecodeNumeric(text, at, destination, ref written);
        var nameStart = i;
        while (i < text.Length && i - nameStart < LongestName && char.IsAsciiLetterOrDigit(text[i]))
            i++;
        if (i == nameStart)
            return 0;
        var name = text.Slice(nameStart, i - nameStart);
        if (i < text.Length && text[i] == ';' && (Common(name) is var full and >= 0 || NamedBySpan.TryGetValue(name, out full)))
        {
            WriteCodePoint(full, destination, ref written);
            return i + 1 - at;
        }
        // Without a semicolon, the longest legacy name that starts the run of letters.
        for (var length = name.Length; length > 0; length--)
        {
            var prefix = name[..length];
            if (!LegacyBySpan.Contains(prefix))
                continue;
            var next = nameStart + length;
            if (inAttribute && next < text.Length && (char.IsAsciiLetterOrDigit(text[next]) || text[next] == '='))
                return 0;
            WriteCodePoint(NamedBySpan[prefix], destination, ref written);
            return next - at;
        }
        return 0;
    }

    private static int TryDecodeNumeric(ReadOnlySpan<char> text, int at, Span<char> destination, ref int written)
    {
        var i = at + 2;
        var hex = i < text.Length && (text[i] == 'x' || text[i] == 'X');
        if (hex)
            i++;
        var digitsStart = i;
        long value = 0;
        while (i < text.Length && (hex ? char.IsAsciiHexDigit(text[i]) : char.IsAsciiDigit(text[i])))
        {
            // Keep reading the digits but stop growing: anything past U+10FFFF is one bad reference.
            if (value <= 0x10FFFF)
                value = value * (hex ? 16 : 10) + HexValue(text[i]);
            i++;
        }
        if (i == digitsStart)
            return 0;
        if (i < text.Length && text[i] == ';')
            i++;
        WriteCodePoint(NumericToCodePoint(value), destination, ref written);
        return i - at;
    }

    /// <summary>The names posts use most (WordPress writes its curly quotes and spaces this way), found without hashing; -1 for any other.</summary>
    private static int Common(ReadOnlySpan<char> name) => name switch
    {
        "nbsp" => CommonValues.Nbsp,
        "amp" => CommonValues.Amp,
        "rsquo" => CommonValues.Rsquo,
        "lsquo" => CommonValues.Lsquo,
        "ldquo" => CommonValues.Ldquo,
        "rdquo" => CommonValues.Rdquo,
        "ndash" => CommonValues.Ndash,
        "mdash" => CommonValues.Mdash,
        "hellip" => CommonValues.Hellip,
        _ => -1,
    };

    /// <summary>Read from the table itself, so the shortcut can never disagree with it.</summary>
    private static class CommonValues
    {
        public static readonly int Nbsp = Named["nbsp"];
        public static readonly int Amp = Named["amp"];
        public static readonly int Rsquo = Named["rsquo"];
        public static readonly int Lsquo = Named["lsquo"];
        public static readonly int Ldquo = Named["ldquo"];
        public static readonly int Rdquo = Named["rdquo"];
        public static readonly int Ndash = Named["ndash"];
        public static readonly int Mdash = Named["mdash"];
        public static readonly int Hellip = Named["hellip"];
    }

    /// <summary>HTML's rules: NUL, surrogates and values past Unicode become U+FFFD; C1 means windows-1252.</summary>
    private static int NumericToCodePoint(long value) => value switch
    {
        0 or > 0x10FFFF => 0xFFFD,
        >= 0xD800 and <= 0xDFFF => 0xFFFD,
        >= 0x80 and <= 0x9F => Windows1252[value - 0x80],
        _ => (int)value,
    };

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void WriteCodePoint(int codePoint, Span<char> destination, ref int written)
    {
        if (codePoint < 0x10000)
        {
            destination[written++] = (char)codePoint;
            return;
        }
        var pair = new Rune(codePoint);
        written += pair.EncodeToUtf16(destination[written..]);
    }

    private static FrozenDictionary<string, int> BuildNamed()
    {
        var names = new Dictionary<string, int>(HtmlEntity.EntityValue, StringComparer.Ordinal)
        {
            ["Tab"] = '\t', ["NewLine"] = '\n', ["colon"] = ':', ["lpar"] = '(', ["rpar"] = ')',
            ["comma"] = ',', ["period"] = '.', ["excl"] = '!', ["quest"] = '?', ["num"] = '#',
            ["dollar"] = '$', ["percnt"] = '%', ["ast"] = '*', ["plus"] = '+', ["equals"] = '=',
            ["sol"] = '/', ["bsol"] = '\\', ["lsqb"] = '[', ["rsqb"] = ']', ["lcub"] = '{', ["rcub"] = '}',
            ["grave"] = '`', ["Hat"] = '^', ["lowbar"] = '_', ["verbar"] = '|', ["semi"] = ';',
            ["commat"] = '@', ["apos"] = '\'', ["AMP"] = '&', ["LT"] = '<', ["GT"] = '>', ["QUOT"] = '"',
            ["COPY"] = 0xA9, ["REG"] = 0xAE,
        };
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
