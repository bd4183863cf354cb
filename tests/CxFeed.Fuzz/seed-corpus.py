#!/usr/bin/env python3
"""Writes the seed corpora (corpus/TARGET/) from the project's own seeds (seeds/posts, feeds/) and
hand-written edge cases. Run from anywhere; it replaces the generated files (seed-*) and keeps the
rest (the inputs fuzzing found, minimised: crash-*, hang-*). Small inputs on purpose: afl-fuzz
mutates the first kilobytes most."""
import json, os, re, glob

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SEEDS = sorted(glob.glob(os.path.join(ROOT, "seeds", "posts", "*.html")))
HOME = "https://www.heartofthecustomer.com"

def write(target, name, data):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

def clear():
    for path in glob.glob(os.path.join(HERE, "corpus", "*", "seed-*")):
        os.remove(path)

def compact(page):
    """The page without what no parser here looks into: stylesheets, scripts other than JSON-LD, icons."""
    page = re.sub(r"<style[^>]*>.*?</style>", "", page, flags=re.S)
    page = re.sub(r"<script(?![^>]*ld\+json)[^>]*>.*?</script>", "", page, flags=re.S)
    page = re.sub(r"<link rel=['\"](?:dns-prefetch|stylesheet|icon|apple-touch-icon|preconnect|profile|alternate)['\"][^>]*>\n?", "", page)
    page = re.sub(r"<link href=[^>]*>\n?", "", page)
    return page

def body(page):
    """The post's body as the page has it: the article, else the entry content."""
    match = re.search(r"<article\b.*?</article>", page, flags=re.S) or re.search(r"<div class=\"entry-content.*?</div>\s*</div>", page, flags=re.S)
    return match.group(0) if match else ""

def cut(html, size):
    """At most size characters, ending before a tag."""
    if len(html) <= size:
        return html
    end = html.rfind("<", 0, size)
    return html[:end if end > 0 else size]

def slug(path):
    return os.path.basename(path)[:-5]

def decode(path):
    """A seed's text and the encoding it is written in (one seed is windows-1252, as its page declares)."""
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace"), "cp1252"

encodings = {}
pages = []
for path in SEEDS:
    text, encoding = decode(path)
    encodings[slug(path)] = encoding
    pages.append((slug(path), text))

