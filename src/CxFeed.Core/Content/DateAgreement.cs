namespace CxFeed.Core.Content;

/// <summary>
/// Whether the page's other sources agree with the publication date chosen: the more structured
/// source wins, but a page whose JSON-LD says one day and whose visible <c>&lt;time&gt;</c> says
/// another has a mistake its owner wants to know of. Two dates disagree when they are more than
/// a day apart, a date without a time standing for its whole day (so "March 3, 2021" agrees with
/// 2021-03-03T23:30:00-08:00, and a time zone set wrong does not make them disagree).
/// The text of the page is not checked: it is the least sure of the sources. A post may show
/// several <c>&lt;time&gt;</c> elements (published, updated, an event it announces): they
/// disagree only when none of them agrees.
/// </summary>
internal static class DateAgreement
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromDays(1);

    /// <summary>The reason to warn of, for the first later source whose date disagrees with the one chosen; null when they agree.</summary>
    public static string? Check(PageMetadata page, int chosenSource, string chosenText, DateTimeOffset chosen)
    {
        var (start, end) = Span(chosenText, chosen);
        for (var i = chosenSource + 1; i < Precedence.Published.Length; i++)
        {
            var source = Precedence.Published[i];
            if (source.Name == "the page's text")
                continue;
            var values = source.Name == "<time>" ? PostMarkup.TimeValues(page) : source.Read(page) is { } value ? [value] : [];
            var dates = values.Select(value => (Text: value, Parsed: DateText.TryParse(value, page.TimeZone, out var date), Date: date))
                .Where(date => date.Parsed)
                .ToList();
            if (dates.Count > 0 && dates.All(date => Apart(Span(date.Text, date.Date), (start, end))))
                return Reasons.DisagreeingDates(chosenText, Precedence.Published[chosenSource].Name, dates[0].Text, source.Name);
        }
        return null;
    }

    /// <summary>
    /// The publication date chosen, set right by what the rest of the page says, or null when it
    /// stands. Two mistakes are common and the page itself shows them:
    /// <list type="bullet">
    /// <item>a publication date later than the page's own modification date, where a later source
    /// gives a time of the same day no later than it: a local time labelled UTC
    /// (<c>2019-04-19T20:00:00.000Z</c> beside <c>&lt;time datetime="2019-04-19T20:00:00+09:00"&gt;</c>),
    /// or UTC labelled local — that source's date is taken;</item>
    /// <item>a time written without its zone (read in the site's), where the page writes the same
    /// wall-clock time with its zone elsewhere ("First published November 29, 2016: 3:33 AM ET"
    /// beside <c>&lt;meta name="date" content="2016-11-29 03:33:08"&gt;</c>): that zone;</item>
    /// <item>a day without a time (<c>&lt;meta name="sailthru.date" content="June 7, 2013"&gt;</c>),
    /// where the post's date line writes a time of that day with its zone ("Friday June 7, 2013 @
    /// 6:43pm EDT"): that instant, the same day told more precisely.</item>
    /// </list>
    /// </summary>
    public static (DateTimeOffset Value, string Text, string Source)? Correct(PageMetadata page, int chosenSource, string chosenText, DateTimeOffset chosen)
    {
        if (Updated(page) is { } updated && chosen > updated)
        {
            for (var i = chosenSource + 1; i < Precedence.Published.Length; i++)
            {
                var source = Precedence.Published[i];
                var values = source.Name == "<time>" ? PostMarkup.TimeValues(page) : source.Read(page) is { } value ? [value] : [];
                foreach (var text in values)
                {
                    if (text.Contains(':', StringComparison.Ordinal) && DateText.TryParse(text, page.TimeZone, out var date)
                        && date <= updated && !Apart((date, date), Span(chosenText, chosen)))
                    {
                        return (date, text, source.Name);
                    }
                }
            }
        }
        if (!chosenText.Contains(':', StringComparison.Ordinal))
        {
            if (DatesWritten(page).FirstOrDefault(date => date.Zoned && date.Value.DateTime.Date == chosen.DateTime.Date) is { Zoned: true } precise)
                return (precise.Value, chosenText, Precedence.Published[chosenSource].Name);
            return null;
        }
        if (DateText.IsZoneless(chosenText) && ZoneWritten(page, chosen.DateTime) is { } offset && offset != chosen.Offset)
            return (new DateTimeOffset(chosen.DateTime, offset), chosenText, Precedence.Published[chosenSource].Name);
        return null;
    }

    /// <summary>The page's modification date, from the first of its sources that gives one that parses.</summary>
    private static DateTimeOffset? Updated(PageMetadata page)
    {
        foreach (var source in Precedence.Updated)
        {
            if (source.Read(page) is { } value && DateText.TryParse(value, page.TimeZone, out var updated))
                return updated;
        }
        return null;
    }

    /// <summary>The offset the post's date lines and <c>&lt;time&gt;</c> texts give the wall-clock time <paramref name="local"/> (to the minute), if one writes it with its zone.</summary>
    private static TimeSpan? ZoneWritten(PageMetadata page, DateTime local)
    {
        foreach (var (value, zoned) in DatesWritten(page))
        {
            if (zoned && value.DateTime.Date == local.Date && value.Hour == local.Hour && value.Minute == local.Minute)
                return value.Offset;
        }
        return null;
    }

    /// <summary>The dates written in the post's date lines and <c>&lt;time&gt;</c> texts (short ones: not a paragraph that mentions a date), in order.</summary>
    private static IEnumerable<(DateTimeOffset Value, bool Zoned)> DatesWritten(PageMetadata page)
    {
        foreach (var element in page.Classed.Concat(page.Times))
        {
            if (!page.Scope.Contains(element))
                continue;
            var text = PostMarkup.SpacedText(element);
            if (text.Length > 300)
                continue;
            foreach (var date in WrittenDate.FindAll(text, page.TimeZone))
                yield return date;
        }
    }

    private static bool Apart((DateTimeOffset Start, DateTimeOffset End) one, (DateTimeOffset Start, DateTimeOffset End) other) =>
        one.Start - other.End > Tolerance || other.Start - one.End > Tolerance;

    /// <summary>The instants a date stands for: one, or a whole day for a date written without a time.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Span(string text, DateTimeOffset value) =>
        text.Contains(':', StringComparison.Ordinal) ? (value, value) : (value, value.AddDays(1));
}
