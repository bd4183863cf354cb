namespace CxFeed.Tests.Cleaning;

/// <summary>Tracking pixels leak who reads what; they are removed.</summary>
public class TrackingPixelTests
{
    [Theory]
    [InlineData("<p>Post<img src=\"https://example.com/open.gif\" width=\"1\" height=\"1\" alt=\"\"></p>")]
    [InlineData("<p>Post<img src=\"https://example.com/o.gif\" width=\"0\" height=\"0\"></p>")]
    [InlineData("<p>Post<img src=\"https://pixel.wp.com/g.gif?blog=1\"></p>")]
    [InlineData("<p>Post<img src=\"https://www.google-analytics.com/collect?v=1\"></p>")]
    [InlineData("<p>Post<img src=\"https://a.b.stats.wp.com/x.gif\"></p>")]
    [InlineData("<p>Post<img src=\"//feeds.feedburner.com/~r/blog/~4/abc\" height=\"1\" width=\"1\"></p>")]
    public void Tracking_pixels_are_removed(string input)
    {
        var report = Clean.Report(input);

        Assert.Equal("<p>Post</p>", report.Result.Html);
        Assert.Single(report.Of(Core.Cleaning.RemovalReason.TrackingPixel));
    }

    [Fact]
    public void A_small_real_image_is_not_a_pixel()
    {
        Assert.Equal(
            "<p><img src=\"https://example.com/icon.png\" width=\"16\" height=\"1\" /></p>",
            Clean.Html("<img src=\"https://example.com/icon.png\" width=\"16\" height=\"1\">"));
    }
}
