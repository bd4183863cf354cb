using System.Collections.Immutable;
using CxFeed.Core;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Core.Publishing;
using CxFeed.Core.Syndication;

namespace CxFeed.Tests.Publishing;

/// <summary>
/// Entries as the reader, cleaner and excerpt builder give them for WordPress posts of the Heart
/// of the Customer blog: a shortlink id and one without, a summer and a winter date, categories,
/// tags, a featured image, cleaned content with figures and links.
/// </summary>
public static class SamplePosts
{
    public static readonly SiteOptions Site = new()
    {
        Title = "Heart of the Customer",
        Description = "Posts by Jim Tincher on B2B customer experience, journey mapping and CX strategy.",
        BaseUrl = "https://www.heartofthecustomer.com/",
        Language = "en-US",
        TimeZone = "America/Chicago",
    };

    public static readonly PublishOptions Publish = new() { BaseUrl = "https://feeds.heartofthecustomer.com/" };

    /// <summary>Summer (CDT, -05:00), shortlink id, updated two days later, featured image.</summary>
    public static readonly Entry NextHire = Make(
        id: "https://www.heartofthecustomer.com/?p=4687",
        slug: "your-next-cx-hire-shouldnt-be-a-cx-hire",
        title: "Your Next CX Hire…Shouldn’t Be a CX Hire",
        published: new DateTimeOffset(2021, 6, 8, 13, 30, 0, TimeSpan.Zero),
        updated: new DateTimeOffset(2021, 6, 10, 16, 2, 0, TimeSpan.Zero),
        categories: ["CX Strategy", "Change Management"],
        tags: ["hiring", "CX team", "change management"],
        image: new PostImage(new Uri("https://www.heartofthecustomer.com/wp-content/uploads/2021/06/cx-hire.jpg"), 1200, 628, "image/jpeg", "A team meeting"),
        body: """
            <p>A while back, I was talking with a CX leader who was ready to grow her team. “Who should I hire?” she asked.</p>
            <figure class="wp-block-image"><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/06/cx-team.png" alt="CX team" width="800" height="400" /><figcaption>The CX team</figcaption></figure>
            <p>My answer surprised her: <a href="https://www.heartofthecustomer.com/cx-needs-change-management/">someone who knows change management</a> &amp; the business.</p>
            """,
        excerpt: new Excerpt(
            "A while back, I was talking with a CX leader who was ready to grow her team. “Who should I hire?” she asked. My answer surprised her: someone who knows change management & the business.",
            """<p>A while back, I was talking with a CX leader who was ready to grow her team. “Who should I hire?” she asked.</p><p>My answer surprised her: someone who knows change management &amp; the business.</p>""",
            false));

    /// <summary>Winter (CST, -06:00), id is the canonical URL (the page has no shortlink).</summary>
    public static readonly Entry SocialProof = Make(
        id: "https://www.heartofthecustomer.com/unmask-the-power-of-social-proof/",
        slug: "unmask-the-power-of-social-proof",
        title: "Unmask the Power of Social Proof",
        published: new DateTimeOffset(2020, 12, 1, 16, 30, 0, TimeSpan.Zero),
        updated: null,
        categories: ["B2B"],
        tags: ["social proof", "pre-sales journey", "b2b"],
        image: null,
        body: """
            <p>In B2B, your buyers trust their peers more than they trust you &lt;and your sales team&gt;.</p>
            <ul><li>Case studies</li><li>Reference calls</li></ul>
            """,
        excerpt: new Excerpt(
            "In B2B, your buyers trust their peers more than they trust you <and your sales team>. Case studies Reference calls",
            """<p>In B2B, your buyers trust their peers more than they trust you &lt;and your sales team&gt;.</p><ul><li>Case studies</li><li>Reference calls</li></ul><p><a href="https://www.heartofthecustomer.com/unmask-the-power-of-social-proof/">Read more</a></p>""",
            true));

    /// <summary>The oldest: winter, shortlink id, one category shared with <see cref="NextHire"/> spelled differently.</summary>
    public static readonly Entry Scorecard = Make(
        id: "https://www.heartofthecustomer.com/?p=1395",
        slug: "your-cx-scorecard-is-probably-measuring-the-wrong-thing",
        title: "Your CX Scorecard is Probably Measuring the Wrong Thing",
        published: new DateTimeOffset(2017, 5, 9, 14, 10, 0, TimeSpan.Zero),
        updated: new DateTimeOffset(2018, 1, 4, 21, 0, 0, TimeSpan.Zero),
        categories: ["cx strategy"],
        tags: ["metrics", "CX scorecard"],
        image: null,
        body: "<p>Most scorecards measure what is easy to count.</p>",
        excerpt: new Excerpt("Most scorecards measure what is easy to count.", "<p>Most scorecards measure what is easy to count.</p>", false));

    public static Snapshot Snapshot(params Entry[] entries) => Core.Publishing.Snapshot.Create(entries, []);

    public static FeedRenderer Renderer(FeedsOptions? feeds = null, PublishOptions? publish = null) =>
        new(Site, publish ?? Publish, feeds ?? new FeedsOptions(), new ExcerptBuilder());

    public static FeedDefinition Feed(string name = "posts") => FeedDefinition.Default(name);

    public static Entry Make(
        string id,
        string slug,
        string title,
        DateTimeOffset published,
        DateTimeOffset? updated,
        ImmutableArray<string> categories,
        ImmutableArray<string> tags,
        PostImage? image,
        string body,
        Excerpt excerpt,
        ImmutableArray<string>? authors = null)
    {
        var canonical = new Uri($"https://www.heartofthecustomer.com/{slug}/");
        var post = new Post(
            id, $"{slug}.html", canonical, title, published, updated, authors ?? ["Jim Tincher"], categories, tags, image, null, null, body);
        return new Entry(post, body, new ExcerptSource(title, canonical, body), ExcerptBudget.Default, excerpt);
    }

    public static string Text(this Publication publication, string address) =>
        System.Text.Encoding.UTF8.GetString((publication.Find(address) ?? throw new KeyNotFoundException(address)).Identity.Bytes.Span);
}
