using CxFeed.Reading.Corpus;

namespace CxFeed.Reading.Readers;

/// <summary>
/// SmartReader (NuGet, a C# port of Readability) on the saved bytes. It is given the page as a
/// stream, so it decodes the bytes itself and downloads nothing (given a string as its second
/// argument, <c>Reader.ParseArticle</c> takes it for a user agent and fetches the address).
/// </summary>
public static class SmartReaderPeer
{
    public static PageReading Read(CorpusPage page)
    {
        using var stream = new MemoryStream(page.Html.ToArray(), writable: false);
        var article = new SmartReader.Reader(page.Url, stream).GetArticle();
        if (!article.Completed || !article.IsReadable || string.IsNullOrWhiteSpace(article.Content))
            return PageReading.None(article.Errors.FirstOrDefault()?.Message ?? "not readable");
        DateTimeOffset? date = article.PublicationDate is { } when
            ? new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Unspecified), TimeSpan.Zero)
            : null;
        var author = string.IsNullOrWhiteSpace(article.Author) ? article.Byline : article.Author;
        return new PageReading(true, article.Title, date, string.IsNullOrWhiteSpace(author) ? [] : [author], article.Content, article.Excerpt);
    }
}
