using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CxFeed.Audience;

/// <summary>How a fetcher is counted (see <c>fetchers.tsv</c>).</summary>
public enum FetcherKind
{
    /// <summary>Polls once for many readers and says how many in its User-Agent.</summary>
    Aggregator,

    /// <summary>One person's reader or script: a distinct (address, user agent) pair a day.</summary>
    Reader,

    /// <summary>A crawler, link previewer or monitor: counted apart, never a subscriber.</summary>
    Bot,
}

/// <summary>
/// Who a User-Agent is: its family and kind, and for an aggregator the subscribers it reports (capped
/// at <see cref="FetcherList.MaximumSubscribers"/>, <paramref name="Absurd"/> when the claim was over
/// it) and the feed identifier it gives, if any.
/// </summary>
public sealed record Fetcher(string Family, FetcherKind Kind, long? Subscribers = null, string FeedId = "", bool Absurd = false);

/// <summary>
/// The known fetchers, as data: <c>fetchers.tsv</c> (embedded), one row per text to look for in a
/// User-Agent, first match wins. A User-Agent is looked at only in its first
/// <see cref="MaximumUserAgentLength"/> characters, control characters made spaces, so a 100 KB or
/// binary header costs no more than a normal one.
/// </summary>
public sealed partial class FetcherList
{
    /// <summary>More subscribers than any feed has: a claim above is capped here and flagged, not believed.</summary>
    public const long MaximumSubscribers = 10_000_000;

    public const int MaximumUserAgentLength = 512;

    public static readonly Fetcher Unknown = new("Other", FetcherKind.Reader);

    public static readonly Fetcher NoUserAgent = new("(none)", FetcherKind.Reader);

    private readonly ImmutableArray<(string Match, Fetcher Fetcher)> _rows;

    private FetcherList(ImmutableArray<(string, Fetcher)> rows) => _rows = rows;

    /// <summary>The list shipped in the executable.</summary>
    public static FetcherList Shipped { get; } = Parse(ReadShipped());

    public int Count => _rows.Length;

    /// <summary>The rows of a TSV text (<c>match\tfamily\tkind</c>; <c>#</c> comments); a bad row throws naming its line.</summary>
    public static FetcherList Parse(string tsv)
    {
        var rows = ImmutableArray.CreateBuilder<(string, Fetcher)>();
        var number = 0;
        foreach (var line in tsv.Split('\n'))
        {
            number++;
            var text = line.TrimEnd('\r');
            if (text.Length == 0 || text.StartsWith('#'))
                continue;
            var fields = text.Split('\t');
            if (fields.Length != 3 || fields[0].Length == 0 || fields[1].Length == 0
                || !Enum.TryParse<FetcherKind>(fields[2], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                throw new FormatException($"fetchers.tsv:{number}: expected 'match<TAB>family<TAB>aggregator|reader|bot', got '{text}'");
            rows.Add((fields[0], new Fetcher(fields[1], kind)));
        }
        return new FetcherList(rows.ToImmutable());
    }

    /// <summary>Who <paramref name="userAgent"/> is; an aggregator's subscribers and feed id read from it.</summary>
    public Fetcher Classify(string? userAgent)
    {
        var text = Clean(userAgent);
        if (text.Length == 0)
            return NoUserAgent;
        foreach (var (match, fetcher) in _rows)
        {
            if (!text.Contains(match, StringComparison.OrdinalIgnoreCase))
                continue;
            if (fetcher.Kind != FetcherKind.Aggregator)
                return fetcher;
            var count = SubscriberCount().Match(text);
            long? subscribers = null;
            var absurd = false;
            if (count.Success)
            {
                // Up to 19 digits fit a long; more, or more than any feed has, is a forged claim.
                absurd = !long.TryParse(count.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var claimed) || claimed > MaximumSubscribers;
                subscribers = absurd ? MaximumSubscribers : claimed;
            }
            var id = FeedIdentifier().Match(text);
            return fetcher with { Subscribers = subscribers, Absurd = absurd, FeedId = id.Success ? id.Groups[1].Value : "" };
        }
        return Unknown;
    }

    /// <summary>The first <see cref="MaximumUserAgentLength"/> characters, control characters as spaces.</summary>
    public static string Clean(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
            return "";
        var text = userAgent.Length > MaximumUserAgentLength ? userAgent[..MaximumUserAgentLength] : userAgent;
        return text.AsSpan().IndexOfAny(ControlCharacters) >= 0 ? string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        }).Trim() : text.Trim();
    }

    /// <summary>What <see cref="char.IsControl(char)"/> says is one: C0, DEL and C1.</summary>
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(code => (char)code)]);

    private static string ReadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CxFeed.Audience.fetchers.tsv")
            ?? throw new InvalidOperationException("fetchers.tsv is not embedded in cxfeed");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    // No match timeout: the input is at most 512 characters and neither pattern nests quantifiers,
    // so matching is linear; a wall-clock timeout would only fail on a loaded machine.
    [GeneratedRegex(@"(\d{1,40})\s+(?:subscribers?|readers?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubscriberCount();

    /// <summary>Feedbin <c>feed-id:123</c>, The Old Reader <c>feed-id=abc</c>, NewsBlur <c>/site/123</c>.</summary>
    [GeneratedRegex(@"(?:feed-?id[:=]\s*|/site/)([A-Za-z0-9_-]{1,64})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeedIdentifier();
}
