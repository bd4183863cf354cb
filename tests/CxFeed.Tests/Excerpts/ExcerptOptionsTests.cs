using CxFeed.Core;
using CxFeed.Core.Excerpts;

namespace CxFeed.Tests.Excerpts;

public class ExcerptOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_name_the_title()
    {
        var options = new ExcerptOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("Continue reading “The Bots are Coming!”", options.ReadMore("The Bots are Coming!"));
        Assert.Equal("Continue reading", options.ReadMore(""));
    }

    [Fact]
    public void Every_bad_text_is_named_by_its_full_setting()
    {
        var options = new ExcerptOptions { ReadMoreText = " ", UntitledReadMoreText = "More of {title}" };

        Assert.Equal(
            [
                new Problem("CxFeed:Excerpts:ReadMoreText", "must not be empty"),
                new Problem("CxFeed:Excerpts:UntitledReadMoreText", "'More of {title}' cannot name the title: the post has none"),
            ],
            options.Validate());
    }
}
