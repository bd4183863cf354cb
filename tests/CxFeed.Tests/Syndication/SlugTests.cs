using CxFeed.Core.Syndication;

namespace CxFeed.Tests.Syndication;

public class SlugTests
{
    [Theory]
    [InlineData("CX Strategy", "cx-strategy")]
    [InlineData("journey mapping", "journey-mapping")]
    [InlineData("Journey Mapping", "journey-mapping")]
    [InlineData("COVID-19", "covid-19")]
    [InlineData("  Pre-Sales Journey, B2B Buying ", "pre-sales-journey-b2b-buying")]
    [InlineData("Café Expérience", "cafe-experience")]
    [InlineData("Voice of the Customer (VoC)", "voice-of-the-customer-voc")]
    public void A_name_becomes_its_wordpress_slug(string name, string slug)
    {
        Assert.Equal(slug, Slug.Of(name));
    }

    [Fact]
    public void A_name_of_punctuation_alone_still_gets_a_stable_slug()
    {
        Assert.Matches("^[0-9a-f]{12}$", Slug.Of("!!!"));
        Assert.Equal(Slug.Of("!!!"), Slug.Of("!!!"));
        Assert.NotEqual(Slug.Of("!!!"), Slug.Of("???"));
    }

    [Fact]
    public void A_name_with_a_lone_surrogate_or_a_control_character_still_gets_a_slug()
    {
        Assert.Equal("cx-strategy", Slug.Of("CX\u0001 \uD83DStrategy"));
    }
}
