namespace CxFeed.Tests.Cleaning;

/// <summary>Lazy-loaded images get their real source; the noscript copy is used only when it is the only copy.</summary>
public class LazyImageTests
{
    private const string Uploads = "https://www.heartofthecustomer.com/wp-content/uploads/";

    [Fact]
    public void A_wp_rocket_lazy_image_gets_its_real_source_and_loses_its_noscript_copy()
    {
        var input = "<figure class=\"wp-block-image size-large\"><img width=\"1024\" height=\"536\" src=\"data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201024%20536'%3E%3C/svg%3E\" alt=\"bad cx data\" class=\"wp-image-4216\" data-lazy-srcset=\"/wp-content/uploads/2021/01/bad-cx-data.jpg 1024w, /wp-content/uploads/2021/01/bad-cx-data-300x157.jpg 300w\" data-lazy-sizes=\"(max-width: 1024px) 100vw, 1024px\" data-lazy-src=\"/wp-content/uploads/2021/01/bad-cx-data.jpg\" /><noscript><img width=\"1024\" height=\"536\" src=\"/wp-content/uploads/2021/01/bad-cx-data.jpg\" alt=\"bad cx data\" /></noscript></figure>";

        Assert.Equal(
            $"<figure><img src=\"{Uploads}2021/01/bad-cx-data.jpg\" srcset=\"{Uploads}2021/01/bad-cx-data.jpg 1024w, {Uploads}2021/01/bad-cx-data-300x157.jpg 300w\" sizes=\"(max-width: 1024px) 100vw, 1024px\" alt=\"bad cx data\" width=\"1024\" height=\"536\" /></figure>",
            Clean.Html(input));
    }

    [Fact]
    public void A_jetpack_lazy_image_replaces_its_one_pixel_gif()
    {
        var input = "<p><img class=\"alignleft jetpack-lazy-image\" src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\" data-lazy-src=\"https://www.heartofthecustomer.com/wp-content/uploads/2017/01/metrics2-300x225.png\" alt=\"metrics2\" width=\"300\" height=\"225\" srcset=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\" /><noscript><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/2017/01/metrics2-300x225.png\" alt=\"metrics2\" /></noscript>I presented at the ICMI CC Expo.</p>";

        Assert.Equal(
            $"<p><img src=\"{Uploads}2017/01/metrics2-300x225.png\" alt=\"metrics2\" width=\"300\" height=\"225\" />I presented at the ICMI CC Expo.</p>",
            Clean.Html(input));
    }

    [Theory]
    [InlineData("data-src")]
    [InlineData("data-lazy-src")]
    [InlineData("data-original")]
    public void Each_lazy_source_attribute_replaces_a_placeholder(string attribute)
    {
        Assert.Equal(
            $"<p><img src=\"{Uploads}a.jpg\" alt=\"A\" /></p>",
            Clean.Html($"<img src=\"/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif\" {attribute}=\"/wp-content/uploads/a.jpg\" alt=\"A\">"));
    }

    [Theory]
    [InlineData("data-srcset")]
    [InlineData("data-lazy-srcset")]
    public void Each_lazy_srcset_attribute_replaces_an_empty_srcset(string attribute)
    {
        Assert.Equal(
            $"<p><img src=\"{Uploads}a.jpg\" srcset=\"{Uploads}a.jpg 800w, {Uploads}a-300.jpg 300w\" /></p>",
            Clean.Html($"<img src=\"/wp-content/uploads/a.jpg\" srcset=\"\" {attribute}=\"/wp-content/uploads/a.jpg 800w, /wp-content/uploads/a-300.jpg 300w\">"));
    }

    [Fact]
    public void A_noscript_copy_is_used_when_the_lazy_image_has_no_real_source()
    {
        Assert.Equal(
            $"<p><img src=\"{Uploads}real.jpg\" alt=\"Real\" /></p>",
            Clean.Html("<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" class=\"lazyload\"><noscript><img src=\"/wp-content/uploads/real.jpg\" alt=\"Real\"></noscript>"));
    }

    [Fact]
    public void A_noscript_alone_gives_up_its_image_and_nothing_else()
    {
        Assert.Equal(
            $"<p><img src=\"{Uploads}only.jpg\" /></p>",
            Clean.Html("<noscript><p>Enable JavaScript</p><img src=\"/wp-content/uploads/only.jpg\"></noscript>"));
    }

