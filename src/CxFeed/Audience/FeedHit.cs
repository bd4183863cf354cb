using System.Net;
using CxFeed.Core.Publishing;

namespace CxFeed.Audience;

/// <summary>
/// One feed request as the request path hands it over: nothing computed, nothing copied but a
/// User-Agent longer than <see cref="FetcherList.MaximumUserAgentLength"/> (cut, so that a full
/// queue holds bounded memory). <paramref name="File"/> is kept for a partner's 200, whose items are
/// read off the request path.
/// </summary>
public sealed record FeedHit(
    DateTimeOffset At, string Feed, string Format, int Status, string? UserAgent, IPAddress? Client, string? Partner, PublishedFile? File);
