using System.Globalization;

namespace CxFeed.Reading.Scoring;

/// <summary>
/// The scoring rules, one function per column (docs/reading.md states them for people). Each
/// compares what a reader gave with what is true of the page; none knows which reader it scores.
/// </summary>
public static class Scores
{
    /// <summary>A body is right when it holds this share of the expected words…</summary>
    public const double RecallGoal = 0.95;

    /// <summary>…and this share of its words are expected ones.</summary>
    public const double PrecisionGoal = 0.9;

    /// <summary>How many letters and digits of the article's first words the excerpt must start with.</summary>
    public const int ExcerptKeyLength = 40;

    /// <summary>
    /// Word-level recall (share of the expected words the reader's body holds) and precision (share
    /// of the body's words that are expected), counting each word as often as it occurs.
    /// </summary>
    public static (double Recall, double Precision) Overlap(string expected, string actual)
    {
        var want = Count(ReadableText.Words(expected));
        var got = Count(ReadableText.Words(actual));
        var common = want.Sum(pair => Math.Min(pair.Value, got.GetValueOrDefault(pair.Key)));
        var wanted = want.Values.Sum();
        var given = got.Values.Sum();
        return (wanted == 0 ? 1 : (double)common / wanted, given == 0 ? (wanted == 0 ? 1 : 0) : (double)common / given);
    }

    public static bool IsBodyRight(double recall, double precision) => recall >= RecallGoal && precision >= PrecisionGoal;

    /// <summary>The same letters and digits, case aside: "WTF? What’s the future" is "WTF? What's The Future?".</summary>
    public static bool IsTitleRight(string expected, string? actual) =>
        actual is not null && ReadableText.Key(expected) == ReadableText.Key(actual);

    /// <summary>
    /// An expected day (<c>2016-08-10</c>) matches a date on that day in the reader's own offset; an
    /// expected instant matches the same instant, to the minute (a page may show minutes where its
    /// metadata has seconds).
    /// </summary>
    public static bool IsDateRight(string expected, DateTimeOffset? actual)
    {
        if (actual is not { } given)
            return false;
        if (expected.Length == 10)
            return given.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == expected;
        var instant = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return Minute(instant) == Minute(given);

        static long Minute(DateTimeOffset value) => value.ToUnixTimeSeconds() / 60;
    }

    /// <summary>
    /// The same names in the same order, compared on letters and digits, a leading "By" and the
    /// words that join names ("and", "&amp;") aside: a reader may give one byline
    /// ("By Tom Bennett and Matt Jancer") where the page lists two people.
    /// </summary>
    public static bool AreAuthorsRight(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        actual.Count > 0 && NamesKey(expected) == NamesKey(actual);

    /// <summary>
    /// Clean when the excerpt starts with the article's own first words (their first
    /// <see cref="ExcerptKeyLength"/> letters and digits): nothing before them, no kicker, headline,
    /// byline, date, reading time or share bar.
    /// </summary>
    public static bool IsExcerptClean(string firstWords, string? excerpt)
    {
        if (excerpt is null)
            return false;
        var want = ReadableText.Key(firstWords);
        want = want[..Math.Min(want.Length, ExcerptKeyLength)];
        return want.Length > 0 && ReadableText.Key(excerpt).StartsWith(want, StringComparison.Ordinal);
    }

    private static Dictionary<string, int> Count(List<string> words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
            counts[word] = counts.GetValueOrDefault(word) + 1;
        return counts;
    }

    private static string NamesKey(IReadOnlyList<string> names)
    {
        var words = names.SelectMany(ReadableText.Words).ToList();
        if (words is ["by", ..])
            words.RemoveAt(0);
        return string.Concat(words.Where(word => word is not ("and" or "by")));
    }
}