# Hand-written cases, shared by the cleaner and the excerpt builder.
FRAGMENTS = {
    "script-and-handlers": '<p onclick="x()">Hi<script>alert(1)</script> <a href="jav&#x09;ascript:alert(1)">there</a> <img src=x onerror=alert(1)></p>',
    "lazy-images": '<p>Before</p><img src="data:image/gif;base64,R0lGOD" data-lazy-src="/wp-content/uploads/a.jpg" data-lazy-srcset="/a-300.jpg 300w, /a-1024.jpg 1024w" width="1" height="1"><noscript><img src="/wp-content/uploads/a.jpg"></noscript><p>After</p>',
    "caption": '<div id="attachment_9" class="wp-caption aligncenter"><img src="/b.png" alt="bad cx data" width="600" height="300"><p class="wp-caption-text">The-“Why”-Behind-CX</p></div><p>Text</p>',
    "table-foster": "<table><tr><td>cell</td></tr><p>foster</p>text<tr><th scope=row colspan=2>h</th></tr></table><table><p>note<tr><td>x</td></table>",
    "word-paste": '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><p class="MsoNormal" style="mso-list:l0">' "<![if !supportLists]>1.<![endif]>One<o:p></o:p></p><!--[if !vml]--><img src=\"/w.png\"><!--[endif]-->",
    "references": "<p>&#xD800;&#0;&#x110000;&#150;&#x1F600;&amp;&lt;&nbsp;&nbsp;&copy&notin;&NotAName; \u0001\u000b\ufffe text</p>",
    "nesting": "<div>" * 300 + "deep" + "<b><i>" * 50 + "</div>" + "<p>x" * 40,
    "blocks-in-inline": "<a href=/a><div>block in a link</div><a href=/b>link in link</a></a><h1>Title</h1><h2><p>para in heading</p></h2><ul><li>one<li>two<ol start=3 reversed><li>x</ol></ul>",
    "chrome": '<div class="sharedaddy">Share</div><p>Keep this.</p><div class="jp-relatedposts">Related</div><a class="more-link" href="#more-12">Read more</a><div id="comments">c</div>',
    "embeds": '<iframe src="https://www.youtube.com/embed/abc123" title="A talk"></iframe><video src="/v.mp4"></video><audio><source src="/a.mp3"></audio><iframe src="https://maps.example/x"></iframe>',
    "pre-and-space": "<pre>\n  keep   this\n\tspace</pre><p>  collapse \t\n this  </p><p>&nbsp;</p><p></p><br><br><p>x<br><br><br>y</p>",
    "toc": '<p>Table of Contents</p><ul><li><a href="#one">One</a></li><li><a href="#two">Two</a><ul><li><a href="#three">3</a></li></ul></li></ul><h2 id="one">One</h2><p>Words e.g. these. And “quotes” — dashes… end.</p>',
    "scripts-without-spaces": "<p>iPhoneで写真を撮る。ภาษาไทยไม่มีช่องว่าง 한국어는 띄어쓰기를 합니다. 👨‍👩‍👧 🇺🇸 e\u0301</p>",
    "title-repeated": '<h2>A post’s title</h2><p>A-Post’s-Title</p><p>—–</p><p>First words, and more; then: (an aside) “quoted” text.</p>',
    "attributes": '<img src="//cdn.example/i.jpg" srcset="a.jpg 1x, b.jpg 2x" sizes="auto" width="99999999" height="-1" alt=" spaced   alt "><td colspan=0 rowspan=70000><q cite="\\\\evil.example\\x">q</q><time datetime=" 2024-05-01 ">May</time>',
}

clear()

# page: the seed pages, compacted, and pages that exercise the charset prescan, JSON-LD and the problems.
for name, page in pages[:14]:
    write("page", name + ".html", compact(page).encode(encodings[name], "replace"))
