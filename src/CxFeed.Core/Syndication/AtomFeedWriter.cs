using System.Xml;

namespace CxFeed.Core.Syndication;

/// <summary>
/// Writes Atom 1.0 (RFC 4287) in document order through an XmlWriter, with RFC 5005 paging links.
/// The feed's id is the address of its first page (an IRI that never changes with paging); an
/// entry's id is the post's id, a shortlink or canonical URL, both IRIs as Atom requires.
/// </summary>
public static class AtomFeedWriter
{
    private const string Feed = "feed";
    private const string Entry = "entry";
    private const string Id = "id";
    private const string Title = "title";
    private const string Subtitle = "subtitle";
    private const string Updated = "updated";
    private const string Published = "published";
    private const string Author = "author";
    private const string Name = "name";
    private const string Uri = "uri";
    private const string Link = "link";
    private const string Rel = "rel";
    private const string Type = "type";
    private const string Href = "href";
    private const string Generator = "generator";
    private const string Category = "category";
    private const string Term = "term";
    private const string Scheme = "scheme";
    private const string Label = "label";
    private const string Summary = "summary";
    private const string Content = "content";
    private const string Lang = "lang";
    private const string XmlPrefix = "xml";
    private const string Text = "text";
    private const string Html = "html";
    private const string HtmlMediaType = "text/html";

    public static void Write(FeedDocument feed, Stream output)
    {
        using (var xml = FeedXml.CreateWriter(output))
            WriteFeed(xml, feed);
        FeedXml.EndFile(output);
    }

    private static void WriteFeed(XmlWriter xml, FeedDocument feed)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement(Feed, FeedXml.AtomNamespace);
        xml.WriteAttributeString(XmlPrefix, Lang, null, feed.Language);
        xml.WriteElementString(Id, FeedXml.AtomNamespace, feed.Links.First.AbsoluteUri);
        WriteText(xml, Title, feed.Title);
        WriteText(xml, Subtitle, feed.Description);
        xml.WriteElementString(Updated, FeedXml.AtomNamespace, feed.Dates.Rfc3339(feed.Updated));
        WriteAuthor(xml, feed.Author);
        WriteLink(xml, "alternate", feed.HomePage, HtmlMediaType);
        var links = feed.Links;
        var type = FeedFormat.Atom.MediaType();
        WriteLink(xml, "self", links.Self, type);
        WriteLink(xml, "first", links.First, type);
        WriteLink(xml, "last", links.Last, type);
        if (links.Previous is { } previous)
            WriteLink(xml, "previous", previous, type);
        if (links.Next is { } next)
            WriteLink(xml, "next", next, type);
        foreach (var hub in feed.Hubs)
            WriteLink(xml, "hub", hub, type: null);
        xml.WriteStartElement(Generator);
        if (feed.Generator.Uri is { } generatorUri)
            xml.WriteAttributeString(Uri, generatorUri.AbsoluteUri);
        xml.WriteString(feed.Generator.Name);
        xml.WriteEndElement();
        foreach (var item in feed.Items)
            WriteEntry(xml, item, feed.Dates);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteEntry(XmlWriter xml, FeedItem item, FeedDates dates)
    {
        xml.WriteStartElement(Entry);
        xml.WriteElementString(Id, FeedXml.AtomNamespace, item.Id);
        WriteText(xml, Title, item.Title);
        WriteLink(xml, "alternate", item.Link, HtmlMediaType);
        xml.WriteElementString(Published, FeedXml.AtomNamespace, dates.Rfc3339(item.Published));
        xml.WriteElementString(Updated, FeedXml.AtomNamespace, dates.Rfc3339(item.Updated));
        foreach (var author in item.Authors)
            WriteAuthor(xml, author);
        foreach (var category in item.Categories)
        {
            xml.WriteStartElement(Category);
            xml.WriteAttributeString(Term, category.Slug);
            xml.WriteAttributeString(Scheme, category.Scheme.AbsoluteUri);
            xml.WriteAttributeString(Label, category.Name);
            xml.WriteEndElement();
        }
        WriteText(xml, Summary, item.Summary);
        xml.WriteStartElement(Content);
        xml.WriteAttributeString(Type, Html);
        xml.WriteString(item.ContentHtml);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteText(XmlWriter xml, string element, string text)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString(Type, Text);
        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static void WriteAuthor(XmlWriter xml, FeedAuthor author)
    {
        xml.WriteStartElement(Author);
        xml.WriteElementString(Name, FeedXml.AtomNamespace, author.Name);
        if (author.Uri is { } uri)
            xml.WriteElementString(Uri, FeedXml.AtomNamespace, uri.AbsoluteUri);
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string rel, Uri href, string? type)
    {
        xml.WriteStartElement(Link);
        xml.WriteAttributeString(Rel, rel);
        if (type is not null)
            xml.WriteAttributeString(Type, type);
        xml.WriteAttributeString(Href, href.AbsoluteUri);
        xml.WriteEndElement();
    }
}
