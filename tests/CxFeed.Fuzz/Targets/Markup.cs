using System.Xml;
using CxFeed.Core;

namespace CxFeed.Fuzz.Targets;

/// <summary>The checks on markup the cleaner and the excerpt builder write, as their tests make them.</summary>
internal static class Markup
{
    private static readonly XmlReaderSettings Strict = new() { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true, XmlResolver = null };

    /// <summary>
    /// Well-formed XML inside one root element, with only the characters XML 1.0 allows (checked
    /// by <see cref="XmlReader"/> and again on the raw string, so a forbidden character written
    /// as itself or as a reference is caught either way).
    /// </summary>
    public static void RequireWellFormed(string html, string what)
    {
        if (XmlCharacters.FirstForbidden(html) is var at and >= 0)
            throw new PropertyFailure($"{what} holds U+{(int)html[at]:X4}, which XML 1.0 forbids, at {at}");
        try
        {
            using var reader = XmlReader.Create(new StringReader("<root>" + html + "</root>"), Strict);
            while (reader.Read())
            {
            }
        }
        catch (XmlException error)
        {
            throw new PropertyFailure($"{what} is not well-formed XML inside one root: {error.Message}");
        }
    }

    /// <summary>Plain text: no character XML 1.0 forbids (so no lone surrogate either).</summary>
    public static void RequireXmlText(string text, string what)
    {
        if (XmlCharacters.FirstForbidden(text) is var at and >= 0)
            throw new PropertyFailure($"{what} holds U+{(int)text[at]:X4}, which XML 1.0 forbids, at {at}");
    }
}
