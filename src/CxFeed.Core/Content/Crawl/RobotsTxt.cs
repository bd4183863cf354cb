using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace CxFeed.Core.Content.Crawl;

/// <summary>
/// A site's robots.txt as RFC 9309 reads it, for one crawler. The groups whose <c>user-agent</c>
/// names its product token (case-insensitively) apply, merged; when none does, the <c>*</c>
/// groups, merged; when none of those either, nothing is disallowed. Of the <c>allow</c> and
/// <c>disallow</c> rules matching a path, the longest wins, <c>allow</c> on a tie (§2.2.2);
/// <c>/robots.txt</c> itself is always allowed. <c>Crawl-delay</c> (not in the RFC, honoured as
/// the big crawlers do) is the group's, and <c>Sitemap</c> lines are the file's, wherever they stand.
/// Only the first <see cref="MaxBytes"/> are parsed (§2.5).
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>A crawler must parse at least 500 KiB (§2.5); what follows is ignored.</summary>
    public const int MaxBytes = 500 * 1024;

    private readonly ImmutableArray<(UrlPattern Pattern, bool Allow)> _rules;

    private RobotsTxt(ImmutableArray<(UrlPattern Pattern, bool Allow)> rules, TimeSpan? crawlDelay, ImmutableArray<Uri> sitemaps, bool disallowAll)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps;
        DisallowsAll = disallowAll;
    }

    /// <summary>No robots.txt (a 4xx answer, §2.3.1.3): everything may be crawled.</summary>
    public static readonly RobotsTxt AllowAll = new([], null, [], disallowAll: false);

    /// <summary>robots.txt could not be had (a 5xx answer or no answer, §2.3.1.4): nothing may be crawled.</summary>
    public static readonly RobotsTxt Unreachable = new([], null, [], disallowAll: true);

    /// <summary>The seconds the group asks between two requests; null when it asks nothing.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>The <c>Sitemap:</c> lines, absolute (relative ones resolved against the robots.txt's address).</summary>
    public ImmutableArray<Uri> Sitemaps { get; }

    public bool DisallowsAll { get; }

    /// <param name="pathAndQuery">The path and query as sent, starting with '/'.</param>
    public bool Allows(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt")
            return true;
        if (DisallowsAll)
            return false;
        var best = -1;
        var allowed = true;
        foreach (var (pattern, allow) in _rules)
        {
            if (pattern.Length < best || (pattern.Length == best && !allow) || !pattern.Matches(pathAndQuery))
                continue;
            allowed = allow || (pattern.Length == best && allowed);
            best = pattern.Length;
        }
        return allowed;
    }

    /// <param name="productToken">The crawler's name as robots.txt files say it (<c>CxFeed</c>).</param>
    public static RobotsTxt Parse(ReadOnlySpan<byte> bytes, string productToken, Uri address)
    {
        var text = Encoding.UTF8.GetString(bytes.Length > MaxBytes ? bytes[..MaxBytes] : bytes);
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        var groups = new List<Group>();
        var sitemaps = new List<Uri>();
        Group? current = null;
        var inAgents = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
                line = line[..hash];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    if (!inAgents)
                    {
                        current = new Group();
                        groups.Add(current);
                        inAgents = true;
                    }
                    current!.Agents.Add(value);
                    break;
                case "allow" or "disallow":
                    inAgents = false;
                    // An empty disallow allows everything, which is what no rule means (§2.2.2).
                    if (current is not null && value.Length > 0)
                        current.Rules.Add((new UrlPattern(value), key == "allow"));
                    break;
                case "crawl-delay":
                    inAgents = false;
                    if (current is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 86_400)
                        current.CrawlDelay = TimeSpan.FromSeconds(seconds);
                    break;
                case "sitemap":
                    if (Uri.TryCreate(address, value, out var sitemap) && (sitemap.Scheme == Uri.UriSchemeHttp || sitemap.Scheme == Uri.UriSchemeHttps))
                        sitemaps.Add(sitemap);
                    break;
                default:
                    // Another record (host, clean-param…) ends a run of user-agent lines as a rule does.
                    inAgents = false;
                    break;
            }
        }
        var ours = groups.Where(group => group.Agents.Any(agent => Names(agent, productToken))).ToList();
        if (ours.Count == 0)
            ours = groups.Where(group => group.Agents.Any(agent => agent == "*")).ToList();
        var delay = ours.Select(group => group.CrawlDelay).Where(delay => delay is not null).Max();
        return new RobotsTxt([.. ours.SelectMany(group => group.Rules)], delay, [.. sitemaps.Distinct()], disallowAll: false);
    }

    /// <summary>Whether a user-agent line names the product token: its leading name characters, compared without case (§2.2.1).</summary>
    private static bool Names(string agent, string productToken)
    {
        var end = 0;
        while (end < agent.Length && (char.IsAsciiLetter(agent[end]) || agent[end] is '-' or '_'))
            end++;
        return end > 0 && agent[..end].Equals(productToken, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<(UrlPattern Pattern, bool Allow)> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }
}