    [Fact]
    public void A_placeholder_with_no_real_source_anywhere_is_dropped()
    {
        var report = Clean.Report("<p>Text<img src=\"/wp-content/themes/x/images/spinner.gif\" data-src=\"\"></p>");

        Assert.Equal("<p>Text</p>", report.Result.Html);
        Assert.Single(report.Of(Core.Cleaning.RemovalReason.ImageWithoutSource));
    }

    [Theory]
    [InlineData("/wp-content/uploads/Theme-Loader.GIF", "<p><img src=\"https://www.heartofthecustomer.com/real.jpg\" srcset=\"https://www.heartofthecustomer.com/real.jpg 1x\" /></p>")]
    [InlineData("/wp-content/uploads/2020/05/journey-map.jpg", "<p><img src=\"https://www.heartofthecustomer.com/wp-content/uploads/2020/05/journey-map.jpg\" srcset=\"https://www.heartofthecustomer.com/real.jpg 1x\" /></p>")]
    public void A_configured_placeholder_marker_is_matched_in_the_file_name_ignoring_case(string src, string expected)
    {
        var cleaner = new Core.Cleaning.HtmlCleaner(Core.Cleaning.CleaningPolicy.Default with { PlaceholderImages = ["theme-loader", "theme-loader", "map.png"] });
        Assert.Equal(expected, Clean.Report($"<img src=\"{src}\" srcset=\"/real.jpg 1x\">", cleaner).Result.Html);
    }
    /// <summary>What themes and plugins keep in lazy-loading attributes besides an address.</summary>
    [Theory]
    [InlineData("data-src", "{&quot;mobile&quot;:&quot;/wp-content/uploads/2021/01/bad-cx-data-480.jpg&quot;,&quot;desktop&quot;:&quot;/wp-content/uploads/2021/01/bad-cx-data.jpg&quot;}")]
    [InlineData("data-src", "[&quot;/wp-content/uploads/2021/01/bad-cx-data.jpg&quot;]")]
    [InlineData("data-lazy-src", "true")]
    [InlineData("data-src", "lazy")]
    [InlineData("data-src", "")]
    [InlineData("data-src", "#")]
    [InlineData("data-original", "<img src=/wp-content/uploads/x.jpg>")]
    [InlineData("data-src", "image loading")]
    public void A_lazy_attribute_that_holds_no_address_leaves_a_good_src_alone(string attribute, string value)
    {
        var input = $"<figure class=\"wp-block-image size-large\"><img width=\"1024\" height=\"536\" src=\"/wp-content/uploads/2021/01/bad-cx-data.jpg\" {attribute}=\"{value}\" alt=\"bad cx data\" class=\"wp-image-4216 lazyload\" /></figure>";

        Assert.Equal(
            $"<figure><img src=\"{Uploads}2021/01/bad-cx-data.jpg\" alt=\"bad cx data\" width=\"1024\" height=\"536\" /></figure>",
            Clean.Html(input));
    }

    [Fact]
    public void A_lazy_srcset_that_holds_json_leaves_a_good_srcset_alone()
    {
        var input = "<img src=\"/wp-content/uploads/a.jpg\" srcset=\"/wp-content/uploads/a.jpg 800w, /wp-content/uploads/a-300.jpg 300w\" data-srcset=\"{&quot;800w&quot;:&quot;a.jpg&quot;}\" alt=\"A\">";

        Assert.Equal(
            $"<p><img src=\"{Uploads}a.jpg\" srcset=\"{Uploads}a.jpg 800w, {Uploads}a-300.jpg 300w\" alt=\"A\" /></p>",
            Clean.Html(input));
    }

    [Theory]
    [InlineData("a.jpg", "https://www.heartofthecustomer.com/cx-needs-change-management/a.jpg")]
    [InlineData("//cdn.example.com/a.jpg", "https://cdn.example.com/a.jpg")]
    [InlineData(" https://i0.wp.com/www.heartofthecustomer.com/a.jpg?resize=300%2C200&amp;ssl=1 ", "https://i0.wp.com/www.heartofthecustomer.com/a.jpg?resize=300%2C200&amp;ssl=1")]
    public void A_lazy_attribute_with_an_address_still_replaces_the_placeholder(string value, string expected)
    {
        Assert.Equal(
            $"<p><img src=\"{expected}\" alt=\"A\" /></p>",
            Clean.Html($"<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"{value}\" alt=\"A\">"));
    }
}
