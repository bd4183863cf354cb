using System.Net;
using CxFeed.Core.Publishing;

namespace CxFeed.Audience;

/// <summary>
/// One feed request as the request path hands it over: nothing computed, nothing copied but a
/// User-Agent longer than <see cref="FetcherList.MaximumUserAgentLength"/> (cut, so that a full
/// queue holds bounded memory). For a partner's pull, <paramref name="Items"/> are the items of the
/// page, known since it was planned; <paramref name="File"/> is kept only where they are not known
/// yet (a stored publication before its first rebuild), its items then read off the request path.
/// </summary>
public sealed record FeedHit(
    DateTimeOffset At, string Feed, string Format, int Status, string? UserAgent, IPAddress? Client, string? Partner, string Address,
    IReadOnlyList<FeedItem>? Items, PublishedFile? File);
