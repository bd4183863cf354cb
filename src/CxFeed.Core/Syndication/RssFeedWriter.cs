using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using CxFeed.Core.Html;

namespace CxFeed.Core.Syndication;

/// <summary>
/// Writes RSS 2.0 with System.ServiceModel.Syndication's <see cref="Rss20FeedFormatter"/>, which
/// lays out the channel (title, link, description, language, generator); each item's elements
/// are written here, in the customary order.
/// What it gets wrong for readers is written here instead, through the same XmlWriter, by the
/// model's extension points (<see cref="SyndicationFeed.WriteElementExtensions"/>): the formatter
/// would write atom links with an <c>a10</c> prefix, authors as <c>a10:author</c> (readers show
/// <c>dc:creator</c>), the content in place of the summary, a "Z" date for UTC and isPermaLink
/// judged against the item link (which carries link parameters); and it knows no
/// <c>content:encoded</c>, media or paging links.
/// </summary>
public static class RssFeedWriter
{
    private const string LastBuildDate = "lastBuildDate";
    private const string PubDate = "pubDate";
    private const string ItemDescription = "description";
    private const string ItemCategory = "category";
    private const string Guid = "guid";
    private const string IsPermaLink = "isPermaLink";
    private const string Link = "link";
    private const string Rel = "rel";
    private const string Href = "href";
    private const string Type = "type";
    private const string Creator = "creator";
    private const string Encoded = "encoded";
    private const string MediaContent = "content";
    private const string Url = "url";
    private const string Medium = "medium";
    private const string Width = "width";
    private const string Height = "height";

    public static void Write(FeedDocument feed, Stream output)
    {
        using (var xml = FeedXml.CreateWriter(output))
            new Rss20FeedFormatter(new Channel(feed), serializeExtensionsAsAtom: false).WriteTo(xml);
        FeedXml.EndFile(output);
    }

    private sealed class Channel : SyndicationFeed
    {
        private readonly FeedDocument _feed;

        public Channel(FeedDocument feed)
        {
            _feed = feed;
            Title = new TextSyndicationContent(feed.Title);
            Description = new TextSyndicationContent(feed.Description);
            Links.Add(SyndicationLink.CreateAlternateLink(feed.HomePage));
            Language = feed.Language;
            Generator = feed.Generator.Name;
            // Declared once on the channel, so no item repeats a declaration.
            AttributeExtensions.Add(new XmlQualifiedName(FeedXml.AtomPrefix, FeedXml.XmlnsNamespace), FeedXml.AtomNamespace);
            AttributeExtensions.Add(new XmlQualifiedName(FeedXml.DublinCorePrefix, FeedXml.XmlnsNamespace), FeedXml.DublinCoreNamespace);
            AttributeExtensions.Add(new XmlQualifiedName(FeedXml.ContentPrefix, FeedXml.XmlnsNamespace), FeedXml.ContentNamespace);
            if (feed.Items.Any(item => item.Image is not null))
                AttributeExtensions.Add(new XmlQualifiedName(FeedXml.MediaPrefix, FeedXml.XmlnsNamespace), FeedXml.MediaNamespace);
            Items = feed.Items.Select(item => new Item(item, feed.Dates)).ToList();
        }

        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            writer.WriteElementString(LastBuildDate, _feed.Dates.Rfc822(_feed.Updated));
            var links = _feed.Links;
            WriteAtomLink(writer, "self", links.Self, FeedFormat.Rss.MediaType());
            WriteAtomLink(writer, "first", links.First, FeedFormat.Rss.MediaType());
            WriteAtomLink(writer, "last", links.Last, FeedFormat.Rss.MediaType());
            if (links.Previous is { } previous)
                WriteAtomLink(writer, "previous", previous, FeedFormat.Rss.MediaType());
            if (links.Next is { } next)
                WriteAtomLink(writer, "next", next, FeedFormat.Rss.MediaType());
            foreach (var hub in _feed.Hubs)
                WriteAtomLink(writer, "hub", hub, type: null);
        }

        private static void WriteAtomLink(XmlWriter writer, string rel, Uri href, string? type)
        {
            writer.WriteStartElement(FeedXml.AtomPrefix, Link, FeedXml.AtomNamespace);
            writer.WriteAttributeString(Rel, rel);
            writer.WriteAttributeString(Href, href.AbsoluteUri);
            if (type is not null)
                writer.WriteAttributeString(Type, type);
            writer.WriteEndElement();
        }
    }

    /// <summary>
    /// An item, every element written here in the order WordPress and the usual generators use
    /// (title, link, guid, pubDate, dc:creator, category, description, content:encoded, then
    /// media): the formatter would put the link and categories before the title and the guid
    /// after the description, which some readers and diff-based tools trip on.
    /// </summary>
    private sealed class Item : SyndicationItem
    {
        private readonly FeedItem _item;
        private readonly FeedDates _dates;

        public Item(FeedItem item, FeedDates dates)
        {
            _item = item;
            _dates = dates;
            // The one element left to the formatter, which writes it first; without a title it
            // would add an empty description there (RSS wants one of the two).
            Title = new TextSyndicationContent(item.Title);
        }

        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            var item = _item;
            writer.WriteElementString(Link, item.Link.AbsoluteUri);
            writer.WriteStartElement(Guid);
            writer.WriteAttributeString(IsPermaLink, item.IdIsPermalink ? "true" : "false");
            writer.WriteString(item.Id);
            writer.WriteEndElement();
            writer.WriteElementString(PubDate, _dates.Rfc822(item.Published));
            foreach (var author in item.Authors)
                writer.WriteElementString(FeedXml.DublinCorePrefix, Creator, FeedXml.DublinCoreNamespace, author.Name);
            foreach (var category in item.Categories)
                writer.WriteElementString(ItemCategory, category.Name);
            // RSS description is HTML by the practice of every reader (RSS Advisory Board), so the
            // plain excerpt is HTML-escaped once before the XmlWriter escapes it for XML.
            writer.WriteElementString(ItemDescription, HtmlText.Escape(item.Summary));
            writer.WriteElementString(FeedXml.ContentPrefix, Encoded, FeedXml.ContentNamespace, item.ContentHtml);
            if (item.Image is { } image)
            {
                writer.WriteStartElement(FeedXml.MediaPrefix, MediaContent, FeedXml.MediaNamespace);
                writer.WriteAttributeString(Url, image.Url.AbsoluteUri);
                writer.WriteAttributeString(Medium, "image");
                if (image.MediaType is not null)
                    writer.WriteAttributeString(Type, image.MediaType);
                if (image.Width is { } width)
                    writer.WriteAttributeString(Width, width.ToString(CultureInfo.InvariantCulture));
                if (image.Height is { } height)
                    writer.WriteAttributeString(Height, height.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }
        }
    }
}
