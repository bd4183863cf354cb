namespace CxFeed.Tests.Cleaning;

/// <summary>
/// Cleaning the cleaner's output again changes nothing: the output is the one canonical form of
/// the content. Each case here was found by fuzzing (tests/CxFeed.Fuzz, target clean), minimised.
/// </summary>
public class StableOutputTests
{
    [Theory]
    // A link without an address is unwrapped; the title it had staged went to the next element
    // written, the first link inside it or the link made of an embed, before that link's href.
    [InlineData("<p><a title=\"Posts by Jim Tincher\">by <a href=\"/author/jim-tincher/\">Jim Tincher</a></a></p>", "<p>by <a href=\"https://www.heartofthecustomer.com/author/jim-tincher/\">Jim Tincher</a></p>")]
    [InlineData("<a title=\"T\"><audio src=\"/a.mp3\"></audio></a>", "<p><a href=\"https://www.heartofthecustomer.com/a.mp3\">Audio</a></p>")]
    [InlineData("<a title=\"T\"><iframe src=\"https://www.youtube.com/embed/abc123\" title=\"A talk\"></iframe></a>", "<p><a href=\"https://www.youtube.com/watch?v=abc123\">A talk</a></p>")]
    // A lazy image's sizes of only characters XML forbids was written as sizes="".
    [InlineData("<img data-srcset=\"/a.jpg\" sizes=\"\u0001\">", "<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" srcset=\"https://www.heartofthecustomer.com/a.jpg\" /></p>")]
    [InlineData("<img data-srcset=\"/a.jpg 1x\" data-sizes=\" \u0008 \" sizes=\"100vw\">", "<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" srcset=\"https://www.heartofthecustomer.com/a.jpg 1x\" sizes=\"100vw\" /></p>")]
    // A list item inside an element that is unwrapped inside a list item was written inside the first item.
    [InlineData("<ul><li>two<span><li>x</span></ul>", "<ul>\n<li>two</li>\n<li>x</li>\n</ul>")]
    [InlineData("<ul><li>two<oi><li>x</oi></ul>", "<ul>\n<li>two</li>\n<li>x</li>\n</ul>")]
    // A term or a description opened inside the open one (its wrapper unwrapped) stayed inside it.
    [InlineData("<dl><dt>s<dt>x</dt></dl>", "<dl>\n<dt>s</dt>\n<dt>x</dt>\n</dl>")]
    [InlineData("<dl><dt>s<span><dd>x</span></dl>", "<dl>\n<dt>s</dt>\n<dd>x</dd>\n</dl>")]
    // Only the last of the breaks at the end of a pre was trimmed; the next cleaning trimmed the one before it.
    [InlineData("<pre>p><brs\0p><br><i<br><br><brOd</p>", "<pre>p&gt;<br /><br /><br /></pre>")]
    // An image whose size is 1×1 once what XML forbids is left out was kept, then taken for a tracking pixel the next time.
    [InlineData("<p>Before</p><img src=\"/a.jpg\" width=\"1\" height=\"1\u001e\u001e\"><p>After</p>", "<p>Before</p>\n<p>After</p>")]
    [InlineData("<p>Before<img src=\"/a.jpg\" width=\"\u00181\" height=\"1\"></p>", "<p>Before</p>")]
    // A newline that came first into a pre after a removed comment was written right after <pre>, where the next parse drops it.
    [InlineData("<pre>\n<!-- a comment -->\n\tcode</pre>", "<pre>\n\n\tcode</pre>")]
    // A repeated attribute: the cleaner writes the first, as browsers read it, but the chrome rules
    // matched the last (HtmlAgilityPack's lookup by name), so a "Read more" link to the post itself
    // whose second href was another page was kept, written with its first href, and removed the next time.
    [InlineData("<p>Intro.</p><p><a href=\"/2021/01/bad-cx-data/#more-4215\" href=\"/about/\">Read more</a></p>", "<p>Intro.</p>")]
    [InlineData("<p>Intro.</p><p><a href=\"/about/\" href=\"/2021/01/bad-cx-data/#more-4215\">About us</a></p>", "<p>Intro.</p>\n<p><a href=\"https://www.heartofthecustomer.com/about/\">About us</a></p>")]
    [InlineData("<p>Intro.</p><p><a href=\"/2021/01/bad-cx-data/\" class=\"more-link\" class=\"button\">Read more</a></p>", "<p>Intro.</p>")]
    // A srcset URL that ends in a comma once a control after it is dropped ("a.jpg,\u0001") was
    // written with the comma, which the next reading takes for the end of the candidate.
    [InlineData("<img src=\"/a.jpg\" srcset=\"/a-300.jpg,\u0001 300w, /a.jpg 1024w\">", "<p><img src=\"https://www.heartofthecustomer.com/a.jpg\" srcset=\"https://www.heartofthecustomer.com/a-300.jpg%2C 300w, https://www.heartofthecustomer.com/a.jpg 1024w\" /></p>")]
    [InlineData("<img data-srcset=\"/a,b.jpg 2x\">", "<p><img src=\"https://www.heartofthecustomer.com/a,b.jpg\" srcset=\"https://www.heartofthecustomer.com/a,b.jpg 2x\" /></p>")]
    // A host of U+FFFD (a byte that was not UTF-8) was written as it was, or as no host at all
    // ("http:///?%EF%BF%BD'"), which the next reading percent-encoded or dropped: a host is written
    // in its ASCII (punycode) form, and one that has none is no address.
    [InlineData("<p>Before<img data-lazy-src=\"http://\u0019\uFFFD?\u0001&#0;'\"> after</p>", "<p>Before after</p>")]
    [InlineData("<p>See <a href=\"http://\uFFFD/a'\">this</a>.</p>", "<p>See this.</p>")]
    [InlineData("<p>See <a href=\"https://B\u00FCcher.example/a\">this</a>.</p>", "<p>See <a href=\"https://xn--bcher-kva.example/a\">this</a>.</p>")]
    // A "Read more" link whose href holds a control ("#m\u0085ore-4215") was kept, written without
    // the control, and removed by the next cleaning: chrome rules on attributes also judge the
    // values as they are written.
    [InlineData("<p>Intro.</p><p><a href=\"/2021/01/bad-cx-data/#m\u0085ore-4215\">Read more</a></p>", "<p>Intro.</p>")]
    // The same for the link a player becomes: a video whose address holds #more- was written as a
    // link to it, which the next cleaning removed.
    [InlineData("<p>Intro.</p><video src=\"/v.mp4#more-14\"></video><audio src=\"/a.mp3\"></audio>", "<p>Intro.</p>\n<p><a href=\"https://www.heartofthecustomer.com/a.mp3\">Audio</a></p>")]
    public void The_output_cleans_to_itself(string input, string expected)
    {
        var once = Clean.Html(input);

        Assert.Equal(expected, once);
        Assert.Equal(once, Clean.Html(once));
    }
}
