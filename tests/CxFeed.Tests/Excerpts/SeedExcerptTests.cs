using System.Xml.Linq;
using CxFeed.Core.Cleaning;
using CxFeed.Core.Content;
using CxFeed.Core.Excerpts;
using CxFeed.Tests.Content;

namespace CxFeed.Tests.Excerpts;

/// <summary>
/// The excerpt of each of the 20 seed posts, read and cleaned as the feeds do it, with the default
/// budget: the teaser of the seed documents (seeds/original) up to the cut, written here by hand,
/// without the artifacts a careless extraction leaves there.
/// </summary>
public class SeedExcerptTests
{
    /// <summary>slug, the excerpt's plain text. Posts 2, 4, 6, 10, 13 and 18 have a more marker: their teaser is the excerpt.</summary>
    public static readonly TheoryData<string, string> Excerpts = new()
    {
        // 1. Your Next CX Hire…Shouldn’t Be a CX Hire: 55 words, no sentence end after word 44.
        { "your-next-cx-hire-shouldnt-be-a-cx-hire", "As we interviewed hundreds of customer experience professionals across scores of organizations for our research initiative last year, we looked for what indicated the ability to drive impact. We’ve documented the top items a few times in the past: linking everything to business value, understanding the technology and data, measuring and improving emotions, and using…" },
        // 2. CX Needs Change Management: the teaser before <!--more-->.
        { "cx-needs-change-management", "You probably moved into customer experience (CX) because of a passion for customers. You chose this space because you know that if you can improve customers’ experiences with your company, they will be happier, they’ll stay with you longer, and both the business and your customers will prosper. But actually improving the experience is hard. If you’re like most of the CX professionals we interviewed last year, the reality has hit you that it’s incredibly difficult to move your silos enough to substantially improve the customer experience. That’s where change management, the missing element in most CX programs, comes in." },
        // 3. Don’t “Go the Extra Mile” in the Wrong Direction!: a sentence ends at word 48.
        { "dont-go-the-extra-mile-in-the-wrong-direction", "“What does ‘good’ look like?” That’s a question CX leaders spend a lot of time pondering. For example, I’m often asked questions like, “How fast does our response rate need to be?” The easy answer? “As quick as you can make it.” That’s the lazy answer, too." },
        // 4. Journey Mapping Mistakes to Avoid: the teaser before <span id="more-4452">.
        { "journey-mapping-mistakes-to-avoid", "The benefits of customer journey maps – static and living – can be transformational for both your organization and your customers. But your maps won’t lead to an increase in customer loyalty or company earnings if your journey mapping process is flawed. So why do almost two-thirds of journey mapping initiatives\u00A0fail to\u00A0drive\u00A0change? Because journey mapping is an art and a science, and doing it right is hard. Which makes it tempting to cut corners and rush the process. But you’re not going to gain anything with those shortcuts if your journey mapping project turns out to be a huge waste of time and resources as a result. And there’s even more on the line than that. One failed journey mapping project makes it that much less likely that you’ll be able to muster the internal support needed to try again." },
        // 5. Backorder Issues: The High Cost of Reduced Inventory: a sentence ends at word 51, before the list.
        { "backorder-issues-the-high-cost-of-reduced-inventory", "Heart of the Customer maps customer journeys for a wide range of B2B organizations, from healthcare to manufacturing to distribution and more. We’ve found one area of friction common across industries: backorder issues. Whether mom and pop retail storefronts or global manufacturers, customers with products on backorder face similar situations." },
        // 6. Five Questions To Answer for Customer Journey Mapping Success: the teaser before <span id="more-4301">.
        { "five-questions-to-answer-for-customer-journey-mapping-success", "Successful customer journey maps drive customer-focused change like improving customer experience, developing a new way to deliver value to customers, or reducing the cost to serve current customers. Based on a 2016 study\u00A0of customer experience professionals, over two-thirds of respondents did not rate their journey mapping project as successful. The reason? A lack of action from the mapping endeavor. When we work with clients at Heart of the Customer, our goal is to drive action from the journey maps. We require our clients to work through the Five Questions as a foundation for their journey mapping. Ask yourself and your team to work through these Five Questions before launching your customer journey mapping initiative:" },
        // 7. 2021: The Year of CX Data: no "bad cx data"; a sentence ends at word 52.
        { "2021-the-year-of-cx-data", "Given the year we’ve had, we need to talk hygiene. Because I suspect you’ve been neglecting it. Not because of the sweatpants you wore in that Zoom meeting, or that you don’t always sing “Happy Birthday” twice when you wash your hands. I mean digital hygiene, and the need to clean your data." },
        // 8. Unmask the Power of Social Proof: a sentence ends at word 52.
        { "unmask-the-power-of-social-proof", "At Heart of the Customer, we recently had a software client who wasn’t winning as many sales as they expected. We mapped their customers’ pre-sales journey and found that the company was putting out their best practices, but prospective clients were ignoring them. They just didn’t consider our client a trusted authority." },
        // 9. For B2C, Cleanliness Is the New Black: 55 words ("required…but" is one).
        { "for-b2c-cleanliness-is-the-new-black", "Let’s not beat around the bush: $#@&*%! coronavirus trashed your journeys. Prior to the pandemic, organizations had clear strategies on how to serve their customers, working to deliver an ever-improving experience to earn loyalty. A better experience is still required…but how we go about providing it – and what “it” even is – has completely…" },
        // 10. CX Day Topic: How to Become a Trusted Advisor: the teaser before <!--more-->.
        { "cx-day-topic-how-to-become-a-trusted-advisor", "I’ve yet to meet anyone who can believe it’s already October. Nonetheless, its arrival also means it’s time for CX Day, the annual celebration of customer experience practitioners and their successes! Visit the CXPA’s website for a complete list of events. Also check out LitmusWorld’s week of related offerings, including their #CXDay2020 Voice of Experts series, where I am honored to be featured. (I was also recently named one of their Top CX Influencers for 2020.) For my part, I’m going to mark the day by focusing this post on the power and potential of CX for B2B enterprises." },
        // 11. The “Why” Behind CX Pros’ Failure to Prove Business Results: no slug-like caption; the
        // seed's own "while back," and no-break spaces; a sentence ends at word 52.
        { "the-why-behind-cx-pros-failure-to-prove-business-results", "while back,\u00A0I posted\u00A0here\u00A0on Forrester’s prediction that\u00A01 in 4 CX pros will lose their jobs this year. When\u00A0CustomerThink\u00A0reposted my thoughts on this,\u00A0it\u00A0generated a great conversation, with\u00A0Sampson Lee,\u00A0Shep\u00A0Hyken, Lynn Hunsaker, Harley Manning, Bob Thompson, and others\u00A0weighing in in the comments section." },
        // 12. The Bots are Coming!: 55 words.
        { "the-bots-are-coming", "Actually, they’re already here. But are you aware of them? Today, I’m flying back from the CCW’s Executive Exchange. I not only enjoyed speaking at the event, but also the opportunity to attend its presentations. The audience was primarily made up of contact center leaders, each having a lot to say– and do –about the…" },
        // 13. Stop Playing CX Whack-A-Mole: the teaser before <span id="more-2580">.
        { "stop-playing-cx-whack-a-mole", "“All happy customers are alike; each unhappy customer is unhappy in its own way.” Okay, that wasn’t really my quote – I’m paraphrasing Tolstoy’s Anna Karenina, where he wrote “all happy families are alike; each unhappy family is unhappy in its own way.” But it does fit at least some companies’ experiences. This is especially true with a client we’re working with right now. The happy customers sound so similar that it’s almost boring. Almost. They like the people; the product does what it’s supposed to do, and customer expectations are set appropriately. Unfortunately, that description only applies to half their customers." },
        // 14. Four Ideas for Navigating Backorders with B2B Customers: 55 words.
        { "four-ideas-for-navigating-backorders-with-b2b-customers", "As 2018 wrapped up, we finished mapping three very different B2B journeys – healthcare, manufacturing, and distribution. We found one major consistency: customers in all three reported recent backorder issues. The customers were all businesses, but that’s where their similarities ended. Some were mom and pop retail storefronts; others were global manufacturers whose names you…" },
        // 15. Interview: Building a World-Class CX Capability: the "—–" line is a separator; a sentence ends at word 51.
        { "interview-building-a-world-class-cx-capability", "I recently did an interview with Intouch Insight–see below for Part 1. We recently sat down with Jim Tincher, founder of\u00A0Heart of the Customer\u00A0and Certified Customer Experience Professional (CCXP), to get his take on the customer experience landscape and how it is changing in 2018." },
        // 16. 5 reasons why CX should focus on the B2B Pre-Sales Journey: 55 words.
        { "5-reasons-why-cx-should-focus-on-the-b2b-pre-sales-journey", "In the\u00A0Harvard Business Review\u00A0article, “The\u00A0New Sales\u00A0Imperative,” the CEB reports that in just the last two years the\u00A0average\u00A0number of people involved\u00A0in a B2B purchasing decision has increased from\u00A05.4 two years ago to 6.8 today. This change has made the journey far more complex, creating longer sales cycles and…" },
        // 17. Why Your CEO Isn’t Impressed with Your Work: 55 words, the " –" after them dropped.
        { "why-your-ceo-isnt-impressed-with-your-work", "I wrote last week\u00A0about\u00A0why\u00A0Your CX Scorecard is Probably Measuring the Wrong Thing. Now, on a flight home from a client workshop, I have a chance to catch up on some old reading. And it turns out that your CEO likely agrees.\u00A0You may not be\u00A0spending time in the right areas…" },
        // 18. Your CX Scorecard is Probably Measuring the Wrong Thing: the teaser before <!--more-->.
        { "your-cx-scorecard-is-probably-measuring-the-wrong-thing", "“The purpose of a business is to create and keep a customer.” – Peter Drucker I love that quote. In one short sentence, Drucker summarizes what a business – and customer experience (CX) – is all about. But despite that wisdom, companies continue to focus primarily on creating customers, often forgetting that keeping them is the way to organic growth. And when they do focus on keeping customers, the focus is all too often on trying to trap them – requiring a phone call to cancel (I’m looking at you, TiVo and Comcast), or requiring contracts that assess fees to leave (Comcast, you again). Jeannie Bliss has been beating this drum for years. We need to listen to her. What matters is new customers minus attrition, plus how much those customers spend with you. Everything else is just window dressing." },
        // 19. CXOs: Three Ways to Help Save Your CMO’s Job: 55 words.
        { "cxos-three-ways-to-help-save-your-cmos-job", "According to Forrester Research, 30% of CEOs indicated that they are going to fire their CMOs this year. The primary reason? Too many CMOs haven’t adjusted to the concept of the customer journey that fluidly moves across touch points. According to Forrester’s Shar VanBoskirk, “Businesses are in a ‘post-digital era’ in which customers don’t think…" },
        // 20. What is the Most Important Contact Center Metric?: no "metrics2"; a sentence ends at word 52.
        { "what-is-the-most-important-contact-center-metric", "I presented at the ICMI CC Expo last month in Long Beach. It’s always a great conference, and I look forward to it each year. In the afternoon after my journey mapping workshop I attended a Justin Robbin’s session on metrics. Justin began by asking attendees the most important metric they tracked." },
    };

