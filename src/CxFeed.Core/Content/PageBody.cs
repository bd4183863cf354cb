namespace CxFeed.Core.Content;

/// <summary>A page's post body as the reader finds it (<see cref="PostReader.ReadBody(PostPage)"/>): its HTML as written, and where a more marker starts in it.</summary>
public sealed record PageBody(string Html, int? MoreMarker);

public sealed partial class PostReader
{
    /// <summary>
    /// The body the page's post has, found as <see cref="Read"/> finds it, also when the page
    /// gives no post for another reason (no title, no date): for the verbs that clean a page
    /// piped in. Null when the page has no body (or is not HTML, or not a single post).
    /// </summary>
    public PageBody? ReadBody(PostPage page)
    {
        var reading = new Reading(page);
        if (Parse(reading) is not { } parsed)
            return null;
        var (document, text) = parsed;
        var metadata = PageMetadata.Read(document, Site.Title, _timeZone);
        if (ReadBody(reading, document.DocumentNode, text, metadata) is not { } body)
            return null;
        var (html, moreMarker) = BodyHtml(text, metadata, body.Element, body.Range);
        return new PageBody(html, moreMarker);
    }
}
