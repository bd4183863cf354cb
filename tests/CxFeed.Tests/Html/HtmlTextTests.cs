using CxFeed.Core.Html;

namespace CxFeed.Tests.Html;

public class HtmlTextTests
{
    [Theory]
    [InlineData("Heart & <Customer> \"CX\"", "Heart &amp; &lt;Customer&gt; &quot;CX&quot;")]
    [InlineData("&&", "&amp;&amp;")]
    [InlineData("’curly’ and é stay", "’curly’ and é stay")]
    [InlineData("", "")]
    public void Only_the_four_html_specials_are_escaped(string text, string escaped)
    {
        Assert.Equal(escaped, HtmlText.Escape(text));
    }
}
