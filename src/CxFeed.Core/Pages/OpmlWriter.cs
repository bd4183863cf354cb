using System.Collections.Immutable;
using System.Xml;
using CxFeed.Core.Syndication;

namespace CxFeed.Core.Pages;

/// <summary>A feed as an OPML outline: what a reader shows and subscribes to.</summary>
public sealed record OpmlFeed(string Title, string? Description, FeedFormat Format, Uri XmlUrl, Uri HtmlUrl);

/// <summary>A folder of feeds in the OPML list (a reader that imports it makes a folder of it).</summary>
public sealed record OpmlGroup(string Title, ImmutableArray<OpmlFeed> Feeds);

/// <summary>
/// Writes OPML 2.0 (http://opml.org/spec2.opml) subscription lists: one outline of type "rss" per
/// feed (the type OPML gives every feed format), with <c>xmlUrl</c> and <c>htmlUrl</c>.
/// </summary>
public static class OpmlWriter
{
    public static byte[] Write(string title, string dateModified, ImmutableArray<OpmlFeed> feeds, ImmutableArray<OpmlGroup> groups)
    {
        using var bytes = new MemoryStream();
        using (var xml = FeedXml.CreateWriter(bytes))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("opml");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("head");
            xml.WriteElementString("title", title);
            xml.WriteElementString("dateModified", dateModified);
            xml.WriteElementString("docs", "http://opml.org/spec2.opml");
            xml.WriteEndElement();
            xml.WriteStartElement("body");
            foreach (var feed in feeds)
                Outline(xml, feed);
            foreach (var group in groups)
            {
                xml.WriteStartElement("outline");
                xml.WriteAttributeString("text", group.Title);
                foreach (var feed in group.Feeds)
                    Outline(xml, feed);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        FeedXml.EndFile(bytes);
        return bytes.ToArray();
    }

    private static void Outline(XmlWriter xml, OpmlFeed feed)
    {
        xml.WriteStartElement("outline");
        xml.WriteAttributeString("type", "rss");
        xml.WriteAttributeString("text", feed.Title);
        xml.WriteAttributeString("title", feed.Title);
        if (feed.Description is { } description)
            xml.WriteAttributeString("description", description);
        xml.WriteAttributeString("xmlUrl", feed.XmlUrl.AbsoluteUri);
        xml.WriteAttributeString("htmlUrl", feed.HtmlUrl.AbsoluteUri);
        xml.WriteEndElement();
    }
}
