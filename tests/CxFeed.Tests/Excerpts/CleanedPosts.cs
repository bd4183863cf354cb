namespace CxFeed.Tests.Excerpts;

/// <summary>
/// Post bodies as the cleaner gives them for WordPress posts with the artifacts of the seed
/// documents: an image inline before the first word, an image alone in its paragraph, the
/// slug-like caption around the title, a "Read more" link glued to the last word.
/// </summary>
public static class CleanedPosts
{
    public const string Site = "https://www.heartofthecustomer.com/";

    public static Uri Link(string slug) => new($"{Site}{slug}/");

    public const string MetricTitle = "What is the Most Important Contact Center Metric?";

    public const string MetricBody = """
        <p><img src="https://www.heartofthecustomer.com/wp-content/uploads/2017/01/metrics2.jpg" alt="metrics2" width="300" height="200" />I presented at the ICMI CC Expo last month in Long Beach. It’s always a great conference, and I look forward to it each year.</p>
        <p>In the afternoon after my journey mapping workshop I attended a Justin Robbin’s session on metrics. Justin began by asking attendees the most important metric they tracked.</p>
        <p>Think about it for a minute. Of everything you look at, which is the single most important item?</p>
        <p>The first respondent said, “ASA [Average Speed to Answer],” whereas another followed up with “productivity.” This was followed by “response time,” “commission” and “occupancy.”</p>
        """;

    public const string DataTitle = "2021: The Year of CX Data";

    public const string DataBody = """
        <p><img src="https://www.heartofthecustomer.com/wp-content/uploads/2021/01/bad-cx-data.jpg" alt="bad cx data" width="1024" height="683" /></p>
        <p>Given the year we’ve had, we need to talk hygiene. Because I suspect you’ve been neglecting it.</p>
        <p>Not because of the sweatpants you wore in that Zoom meeting, or that you don’t always sing “Happy Birthday” twice when you wash your hands.</p>
        <p>I mean digital hygiene, and the need to clean your data.</p>
        <p>Each of the past five years have been hailed as the “The Year of Digital Transformation.” We thought we were working hard to digitize our experiences.</p>
        """;

    public const string WhyTitle = "The “Why” Behind CX Pros’ Failure to Prove Business Results";

    public const string WhyBody = """
        <figure><img src="https://www.heartofthecustomer.com/wp-content/uploads/2019/04/The-Why-Behind-CX-Pros-Failure-to-Prove-Business-Results.png" alt="The-“Why”-Behind-CX-Pros’-Failure-to-Prove-Business-Results" width="800" height="400" />
        <figcaption>The-“Why”-Behind-CX-Pros’-Failure-to-Prove-Business-Results</figcaption></figure>
        <h2>The “Why” Behind CX Pros’ Failure to Prove Business Results</h2>
        <p>The-“Why”-Behind-CX-Pros’-Failure-to-Prove-Business-Results</p>
        <p>A while back, I <a href="https://www.heartofthecustomer.com/1-in-4-cx-pros-will-lose-their-jobs/">posted here</a> on Forrester’s prediction that 1 in 4 CX pros will lose their jobs this year. When CustomerThink reposted my thoughts on this, it generated a great conversation, with Sampson Lee, Shep Hyken, Lynn Hunsaker, Harley Manning, Bob Thompson, and others weighing in in the comments section.</p>
        <p>One issue that came up repeatedly was why CX Pros don’t tie into business results.</p>
        """;

    public const string ExtraMileTitle = "Don’t “Go the Extra Mile” in the Wrong Direction!";

    public const string ExtraMileTeaser = """
        <p>For example, one Heart of the Customer client focused on same-day shipping for every service request. You ask for it today, they get it out to you today. That sounds better than “good,” right? It seems downright great<a href="https://www.heartofthecustomer.com/dont-go-the-extra-mile-in-the-wrong-direction/#more-4520">Read more</a></p>
        """;

    public const string ExtraMileBody = ExtraMileTeaser + """
        <p>But the client’s customers did not need it that day.</p>
        """;
}
