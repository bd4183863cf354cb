using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using CxFeed.Core.Html;

namespace CxFeed.Core.Syndication;

/// <summary>
/// Writes RSS 2.0 with System.ServiceModel.Syndication's <see cref="Rss20FeedFormatter"/>, which
/// lays out the channel and items (title, link, description, language, generator, category).
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

    private sealed class Item : SyndicationItem
    {
        private readonly FeedItem _item;
        private readonly FeedDates _dates;

        public Item(FeedItem item, FeedDates dates)
        {
            _item = item;
            _dates = dates;
            Title = new TextSyndicationContent(item.Title);
            Links.Add(SyndicationLink.CreateAlternateLink(item.Link));
            // RSS description is HTML by the practice of every reader (RSS Advisory Board), so the
            // plain excerpt is HTML-escaped once before the XmlWriter escapes it for XML.
            Summary = new TextSyndicationContent(HtmlText.Escape(item.Summary));
            foreach (var category in item.Categories)
                Categories.Add(new SyndicationCategory(category.Name));
        }

        protected override void WriteElementExtensions(XmlWriter writer, string version)
        {
            writer.WriteStartElement(Guid);
            writer.WriteAttributeString(IsPermaLink, _item.IdIsPermalink ? "true" : "false");
            writer.WriteString(_item.Id);
            writer.WriteEndElement();
            writer.WriteElementString(PubDate, _dates.Rfc822(_item.Published));
            foreach (var author in _item.Authors)
                writer.WriteElementString(FeedXml.DublinCorePrefix, Creator, FeedXml.DublinCoreNamespace, author.Name);
            writer.WriteElementString(FeedXml.ContentPrefix, Encoded, FeedXml.ContentNamespace, _item.ContentHtml);
            if (_item.Image is { } image)
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