    private static readonly Lazy<Task<IReadOnlyDictionary<string, Post>>> Posts = new(async () =>
    {
        var reading = new PostReader(new ContentOptions(), SeedPages.Site).ReadAll(await SeedPages.ReadAsync());
        return reading.Posts.ToDictionary(post => post.CanonicalUrl.Segments[^1].TrimEnd('/'));
    });

    /// <summary>The excerpt as the feeds build it: the body, and the part before the more marker, each cleaned.</summary>
    private static async Task<Excerpt> ExcerptOf(string slug)
    {
        var post = (await Posts.Value)[slug];
        var cleaner = new HtmlCleaner();
        string? Clean(string? html) => html is null ? null : cleaner.Clean(html, post.CanonicalUrl).Html;
        var teaser = post.MoreMarker is { } marker ? post.BodyHtml[..marker] : null;
        return new ExcerptBuilder().Build(
            new ExcerptSource(post.Title, post.CanonicalUrl, Clean(post.BodyHtml)!, Clean(teaser), Clean(post.ManualExcerpt)),
            ExcerptBudget.Default);
    }

    [Theory]
    [MemberData(nameof(Excerpts))]
    public async Task A_seed_posts_excerpt_is_its_teaser_up_to_the_cut(string slug, string expected)
    {
        var excerpt = await ExcerptOf(slug);

        Assert.Equal(expected, excerpt.Text);
        Assert.True(excerpt.IsCut);
    }

    [Theory]
    [MemberData(nameof(Excerpts))]
    public async Task A_seed_posts_excerpt_has_none_of_the_artifacts_of_a_careless_extraction(string slug, string expected)
    {
        var excerpt = await ExcerptOf(slug);
        var html = XElement.Parse($"<root>{excerpt.Html}</root>");
        var readMore = html.Elements().Last();
        readMore.Remove();

        Assert.Equal(expected.Replace(" ", ""), html.Value.Replace(" ", ""));
        foreach (var artifact in (string[])["metrics2", "bad cx data", "Read more", "The-“Why”", "greatRead", "—–"])
        {
            Assert.DoesNotContain(artifact, excerpt.Text);
            Assert.DoesNotContain(artifact, excerpt.Html);
        }
        Assert.Empty(html.Descendants("img"));
        Assert.Equal($"<p><a href=\"https://www.heartofthecustomer.com/{slug}/\">Continue reading “{(await Posts.Value)[slug].Title}”</a></p>", readMore.ToString(SaveOptions.DisableFormatting));
    }
}
