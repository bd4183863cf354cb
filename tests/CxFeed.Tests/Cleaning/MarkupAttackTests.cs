namespace CxFeed.Tests.Cleaning;

/// <summary>SVG and MathML, style, meta and base, forms, frames and objects: dropped with what they hold.</summary>
public class MarkupAttackTests
{
    [Theory]
    [InlineData("<svg onload=alert(1)><circle r=\"5\"/></svg><p>After</p>", "<p>After</p>")]
    [InlineData("<svg><script>alert(1)</script></svg>", "")]
    [InlineData("<svg><a xlink:href=\"javascript:alert(1)\"><text>click</text></a></svg>", "")]
    [InlineData("<svg><animate attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>", "")]
    [InlineData("<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>", "")]
    [InlineData("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "")]
    [InlineData("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>", "")]
    [InlineData("<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">", "")]
    public void Svg_and_mathml_are_dropped_with_their_content(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Theory]
    [InlineData("<style>body{background:url(javascript:alert(1))}</style><p>x</p>", "<p>x</p>")]
    [InlineData("<p style=\"background:url('javascript:alert(1)')\">x</p>", "<p>x</p>")]
    [InlineData("<p style=\"width:expression(alert(1))\">x</p>", "<p>x</p>")]
    [InlineData("<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\"><a href=\"https://evil.example/\">Win</a></div>",
        "<p><a href=\"https://evil.example/\">Win</a></p>")]
    [InlineData("<p><span style=\"behavior:url(x.htc)\">x</span></p>", "<p>x</p>")]
    public void Style_elements_and_attributes_are_removed(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Theory]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><p>x</p>", "<p>x</p>")]
    [InlineData("<base href=\"javascript:alert(1)//\"><a href=\"/x\">x</a>", "<p><a href=\"https://www.heartofthecustomer.com/x\">x</a></p>")]
    [InlineData("<base href=\"https://evil.example/\"><img src=\"a.jpg\">", "<p><img src=\"https://www.heartofthecustomer.com/cx-needs-change-management/a.jpg\" /></p>")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\"><p>x</p>", "<p>x</p>")]
    [InlineData("<title><img src=x onerror=alert(1)></title><p>x</p>", "<p>x</p>")]
    public void Meta_base_link_and_title_are_dropped(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Theory]
    [InlineData("<form action=\"javascript:alert(1)\"><input type=\"submit\" value=\"Go\"></form><p>x</p>", "<p>x</p>")]
    [InlineData("<button formaction=\"javascript:alert(1)\">Click</button>", "")]
    [InlineData("<input autofocus onfocus=alert(1)>", "")]
    [InlineData("<select onchange=alert(1)><option>a</option></select>", "")]
    [InlineData("<textarea onfocus=alert(1) autofocus>t</textarea>", "")]
    [InlineData("<isindex action=\"javascript:alert(1)\" type=\"image\">", "")]
    [InlineData("<p>Name <label for=\"n\">Your name</label></p>", "<p>Name</p>")]
    public void Forms_and_their_controls_are_dropped(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));

    [Theory]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>", "")]
    [InlineData("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "")]
    [InlineData("<object data=\"javascript:alert(1)\"></object>", "")]
    [InlineData("<embed src=\"javascript:alert(1)\">", "")]
    [InlineData("<applet code=\"x\"></applet>", "")]
    [InlineData("<frameset><frame src=\"javascript:alert(1)\"></frameset>", "")]
    [InlineData("<canvas id=\"c\">fallback</canvas>", "")]
    public void Frames_objects_and_canvases_are_dropped(string input, string expected) =>
        Assert.Equal(expected, Clean.Html(input));
}
