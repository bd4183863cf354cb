using System.Collections.Immutable;
using System.Globalization;

namespace CxFeed.Reading.Scoring;

/// <summary>One reader over the corpus: its marks per page and its speed.</summary>
/// <param name="PagesPerSecond">Pages read per second, from the median pass; null when not measured.</param>
public sealed record ReaderResult(string Reader, ImmutableArray<PageScore> Pages, double? PagesPerSecond)
{
    /// <summary>The share of right marks in one column over the pages scored in it, as "97.3% (144/148)".</summary>
    public static string Share(IEnumerable<PageScore> pages, Func<PageScore, bool?> column)
    {
        var marks = pages.Select(column).Where(mark => mark is not null).ToList();
        if (marks.Count == 0)
            return "–";
        var right = marks.Count(mark => mark == true);
        return string.Create(CultureInfo.InvariantCulture, $"{100.0 * right / marks.Count:0.0}% ({right}/{marks.Count})");
    }
}
