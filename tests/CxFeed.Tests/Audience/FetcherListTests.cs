using CxFeed.Audience;

namespace CxFeed.Tests.Audience;

/// <summary>The shipped fetcher list (src/CxFeed/Audience/fetchers.tsv) against User-Agent strings as these fetchers send them.</summary>
public sealed class FetcherListTests
{
    [Theory]
    [InlineData("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 123 subscribers; )", "Feedly", 123L, "")]
    [InlineData("Feedly/1.0 (+https://feedly.com/poller.html; 16 subscribers; )", "Feedly", 16L, "")]
    [InlineData("Inoreader/1.0 (+http://www.inoreader.com/feed-fetcher; 17 subscribers; )", "Inoreader", 17L, "")]
    [InlineData("Mozilla/5.0 (compatible; inoreader.com; 5 subscribers)", "Inoreader", 5L, "")]
    [InlineData("NewsBlur Feed Fetcher - 14 subscribers - http://www.newsblur.com/site/6139926/heart-of-the-customer (Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_3) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/65.0.3325.181 Safari/537.36)", "NewsBlur", 14L, "6139926")]
    [InlineData("Feedbin feed-id:1373711 - 22 subscribers", "Feedbin", 22L, "1373711")]
    [InlineData("Mozilla/5.0 (compatible; theoldreader.com; 8 subscribers; feed-id=ee6da5d5f0fa3e4c2b4f0f8a)", "The Old Reader", 8L, "ee6da5d5f0fa3e4c2b4f0f8a")]
    [InlineData("Mozilla/5.0 (compatible; BazQux/2.4; +https://bazqux.com/fetcher; 3 subscribers)", "BazQux", 3L, "")]
    [InlineData("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1 subscriber; )", "Feedly", 1L, "")]
    public void Aggregators_report_their_subscribers(string userAgent, string family, long subscribers, string feedId)
    {
        var fetcher = FetcherList.Shipped.Classify(userAgent);

        Assert.Equal(new Fetcher(family, FetcherKind.Aggregator, subscribers, feedId), fetcher);
    }

    [Fact]
    public void An_aggregator_without_a_count_reports_none()
    {
        var fetcher = FetcherList.Shipped.Classify("Mozilla/5.0 (compatible; Feedspot/1.0 (+https://www.feedspot.com/fs/fetcher); like FeedFetcher-Google)");

        Assert.Equal(new Fetcher("Feedspot", FetcherKind.Aggregator), fetcher);
    }

    [Theory]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "Slack")]
    [InlineData("Slackbot 1.0 (+https://api.slack.com/robots)", "Slack")]
    [InlineData("Twitterbot/1.0", "Twitter")]
    [InlineData("TelegramBot (like TwitterBot)", "Telegram")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Google")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/120.0.6099.216 Safari/537.36", "Google")]
    [InlineData("FeedFetcher-Google; (+http://www.google.com/feedfetcher.html)", "Google")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Facebook")]
    [InlineData("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "Discord")]
    [InlineData("LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", "LinkedIn")]
    [InlineData("WhatsApp/2.23.20.0", "WhatsApp")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "Bing")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)", "Apple")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)", "OpenAI")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)", "Anthropic")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "Ahrefs")]
    [InlineData("Mastodon/4.2.1 (http.rb/5.1.1; +https://mastodon.social/) Bot", "Mastodon")]
    [InlineData("Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)", "UptimeRobot")]
    public void Bots_and_link_previewers_are_counted_apart(string userAgent, string family)
    {
        Assert.Equal(new Fetcher(family, FetcherKind.Bot), FetcherList.Shipped.Classify(userAgent));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Miniflux/2.0.51; +https://miniflux.app)", "Miniflux")]
    [InlineData("NetNewsWire (RSS Reader; https://netnewswire.com/)", "NetNewsWire")]
    [InlineData("FreshRSS/1.23.1 (Linux; https://freshrss.org)", "FreshRSS")]
    [InlineData("Tiny Tiny RSS/22.08-0f4a9d4 (http://tt-rss.org/)", "Tiny Tiny RSS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0", "Thunderbird")]
    [InlineData("Newsboat/2.32.0 (Linux x86_64)", "Newsboat")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("Wget/1.21.4", "Wget")]
    [InlineData("python-requests/2.31.0", "Python")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Browser")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", "Browser")]
    public void Readers_are_counted_as_distinct_clients(string userAgent, string family)
    {
        Assert.Equal(new Fetcher(family, FetcherKind.Reader), FetcherList.Shipped.Classify(userAgent));
    }

    [Theory]
    [InlineData("", "(none)")]
    [InlineData(null, "(none)")]
    [InlineData("SomeHomegrownScript", "Other")]
    public void No_user_agent_and_unknown_ones_are_readers_of_their_own(string? userAgent, string family)
    {
        Assert.Equal(new Fetcher(family, FetcherKind.Reader), FetcherList.Shipped.Classify(userAgent));
    }

    [Theory]
    [InlineData("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1000000000000 subscribers; )")]
    [InlineData("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 99999999999999999999999999999 subscribers; )")]
    [InlineData("Feedbin feed-id:1 - 10000001 subscribers")]
    public void A_forged_count_is_capped_and_flagged(string userAgent)
    {
        var fetcher = FetcherList.Shipped.Classify(userAgent);

        Assert.Equal(FetcherList.MaximumSubscribers, fetcher.Subscribers);
        Assert.True(fetcher.Absurd);
    }

    [Fact]
    public void A_100_kb_user_agent_with_control_characters_is_read_in_its_first_512_characters()
    {
        var userAgent = "Feedly/1.0 (+http://www.feedly.com/fetcher.html;\u0000\u001b 42 subscribers; )" + new string('x', 100_000) + " 999 subscribers";

        var clean = FetcherList.Clean(userAgent);
        var fetcher = FetcherList.Shipped.Classify(userAgent);

        Assert.Equal(FetcherList.MaximumUserAgentLength, clean.Length);
        Assert.DoesNotContain(clean, char.IsControl);
        Assert.Equal(new Fetcher("Feedly", FetcherKind.Aggregator, 42), fetcher);
    }

    [Fact]
    public void A_bad_row_names_its_line()
    {
        var error = Assert.Throws<FormatException>(() => FetcherList.Parse("# comment\nFeedly\tFeedly\taggregator\nSlackbot\tSlack\tpreviewer\n"));

        Assert.Equal("fetchers.tsv:3: expected 'match<TAB>family<TAB>aggregator|reader|bot', got 'Slackbot\tSlack\tpreviewer'", error.Message);
    }

    [Fact]
    public void The_shipped_list_has_every_row_reachable()
    {
        // A row whose text contains an earlier row's text could never match: the earlier one wins.
        var rows = File.ReadAllLines(Path.Combine(Repository.Root, "src", "CxFeed", "Audience", "fetchers.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line => line.Split('\t')[0]).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            for (var j = 0; j < i; j++)
                Assert.False(rows[i].Contains(rows[j], StringComparison.OrdinalIgnoreCase), $"'{rows[i]}' can never match: '{rows[j]}' comes first");
        }
        Assert.Equal(rows.Count, FetcherList.Shipped.Count);
    }
}
