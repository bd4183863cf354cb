using CxFeed.Reading.Corpus;
using CxFeed.Reading.Readers;

namespace CxFeed.Reading.Scoring;

/// <summary>
/// One reader's marks on one page: each column right, wrong, or not scored (null: the truth does
/// not say). A post the reader does not publish is wrong in every column it is scored in: the
/// feed shows nothing of it. A post that shows no date is not scored for publishing: issue 11
/// asks a reader to publish "every page that is a post with a visible date", so such a post may
/// be left out or dated some other way. Left out, it is scored in no column (it is not missing
/// from the feed: it has no place there); published, it is scored on what the feed shows of it.
/// </summary>
public sealed record PageScore(
    string Page,
    bool? Published,
    bool? Title,
    bool? Date,
    bool? Authors,
    bool? Body,
    double? Recall,
    double? Precision,
    bool? Excerpt,
    string Why)
{
    public static PageScore Of(CorpusPage page, PageReading reading)
    {
        var why = new List<string>();
        bool? published = page.IsPost && !page.Dated ? null : reading.IsPublished == page.IsPost;
        if (published == false)
            why.Add(page.IsPost ? $"not published: {reading.Reason}" : "published a page that is not a post");
        if (!page.IsPost || !page.Dated && !reading.IsPublished)
            return new PageScore(page.Name, published, null, null, null, null, null, null, null, string.Join(" | ", why));

        bool? title = page.Title is { } wantTitle ? reading.IsPublished && Scores.IsTitleRight(wantTitle, reading.Title) : null;
        if (title == false && reading.IsPublished)
            why.Add($"title '{reading.Title}' ≠ '{page.Title}'");
        bool? date = page.Published is { } wantDate ? reading.IsPublished && Scores.IsDateRight(wantDate, reading.Published) : null;
        if (date == false && reading.IsPublished)
            why.Add($"date {reading.Published?.ToString("o") ?? "none"} ≠ {page.Published}");
        bool? authors = page.Authors is { } wantAuthors ? reading.IsPublished && Scores.AreAuthorsRight(wantAuthors, reading.Authors) : null;
        if (authors == false && reading.IsPublished)
            why.Add($"authors [{string.Join(", ", reading.Authors)}] ≠ [{string.Join(", ", page.Authors!)}]");

        bool? body = null;
        double? recall = null, precision = null;
        if (page.Body is { } wantBody)
        {
            if (reading.IsPublished && reading.BodyHtml is { } html)
            {
                (var r, var p) = Scores.Overlap(wantBody, ReadableText.FromHtml(html));
                (recall, precision) = (r, p);
                body = Scores.IsBodyRight(r, p);
                if (body == false)
                    why.Add($"body recall {r:0.00} precision {p:0.00}");
            }
            else
            {
                body = false;
            }
        }
        bool? excerpt = page.FirstWords is { } firstWords ? reading.IsPublished && Scores.IsExcerptClean(firstWords, reading.Excerpt) : null;
        if (excerpt == false && reading.IsPublished)
            why.Add($"excerpt '{Start(reading.Excerpt)}' does not start '{Start(page.FirstWords)}'");
        return new PageScore(page.Name, published, title, date, authors, body, recall, precision, excerpt, string.Join(" | ", why));
    }

    private static string Start(string? text) =>
        text is null ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(12));
}