head = '<!DOCTYPE html><html><head>{meta}<title>Ünïcödé post</title><link rel="canonical" href="/a-post/"></head><body><article><h1>Ünïcödé post</h1><time datetime="2024-05-01T10:00:00+02:00">May 1</time><div class="entry-content"><p>Café – “quoted” text.</p><!--more--><p>Rest</p></div></article></body></html>'
write("page", "charset-1252.html", head.format(meta='<meta charset="windows-1252">').encode("cp1252", "replace"))
write("page", "charset-http-equiv-latin1.html", head.format(meta='<!-- <meta charset="utf-16"> --><meta http-equiv="Content-Type" content="text/html; charset=\'iso-8859-1\'">').encode("latin-1", "replace"))
write("page", "charset-unknown-label.html", head.format(meta='<meta charset="x-no-such">'))
write("page", "bom-utf16le.html", b"\xff\xfe" + head.format(meta="").encode("utf-16-le"))
write("page", "bom-utf16be.html", b"\xfe\xff" + head.format(meta="").encode("utf-16-be"))
write("page", "invalid-utf8.html", head.format(meta='<meta charset="utf-8">').encode("utf-8").replace(b"Caf\xc3\xa9", b"Caf\xc3\x28\xff"))
write("page", "json-ld-graph.html", '<html><head><title>T</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","url":"https://blog.example/p/"},{"@type":["BlogPosting","Article"],"headline":"JSON-LD title","datePublished":"2024-05-01T10:00:00Z","dateModified":"2024-04-01","author":[{"@type":"Person","name":"Jim Tincher"},"Ann"],"image":{"url":"/i.jpg","width":"1200"},"mainEntityOfPage":{"@id":"https://blog.example/p/"}}]}</script></head><body><main><p>Body text of the post, long enough to count as one.</p></main></body></html>')
write("page", "json-ld-broken.html", '<html><head><title>T</title><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"yesterday",,</script><meta property="article:published_time" content="2024-13-45"></head><body><div class="entry-content"><p>x</p></div></body></html>')
write("page", "og-article.html", '<html><head><meta property="og:title" content="OG &amp; title"><meta property="article:published_time" content="2024-05-01T10:00:00Z"><meta property="article:modified_time" content="2024-05-03T10:00:00Z"><meta property="article:author" content="Jim Tincher"><meta property="article:tag" content="CX"><meta property="article:section" content="Data"><meta property="og:image" content="/og.jpg"></head><body><article class="post type-post hentry"><div class="entry-summary"><p>Manual excerpt.</p></div><div class="entry-content"><p>Text<span id="more-42"></span> more</p></div></article></body></html>')
write("page", "listing.html", "<html><head><title>Posts</title></head><body>" + "".join(f'<article class="post"><h2><a href="/p{i}/">Post {i}</a></h2><time datetime="2024-05-0{i}">d</time><p>Teaser {i} <a href="/p{i}/">Read more</a></p></article>' for i in range(1, 5)) + "</body></html>")
write("page", "not-html-pdf.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
write("page", "not-html-text.html", "just some notes, no markup at all\n")
write("page", "empty.html", b"")
write("page", "binary-nul.html", b"<html>\x00\x00\x01<body>")
write("page", "written-date.html", '<html><head><title>Dated</title></head><body><div class="post"><h1>Dated</h1><p class="byline">By Jim Tincher on January 12th, 2021</p><div class="entry-content"><p>Body.</p></div></div></body></html>')

# clean: the seeds' bodies (their first 3 kB) and the hand-written cases.
for name, page in pages:
    write("clean", name + ".html", cut(body(page), 3000))
for name, html in FRAGMENTS.items():
    write("clean", name + ".html", html)
write("clean", "whole-page.html", compact(pages[0][1]))

# excerpt: the first byte is the budget (below 128: words, else characters), then the HTML.
budgets = [55, 8, 1, 30, 128 + 80, 128 + 4, 255, 12]
for i, (name, page) in enumerate(pages[:12]):
    html = cut(body(page), 2500)
    if i % 3 == 0:
        paragraphs = html.split("</p>")
        html = "</p>".join(paragraphs[:2]) + "</p><!--more-->" + "</p>".join(paragraphs[2:]) if len(paragraphs) > 2 else html
    write("excerpt", name + ".html", bytes([budgets[i % len(budgets)]]) + html.encode("utf-8"))
for i, (name, html) in enumerate(FRAGMENTS.items()):
    write("excerpt", name + ".html", bytes([budgets[(i + 3) % len(budgets)]]) + html.encode("utf-8"))

# feed: the project's feed definitions and variations on every field.
for path in sorted(glob.glob(os.path.join(ROOT, "feeds", "*.json"))):
    write("feed", os.path.basename(path), open(path, "rb").read())
feeds = {
    "partner": {"title": "Partner", "access": "partner", "partners": ["customerthink"], "posts": {"categories": ["CX Data"], "tags": ["journey"], "authors": ["Jim Tincher"]}, "content": "full", "attribution": "<p>First published on {site}: <a href=\"{link}\">{title}</a> by {author}</p>", "linkParameters": {"utm_source": "feed"}, "limit": 20, "formats": ["rss"]},
    "chars": {"title": "Chars", "posts": "all", "content": "excerpt", "excerpt": {"chars": 200}, "itemsPerPage": 0, "formats": ["json", "atom", "rss", "rss"]},
    "wrong-types": {"title": 5, "posts": ["a"], "content": None, "excerpt": {"words": -3, "chars": 9}, "formats": "rss", "limit": "ten", "unknown": True},
    "empty-object": {},
}
for name, value in feeds.items():
    write("feed", name + ".json", json.dumps(value, ensure_ascii=False, indent=1))
write("feed", "array.json", "[1, 2, 3]")
write("feed", "not-json.json", "{ \"title\": \"x\", ")
write("feed", "bom-comments.json", b"\xef\xbb\xbf{ // a comment\n \"title\": \"T\", \"posts\": \"all\", \"formats\": [\"rss\",], }")
write("feed", "deep.json", "[" * 80 + "]" * 80)

# rest: /wp/v2/posts answers built from the seeds, and posts of the wrong shapes.
def rest_post(i, name, page, **extra):
    title = re.search(r"<title>(.*?)(?: \|.*)?</title>", page)
    post = {
        "id": 100 + i, "date": "2021-01-12T09:30:00", "date_gmt": "2021-01-12T15:30:00",
        "modified": "2021-01-14T10:00:00", "modified_gmt": "2021-01-14T16:00:00", "slug": name,
        "status": "publish", "type": "post", "link": f"{HOME}/{name}/",
        "title": {"rendered": title.group(1) if title else name},
        "content": {"rendered": cut(body(page), 1500), "protected": False},
        "excerpt": {"rendered": "<p>The start of the post &hellip;</p>\n", "protected": False},
        "author": 1,
        "_embedded": {
            "author": [{"id": 1, "name": "Jim Tincher"}],
            "wp:term": [[{"taxonomy": "category", "name": "Strategy &amp; Planning", "slug": "strategy-planning"}], [{"taxonomy": "post_tag", "name": "CX data", "slug": "cx-data"}]],
            "wp:featuredmedia": [{"source_url": f"{HOME}/wp-content/uploads/{name}.jpg", "alt_text": "bad cx data", "mime_type": "image/jpeg", "media_details": {"width": 1024, "height": 536}}],
        },
    }
    post.update(extra)
    return post
for i, (name, page) in enumerate(pages[:6]):
    write("rest", name + ".json", json.dumps([rest_post(i, name, page)], ensure_ascii=False))
name, page = pages[6]
write("rest", "two-posts-one-draft.json", json.dumps([rest_post(7, name, page), rest_post(8, name, page, status="draft")], ensure_ascii=False))
write("rest", "protected.json", json.dumps([rest_post(9, name, page, content={"rendered": "", "protected": True})]))
write("rest", "wrong-types.json", json.dumps([{"id": 10, "date_gmt": 20210112, "link": "ftp://x/", "title": ["x"], "content": {"rendered": 5}}, {"id": "11"}, {"id": -1}, 3, None, {"id": 12, "date_gmt": "2021-02-30T00:00:00", "content": "<p>x</p>", "link": "/relative/"}]))
write("rest", "one-object.json", json.dumps(rest_post(13, name, page, excerpt={"rendered": "<p>Manual excerpt, written by hand.</p>"}, title={"rendered": "A &#8220;quoted&#8221; <em>title</em>"})))
# No seed that is not JSON: the JSON parser is not instrumented, and afl-fuzz refuses a seed that
# shows no coverage at all (mutations of the seeds reach such inputs anyway).

# wxr: exports built from the seeds' bodies, as export_wp() writes them, and broken exports.
NS = ('<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
      'xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">')
def channel(items):
    return ('<?xml version="1.0" encoding="UTF-8" ?>\n' + NS + f"\n<channel>\n<title>Heart of the Customer</title>\n<link>{HOME}</link>\n<wp:wxr_version>1.2</wp:wxr_version>\n"
            f"<wp:base_site_url>{HOME}</wp:base_site_url>\n<wp:base_blog_url>{HOME}</wp:base_blog_url>\n"
            "<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[jtincher]]></wp:author_login><wp:author_display_name><![CDATA[Jim Tincher]]></wp:author_display_name></wp:author>\n"
            + items + "</channel>\n</rss>\n")
def item(id, title, content, type="post", status="publish", extra="", excerpt=""):
    content = content.replace("]]>", "]]]]><![CDATA[>")
    return (f"<item>\n<title><![CDATA[{title}]]></title>\n<link>{HOME}/post-{id}/</link>\n<dc:creator><![CDATA[jtincher]]></dc:creator>\n"
            f"<content:encoded><![CDATA[{content}]]></content:encoded>\n<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>\n"
            f"<wp:post_id>{id}</wp:post_id>\n<wp:post_date><![CDATA[2021-01-12 09:30:00]]></wp:post_date>\n<wp:post_date_gmt><![CDATA[2021-01-12 15:30:00]]></wp:post_date_gmt>\n"
            f"<wp:post_modified_gmt><![CDATA[2021-01-14 16:00:00]]></wp:post_modified_gmt>\n<wp:post_name><![CDATA[post-{id}]]></wp:post_name>\n"
            f"<wp:status><![CDATA[{status}]]></wp:status>\n<wp:post_parent>0</wp:post_parent>\n<wp:post_type><![CDATA[{type}]]></wp:post_type>\n"
            f"<wp:post_password><![CDATA[]]></wp:post_password>\n{extra}</item>\n")
def plain(html):
    """A body as the editor stores it: no <p> (autop adds them), blank lines between paragraphs."""
    return re.sub(r"</?p[^>]*>", "\n\n", re.sub(r"</?article[^>]*>", "", html)).strip()
for i, (name, page) in enumerate(pages[:5]):
    write("wxr", name + ".xml", channel(item(200 + i, name.replace("-", " "), plain(cut(body(page), 1500)))))
thumb = "<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[301]]></wp:meta_value></wp:postmeta>\n"
terms = '<category domain="category" nicename="cx-data"><![CDATA[CX Data]]></category>\n<category domain="post_tag" nicename="journey"><![CDATA[Journey &amp; maps]]></category>\n'
attachment = item(301, "bots", "", type="attachment", status="inherit", extra=f"<wp:attachment_url><![CDATA[{HOME}/wp-content/uploads/2019/03/bots.jpg]]></wp:attachment_url>\n"
                  "<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_metadata]]></wp:meta_key><wp:meta_value><![CDATA[a:2:{s:5:\"width\";i:1200;s:6:\"height\";i:800;}]]></wp:meta_value></wp:postmeta>\n")
shortcodes = ('Intro line\nsecond line\n\n[caption id="attachment_301" align="aligncenter" width="600"]<img src="/bots.jpg" alt="bots" /> Bots[/caption]\n\n'
              '[gallery ids="301,302"]\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n\n<pre>code\n\n  kept</pre>\n\n[embed]https://www.youtube.com/watch?v=abc123[/embed]\n\n'
              'https://vimeo.com/12345\n\n[outer][inner a="b"]text[/inner][/outer] [unknown-shortcode] <!--more--> after')
write("wxr", "shortcodes-media-terms.xml", channel(item(210, "Shortcodes &amp; media", shortcodes, extra=thumb + terms, excerpt="A manual excerpt.") + attachment
                                                   + item(211, "Draft", "x", status="draft") + item(212, "Page", "x", type="page")))
write("wxr", "doctype.xml", '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "x">]>' + channel(item(220, "&e;", "x"))[len('<?xml version="1.0" encoding="UTF-8" ?>\n'):])
write("wxr", "cut-short.xml", channel(item(230, "Kept", "body") + item(231, "Cut", "body"))[:-200])
write("wxr", "forbidden-char.xml", channel(item(240, "Bad \u0001 char", "body")))
write("wxr", "not-an-export.xml", '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')
write("wxr", "bad-fields.xml", channel(item("abc", "", "") + item(251, "No date", "x").replace("2021-01-12 15:30:00", "0000-00-00 00:00:00").replace("2021-01-12 09:30:00", "never")))
