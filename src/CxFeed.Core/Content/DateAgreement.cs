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

    private static bool Apart((DateTimeOffset Start, DateTimeOffset End) one, (DateTimeOffset Start, DateTimeOffset End) other) =>
        one.Start - other.End > Tolerance || other.Start - one.End > Tolerance;

    /// <summary>The instants a date stands for: one, or a whole day for a date written without a time.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Span(string text, DateTimeOffset value) =>
        text.Contains(':', StringComparison.Ordinal) ? (value, value) : (value, value.AddDays(1));
}
