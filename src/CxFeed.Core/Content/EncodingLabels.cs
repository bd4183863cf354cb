using System.Collections.Frozen;
using System.Text;

namespace CxFeed.Core.Content;

/// <summary>
/// Turns a charset label from a page into an encoding the way browsers do (the WHATWG Encoding
/// standard): the Latin-1 and ASCII labels mean windows-1252, and a UTF-16 label in a
/// <c>&lt;meta&gt;</c> means UTF-8 (bytes in which the tag could be read as ASCII are not UTF-16).
/// Other labels go to .NET, with the Windows code pages available; an encoding in which ASCII
/// markup does not read as ASCII (UTF-7, UTF-32, EBCDIC) is refused.
/// </summary>
internal static class EncodingLabels
{
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["ansi_x3.4-1968"] = "windows-1252",
        ["ascii"] = "windows-1252",
        ["cp1252"] = "windows-1252",
        ["cp819"] = "windows-1252",
        ["csisolatin1"] = "windows-1252",
        ["ibm819"] = "windows-1252",
        ["iso-8859-1"] = "windows-1252",
        ["iso-ir-100"] = "windows-1252",
        ["iso8859-1"] = "windows-1252",
        ["iso88591"] = "windows-1252",
        ["iso_8859-1"] = "windows-1252",
        ["iso_8859-1:1987"] = "windows-1252",
        ["l1"] = "windows-1252",
        ["latin1"] = "windows-1252",
        ["us-ascii"] = "windows-1252",
        ["x-cp1252"] = "windows-1252",
        ["utf-16"] = "utf-8",
        ["utf-16be"] = "utf-8",
        ["utf-16le"] = "utf-8",
        ["unicode"] = "utf-8",
        ["unicodefeff"] = "utf-8",
        ["unicodefffe"] = "utf-8",
        ["ucs-2"] = "utf-8",
        ["csunicode"] = "utf-8",
        ["iso-10646-ucs-2"] = "utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string AsciiMarkup = "<meta charset=\"x\">";

    /// <summary>The encoding a label names, or null when it names none that a page can use.</summary>
    public static Encoding? Resolve(string label)
    {
        var name = label.Trim().ToLowerInvariant();
        name = Aliases.GetValueOrDefault(name, name);
        if (name.Length == 0 || name.StartsWith("utf-7", StringComparison.Ordinal) || name == "unicode-1-1-utf-7")
            return null;
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(name) ?? BuiltIn(name);
        return encoding is not null && ReadsAsciiAsAscii(encoding) ? encoding : null;
    }

    private static Encoding? BuiltIn(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool ReadsAsciiAsAscii(Encoding encoding) =>
        encoding.GetString(Encoding.ASCII.GetBytes(AsciiMarkup)) == AsciiMarkup;
}
