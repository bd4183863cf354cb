using System.Text;
using System.Xml;

namespace CxFeed.Core.Syndication;

/// <summary>Namespaces and the writer settings every XML feed shares: UTF-8 without BOM, two-space indentation, <c>\n</c> newlines.</summary>
public static class FeedXml
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    public const string MediaNamespace = "http://search.yahoo.com/mrss/";
    public const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>The prefixes readers expect for those namespaces (never .NET's <c>a10</c>).</summary>
    public const string AtomPrefix = "atom";
    public const string DublinCorePrefix = "dc";
    public const string ContentPrefix = "content";
    public const string MediaPrefix = "media";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CheckCharacters = true,
        CloseOutput = false,
    };

    /// <summary>Ends a feed file with a newline, as text files end (neither XmlWriter nor Utf8JsonWriter writes one).</summary>
    public static void EndFile(Stream output) => output.WriteByte((byte)'\n');

    /// <summary>A writer to <paramref name="output"/> that cannot emit a character XML 1.0 forbids.</summary>
    public static XmlWriter CreateWriter(Stream output) => new XmlCharacterFilter(XmlWriter.Create(output, Settings));
}
