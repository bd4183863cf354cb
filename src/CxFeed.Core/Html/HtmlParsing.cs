using HtmlAgilityPack;

namespace CxFeed.Core.Html;

/// <summary>How the cleaner and the excerpt builder parse HTML whose text is already decoded.</summary>
public static class HtmlParsing
{
    /// <summary>
    /// Parses <paramref name="html"/> as a browser reads it: "&lt;%" is text, not server code to
    /// skip. Attribute values stay raw (callers decode them once, themselves), and none of the work
    /// only a parser checking its input needs is done: no list of parse errors, no index of ids,
    /// no charset from meta tags (the text is decoded already).
    /// </summary>
    public static HtmlDocument Load(string html)
    {
        var document = new HtmlDocument
        {
            DisableServerSideCode = true,
            BackwardCompatibility = true,
            OptionCheckSyntax = false,
            OptionUseIdAttribute = false,
            OptionReadEncoding = false,
        };
        document.LoadHtml(html);
        return document;
    }
}
