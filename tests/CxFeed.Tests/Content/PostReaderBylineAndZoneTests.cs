using CxFeed.Core.Content;
using static CxFeed.Tests.Content.Reader;

namespace CxFeed.Tests.Content;

/// <summary>
/// Bylines that name a publication, a desk or a role beside the person; Parse.ly's older tag;
/// bylines written as text; and dates whose zone or instant the rest of the page sets right —
/// each in the shape a real news site or theme prints it.
/// </summary>
public class PostReaderBylineAndZoneTests
{
    private const string Metadata = $"""
        <link rel="canonical" href="{WordPressPage.Url}" />
        <meta property="og:site_name" content="Heart of the Customer" />
        <meta property="article:published_time" content="2021-03-16T15:00:00+00:00" />
        """;

    private const string Heading = """<h1 class="entry-title">Journey Mapping Mistakes to Avoid</h1>""";

    private static WordPressPage Page(string header = "", string metadata = Metadata, string content = WordPressPage.Paragraphs) => new()
    {
        Metadata = metadata,
        EntryHeader = Heading + header,
        Content = content,
    };

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Advance Local's sites (al.com, nj.com): the name, then the newsroom.
    [InlineData("Ari Wasserman, Northeast Ohio Media Group")]
    // Deadline: the name in capitals, then the role.
    [InlineData("JIM TINCHER, Executive Editor")]
    // Business Insider's syndicated posts: the name, then the partner blog.
    [InlineData("Jim Tincher, The Aviationist")]
    // Fortune's reprints: the name, then the magazine's name in capitals.
    [InlineData("Jim Tincher, TIME")]
    // A newspaper's domain after the name.
    [InlineData("Jim Tincher, NOLA.com | The Times-Picayune")]
    public void A_publication_or_a_role_beside_the_name_is_not_an_author(string written)
    {
        var post = Post(Page(metadata: Metadata + $"""<meta name="author" content="{written}" />"""));

        Assert.Single(post.Authors);
        Assert.NotEqual("", post.Authors[0]);
        Assert.DoesNotContain(post.Authors, name => name.Contains("Group", StringComparison.Ordinal) || name.Contains("Editor", StringComparison.Ordinal)
            || name.Contains("The ", StringComparison.Ordinal) || name == "TIME" || name.Contains(".com", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GQ Magazine")]
    [InlineData("Us Weekly Staff")]
    [InlineData("ASCII")]
    [InlineData("Sports Editor")]
    public void A_publication_or_a_desk_in_the_author_meta_gives_way_to_the_byline(string publication)
    {
        var post = Post(Page(
            """<span class="author">By <cite class="vcard author"><a href="/contributors/jim-tincher" title="search site for content by Jim Tincher">Jim Tincher</a></cite></span>""",
            Metadata + $"""<meta name="Author" content="{publication}" />"""));

        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    [Fact]
    public void Pew_s_links_beside_each_name_are_not_authors()
    {
        var post = Post(Page("""
            <div class="byline"><a rel="author" href="/staff/jim-tincher/">Jim Tincher</a> and <a rel="author" href="/staff/nicole-newton/">Nicole Newton</a></div>
            <div class="bio"><a rel="author" href="/staff/jim-tincher/">Posts</a> | <a rel="author" href="/staff/jim-tincher/#bio">Bio</a></div>
            """));

        Assert.Equal<string>(["Jim Tincher", "Nicole Newton"], post.Authors);
    }

    [Fact]
    public void Parse_ly_s_page_tag_gives_the_author_where_the_byline_shows_only_a_role()
    {
        // The Daily Caller: the author box shows the role, the name is in parsely-page.
        var metadata = Metadata + """<meta name='parsely-page' id='parsely-page' content='{"title":"Journey Mapping Mistakes to Avoid","link":"https:\/\/www.heartofthecustomer.com\/journey-mapping-mistakes-to-avoid\/","author":"Jim Tincher","pub_date":"2021-03-16T15:00:00Z","section":"CX"}' />""";

        var post = Post(Page("""<div class="author-box clearfix"><div class="authortitle">Sports Editor</div></div>""", metadata));

        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    [Fact]
    public void Parse_ly_s_page_tag_dates_a_page_that_shows_no_date_but_not_one_that_does()
    {
        const string parsely = """<meta name='parsely-page' content='{"title":"Journey Mapping Mistakes to Avoid","author":"Jim Tincher","pub_date":"2014-10-29 at 07:38:00AM EST"}' />""";
        var canonical = $"""<link rel="canonical" href="{WordPressPage.Url}" />""";

        var undated = Post(Page(metadata: canonical + parsely));
        var dated = Post(Page("""<div class="entry-meta">October 29, 2014 07:38am ET</div>""", canonical + parsely));

        Assert.Equal(At("2014-10-29T07:38:00-05:00"), undated.Published);
        Assert.Equal(At("2014-10-29T07:38:00-04:00"), dated.Published);
    }

    [Fact]
    public void The_New_York_Times_byline_prefix_marked_apart_gives_every_name()
    {
        var post = Post(Page("""
            <p class="css-4anu6l e1jsehar1"><span class="byline-prefix">By </span><span class="css-1baulvz" itemprop="name"><a href="https://www.nytimes.com/by/maggie-haberman">Maggie Haberman</a>,&#xA0;</span><span class="css-1baulvz" itemprop="name"><a href="https://www.nytimes.com/by/mark-landler">Mark Landler</a> and </span><span class="css-1baulvz last-byline" itemprop="name"><a href="https://www.nytimes.com/by/edward-wong">Edward Wong</a></span></p>
            """));

        Assert.Equal<string>(["Maggie Haberman", "Mark Landler", "Edward Wong"], post.Authors);
    }

    [Fact]
    public void Co_authors_inside_one_microdata_person_are_all_kept_without_their_agency()
    {
        var post = Post(Page("""
            <div class="hidden" itemprop="author" itemscope="" itemtype="http://schema.org/Person"><span itemprop="name">Paul Wiseman</span><span itemprop="name">Fatima Hussein, The Associated Press</span></div>
            """));

        Assert.Equal<string>(["Paul Wiseman", "Fatima Hussein"], post.Authors);
    }

    [Theory]
    // Quartz: generated class names, the byline is only text.
    [InlineData("""<div class="MiiXW"><div class="_ceVT">By <span class="rlwyg">Jim Tincher</span></div><div class="rpyRU">Published <time datetime="2021-03-16T15:00:00.000Z">March 16, 2021</time></div></div>""")]
    // Thought Catalog: a <cite> classed for the writer, with the date after a comma.
    [InlineData("""<div><cite class="tc_article-meta-writer-name"> By <a title="More by Jim Tincher" href="https://thoughtcatalog.com/jim-tincher/"> Jim Tincher</a>, <time class="article-date" datetime="2021-03-16 10:00:00-05:00">March 16th 2021</time></cite></div>""")]
    public void A_byline_written_as_text_between_the_heading_and_the_prose_gives_the_author(string header)
    {
        var post = Post(Page(header));

        Assert.Equal<string>(["Jim Tincher"], post.Authors);
    }

    [Fact]
    public void A_writer_s_link_in_the_site_menu_is_not_the_post_s_author()
    {
        // MLive: the menu links to a columnist's page before the post's own byline.
        var html = Page("""<span class="author vcard"><a class="bl" href="http://connect.mlive.com/staff/dmoran6/posts.html"> Darcie Moran | dmoran@mlive.com </a></span>""").Html.Replace(
            "<main id=\"main\" class=\"site-main\" role=\"main\">",
            """<main id="main" class="site-main" role="main"><ul class="advMenuSub advMenu"><li><a href="http://connect.mlive.com/staff/torregrossa/posts.html">Forecasts from Mark Torregrossa</a></li></ul>""",
            StringComparison.Ordinal);
        Assert.Contains("advMenu", html, StringComparison.Ordinal);

        var post = Post(Reader.Page(WordPressPage.Slug + ".html", html));

        Assert.Equal<string>(["Darcie Moran"], post.Authors);
    }

    [Fact]
    public void A_publication_time_labelled_UTC_but_later_than_the_update_gives_way_to_the_time_element()
    {
        // Gizmodo Japan: the local time written with a Z, the <time> with its real offset.
        var page = Page(
            """<time class="p-post-date" datetime="2019-04-19T20:00:00+09:00">2019.04.19 20:00</time>""",
            Metadata.Replace("2021-03-16T15:00:00+00:00", "2019-04-19T20:00:00.000Z", StringComparison.Ordinal)
                + """<meta property="article:modified_time" content="2019-04-19T13:19:00.000Z" />""");

        var reading = Read(page);

        Assert.Equal(At("2019-04-19T20:00:00+09:00"), reading.Post?.Published);
        Assert.Contains(
            "has a publication date '2019-04-19T20:00:00.000Z' (article:published_time) later than its modification date: '2019-04-19T20:00:00+09:00' (<time>) is used",
            Reasons(reading));
    }

    [Fact]
    public void A_time_written_without_its_zone_takes_the_zone_the_page_writes_it_with()
    {
        // CNNMoney: <meta name="date"> without offset, "First published … 3:33 AM ET" at the end of the story.
        var page = Page(
            metadata: $"""<link rel="canonical" href="{WordPressPage.Url}" /><meta name="date" content="2016-11-29 03:33:08" />""",
            content: WordPressPage.Paragraphs + """<div class="storytimestamp"><span class="cnnDateStamp">First published November 29, 2016: 3:33 AM ET</span></div>""");

        var post = Post(page);

        Assert.Equal(At("2016-11-29T03:33:08-05:00"), post.Published);
    }

    [Fact]
    public void A_day_without_a_time_takes_the_time_and_zone_the_date_line_writes_for_that_day()
    {
        // Deadline: Sailthru's tag gives the day only, the byline the minute and its zone.
        var page = Page(
            """<div class="post-meta"><span class="author">By JIM TINCHER, Executive Editor</span> | Friday March 16, 2021 @ 6:43pm EDT</div>""",
            $"""<link rel="canonical" href="{WordPressPage.Url}" /><meta name="sailthru.date" content="March 16, 2021" />""");

        var post = Post(page);

        Assert.Equal(At("2021-03-16T18:43:00-04:00"), post.Published);
    }

    [Fact]
    public void A_day_without_a_time_is_kept_where_the_date_line_writes_another_day()
    {
        var page = Page(
            """<div class="post-meta">Updated Wednesday March 17, 2021 @ 9:05am EDT</div>""",
            $"""<link rel="canonical" href="{WordPressPage.Url}" /><meta name="sailthru.date" content="March 16, 2021" />""");

        var post = Post(page);

        Assert.Equal(At("2021-03-16T00:00:00-05:00"), post.Published);
    }

    [Fact]
    public void A_date_line_followed_by_a_share_bar_keeps_its_zone()
    {
        // The Times of India: the zone is the last word of the line, the share bar's text follows.
        var page = Page(
            """<div class="C--nQ byline_action"><div class="yYIu- byline">Jim Tincher / TNN / <span>Updated: Oct 9, 2019, 11:05 IST</span></div><div class="_1iPQX"><span>Share</span></div></div>""",
            $"""<link rel="canonical" href="{WordPressPage.Url}" />""");

        var post = Post(page);

        Assert.Equal(At("2019-10-09T11:05:00+05:30"), post.Published);
    }

    [Fact]
    public void A_site_name_after_a_full_width_colon_without_spaces_is_taken_off()
    {
        // Asahi Shimbun: og:site_name written with name=, the title "見出し：朝日新聞デジタル".
        var page = new WordPressPage
        {
            Metadata = Metadata + """<meta content="&#x671D;&#x65E5;&#x65B0;&#x805E;&#x30C7;&#x30B8;&#x30BF;&#x30EB;" name="og:site_name"><meta property="og:title" content="メディア芸術祭賞、「チコちゃんに叱られる！」が受賞：朝日新聞デジタル" />""",
            EntryHeader = "",
        };

        Assert.Equal("メディア芸術祭賞、「チコちゃんに叱られる！」が受賞", Post(page).Title);
    }

    [Fact]
    public void The_heading_with_a_typographic_apostrophe_is_the_title_that_has_a_typewriter_one_and_a_section()
    {
        // CNN: og:title "Why Donald Trump won't change | CNN Politics", the heading "Why Donald Trump won’t change".
        var page = new WordPressPage
        {
            Metadata = Metadata + """<meta property="og:title" content="Why Donald Trump won't change | CNN Politics" />""",
            TitleTag = "Why Donald Trump won't change | CNN Politics",
            EntryHeader = "<h1>Why Donald Trump won’t change</h1>",
        };

        Assert.Equal("Why Donald Trump won’t change", Post(page).Title);
    }

    [Fact]
    public void The_h1_above_the_post_wins_over_a_social_title_on_the_same_subject_but_not_a_pop_up_s()
    {
        // The Times of India: og:title written for sharing, the <h1> the readers see.
        var shared = new WordPressPage
        {
            Metadata = Metadata + """<meta property="og:title" content="Kashmir issue: China snubs Imran Khan, says resolve Jammu and Kashmir bilaterally | India News - Times of India" />""",
            EntryHeader = "<h1>China snubs Imran Khan, says resolve J&amp;K bilaterally</h1>",
        };
        // CNNMoney: an <h1> in a pop-up before the story.
        var popUp = Reader.Page(WordPressPage.Slug + ".html", new WordPressPage
        {
            Metadata = Metadata + """<meta property="og:title" content="Hundreds of Chicago O'Hare airport workers go on strike" />""",
            EntryHeader = "",
        }.Html.Replace(
            "<main id=\"main\" class=\"site-main\" role=\"main\">",
            """<main id="main" class="site-main" role="main"><div class="overlay"><h1>thanks for visiting cnnmoney.</h1></div>""",
            StringComparison.Ordinal));

        Assert.Equal("China snubs Imran Khan, says resolve J&K bilaterally", Post(shared).Title);
        Assert.Equal("Hundreds of Chicago O'Hare airport workers go on strike", Post(popUp).Title);
    }
}
