#!/usr/bin/env python3
"""Turns Mozilla Readability's test pages into the reading benchmark's corpus format.

    readability.py TEST_PAGES OUT

TEST_PAGES is the test/test-pages folder of a checkout of github.com/mozilla/readability (each
page a folder with source.html and expected-metadata.json); OUT a folder outside the repository
that gets NAME.html and NAME.json for each page. These pages are held aside (issue 11): they are
never used to develop or tune the reader, only to check it once, and never committed.

What Readability's expected metadata says is its own reading, not a truth read by eye: the title
it chose, its byline and its publishedTime (from JSON-LD and <meta> only). So the figures are
agreement with Readability's metadata on pages no one here has looked at:
- every page is a post (the suite holds articles);
- a page is dated when Readability found a publishedTime; only those are scored for publishing
  and for the date;
- the authors are Readability's byline as one text (the scorer takes "By" and "and" aside);
- no body or first words are given: Readability's excerpt is mostly the page's description,
  not its first words, so those columns are not scored.
"""
import json
import pathlib
import sys


def main(test_pages: pathlib.Path, out: pathlib.Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for folder in sorted(p for p in test_pages.iterdir() if p.is_dir()):
        source = folder / "source.html"
        expected = folder / "expected-metadata.json"
        if not source.is_file() or not expected.is_file():
            continue
        metadata = json.loads(expected.read_text(encoding="utf-8"))
        name = "readability--" + folder.name
        published = metadata.get("publishedTime")
        byline = metadata.get("byline")
        truth = {
            "source": {"repository": "mozilla/readability", "path": f"test/test-pages/{folder.name}"},
            # Readability's own tests read every page at this address.
            "url": "http://fakehost/test/page.html",
            "kind": "held-aside article",
            "wordpressTheme": None,
            "isPost": True,
            "dated": published is not None,
            "title": metadata.get("title") or None,
            "published": published,
            "authors": [byline] if byline else None,
            "firstWords": None,
            "body": None,
            "notes": "Readability's expected metadata, converted by tests/reading/heldaside/readability.py",
        }
        (out / f"{name}.html").write_bytes(source.read_bytes())
        (out / f"{name}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        count += 1
    print(f"{count} pages written to {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])))
