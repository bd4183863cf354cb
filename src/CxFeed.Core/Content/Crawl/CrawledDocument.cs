using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CxFeed.Core.Content.Crawl;

/// <summary>
/// A fetched page made ready for the store, changed as little as can be: the store is read as a
/// folder, where a page's address is not where it was fetched, so a page without a
/// <c>&lt;base href&gt;</c> gets one naming the address it came from (its relative links and
/// images resolve as on the blog), and a page without a <c>&lt;link rel="canonical"&gt;</c> gets
/// one with that address (its post keeps its own link). Both go just before <c>&lt;/head&gt;</c>,
/// after the page's own <c>&lt;meta charset&gt;</c>; nothing else is touched, so the same fetch
/// always gives the same bytes. A UTF-16 page (by its byte order mark) is left as it is.
/// </summary>
public static partial class CrawledDocument
{
    public static byte[] Prepare(ReadOnlySpan<byte> page, Uri address)
    {
        if (page.Length >= 2 && ((page[0] == 0xFE && page[1] == 0xFF) || (page[0] == 0xFF && page[1] == 0xFE)))
            return page.ToArray();
        // Latin-1 maps bytes to characters one to one: positions found in the text are positions in the bytes.
        var text = Encoding.Latin1.GetString(page);
        var head = HeadEnd().Match(text);
        var end = head.Success ? head.Index : BodyStart().Match(text) is { Success: true } body ? body.Index : 0;
        var before = text[..end];
        var added = new StringBuilder();
        var href = WebUtility.HtmlEncode(address.AbsoluteUri);
        if (!BaseHref().IsMatch(before))
            added.Append("<base href=\"").Append(href).Append("\">");
        if (!Canonical().IsMatch(before))
            added.Append("<link rel=\"canonical\" href=\"").Append(href).Append("\">");
        if (added.Length == 0)
            return page.ToArray();
        var insert = Encoding.ASCII.GetBytes(added.ToString());
        var prepared = new byte[page.Length + insert.Length];
        page[..end].CopyTo(prepared);
        insert.CopyTo(prepared.AsSpan(end));
        page[end..].CopyTo(prepared.AsSpan(end + insert.Length));
        return prepared;
    }

    [GeneratedRegex("</head\\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadEnd();

    [GeneratedRegex("<body[\\s>]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyStart();

    [GeneratedRegex("<base\\s[^>]*href", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BaseHref();

    [GeneratedRegex("<link\\s[^>]*rel\\s*=\\s*[\"']?[^\"'>]*\\bcanonical\\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();
}
