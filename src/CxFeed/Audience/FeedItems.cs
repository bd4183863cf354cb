using System.Text.Json;
using System.Xml;
using CxFeed.Core.Publishing;

namespace CxFeed.Audience;

/// <summary>
/// The items of a published feed page, id and title, read back from its bytes (RSS <c>guid</c>,
/// Atom <c>id</c>, JSON Feed <c>id</c>). Only for a partner's pull of a stored publication served
/// before its first rebuild, when <see cref="PartnerItems"/> are not known yet; off the request path.
/// </summary>
public static class FeedItems
{
    public static IReadOnlyList<FeedItem> Read(PublishedFile file, string format)
    {
        var bytes = file.Identity.Bytes;
        return format == "json" ? ReadJson(bytes) : ReadXml(bytes, format == "atom" ? "entry" : "item", format == "atom" ? "id" : "guid");
    }

    private static List<FeedItem> ReadJson(ReadOnlyMemory<byte> bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var items = new List<FeedItem>();
        if (document.RootElement.TryGetProperty("items", out var list))
        {
            foreach (var item in list.EnumerateArray())
            {
                var id = item.TryGetProperty("id", out var value) ? value.GetString() ?? "" : "";
                var title = item.TryGetProperty("title", out var text) ? text.GetString() ?? "" : "";
                items.Add(new FeedItem(id, title));
            }
        }
        return items;
    }

    private static List<FeedItem> ReadXml(ReadOnlyMemory<byte> bytes, string itemName, string idName)
    {
        var items = new List<FeedItem>();
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        string? id = null, title = null;
        var depth = -1;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == itemName)
            {
                depth = reader.Depth;
                id = title = null;
            }
            else if (reader.NodeType == XmlNodeType.Element && depth >= 0 && reader.Depth == depth + 1 && (reader.LocalName == idName || reader.LocalName == "title"))
            {
                // Reading the content moves past the element: the loop must not read again.
                if (reader.LocalName == idName)
                    id = reader.ReadElementContentAsString();
                else
                    title = reader.ReadElementContentAsString();
                continue;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == itemName && reader.Depth == depth)
            {
                items.Add(new FeedItem(id ?? "", title ?? ""));
                depth = -1;
            }
            reader.Read();
        }
        return items;
    }
}
