#!/usr/bin/env python3
"""What each feed gives a reader, measured: `feeds-beside.py NAME=FILE=URL[,FILE=URL...] ...` prints a
Markdown table with a column per feed, every page of it: FILE is a page's bytes, URL where it lives
(the validator's base).
The W3C feed validator is not part of the project: FEEDVALIDATOR names its `src` folder (a checkout
of github.com/w3c/feedvalidator); without it the validity row says so."""
import html
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
}
# The three posts whose author wrote an excerpt in WordPress (tests/wordpress/install.php).
MANUAL = {"4687": "Hiring for CX?", "4012": "The pandemic rewrote", "1412": "Your CEO cares"}


def validate(pages):
    folder = os.environ.get("FEEDVALIDATOR")
    if not folder:
        return "not run (set FEEDVALIDATOR)"
    sys.path.insert(0, folder)
    import feedvalidator
    from feedvalidator import compatibility, logging

    events = []
    for path, url in pages:
        with open(path, "rb") as stream:
            events += compatibility.AA(feedvalidator.validateStream(stream, firstOccurrenceOnly=1, base=url)["loggedEvents"])
    errors = [e for e in events if isinstance(e, logging.Error)]
    warnings = [e for e in events if isinstance(e, logging.Warning)]
    names = sorted({type(e).__name__ for e in errors + warnings})
    if not names:
        return "valid, no warnings"
    verdict = "invalid" if errors else "valid"
    return f"{verdict}: {len(errors)} errors, {len(warnings)} warnings ({', '.join(names)})"


def items(path):
    root = ET.parse(path).getroot()
    if root.tag == "rss":
        for item in root.iter("item"):
            guid = item.find("guid")
            yield {
                "id": guid.text if guid is not None else None,
                "published": item.findtext("pubDate"),
                "updated": None,
                "summary": item.findtext("description") or "",
                "content": item.findtext("content:encoded", namespaces=NS) or "",
                "categories": len(item.findall("category")),
                "image": item.find("media:thumbnail", NS) is not None or item.find("enclosure") is not None or item.find("media:content", NS) is not None,
            }
    else:
        for entry in root.findall("atom:entry", NS):
            summary = entry.find("atom:summary", NS)
            content = entry.find("atom:content", NS)
            yield {
                "id": entry.findtext("atom:id", namespaces=NS),
                "published": entry.findtext("atom:published", namespaces=NS),
                "updated": entry.findtext("atom:updated", namespaces=NS),
                "summary": "" if summary is None else (summary.text or ""),
                "summary_html": summary is not None and summary.get("type") in ("html", "xhtml"),
                "content": "" if content is None else (content.text or ""),
                "categories": len(entry.findall("atom:category", NS)),
                "image": entry.find("media:thumbnail", NS) is not None or any(l.get("rel") == "enclosure" for l in entry.findall("atom:link", NS)),
            }


def text(markup):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def urls(markup):
    for match in re.finditer(r'\s(?:href|src)\s*=\s*["\']([^"\']*)["\']', markup):
        yield match.group(1)
    for match in re.finditer(r'\ssrcset\s*=\s*["\']([^"\']*)["\']', markup):
        for candidate in match.group(1).split(","):
            if candidate.strip():
                yield candidate.split()[0]


def ending(summary):
    if summary.endswith("[…]") or summary.endswith("[...]"):
        return "“[…]”"
    if summary.endswith("…"):
        return "“…”"
    return "a sentence's end" if summary[-1:] in ".?!”" else "mid-sentence"


def measure(pages):
    entries = [entry for path, _ in pages for entry in items(path)]
    rss = ET.parse(pages[0][0]).getroot().tag == "rss"
    n = len(entries)
    markup = [e["summary"] + e["content"] for e in entries]
    summaries = [text(e["summary"]) for e in entries if e["summary"].strip()]
    relative = sum(1 for m in markup for u in urls(m) if not re.match(r"^[a-z][a-z0-9+.-]*:", u, re.I) and not u.startswith("#"))
    images = sum(len(re.findall(r"<img\b", m, re.I)) for m in markup)
    lazy = sum(len(re.findall(r"<img\b[^>]*\sloading=[\"']?lazy", m, re.I)) for m in markup)
    placeholders = sum(len(re.findall(r"<img\b[^>]*\ssrc=[\"'](?:data:|[^\"']*(?:placeholder|lazy)[^\"']*)[\"']", m, re.I)) for m in markup)
    styles = sum(len(re.findall(r"<style\b", m, re.I)) + len(re.findall(r"\sstyle=", m, re.I)) for m in markup)
    ids = [e["id"] or "" for e in entries]
    id_form = "`?p=ID`" if ids and all(re.search(r"\?p=\d+$", i) for i in ids) else "mixed: " + ", ".join(sorted({re.sub(r"\d+", "N", i) for i in ids}))[:80]
    manual = [e for e in entries if (e["id"] or "").rsplit("=", 1)[-1] in MANUAL]
    manual_used = sum(1 for e in manual if text(e["summary"]).startswith(MANUAL[e["id"].rsplit("=", 1)[-1]]))
    endings = {}
    for summary in summaries:
        endings[ending(summary)] = endings.get(ending(summary), 0) + 1
    read_more = sum(1 for e in entries if re.search(r"Read more|Continue reading|The post .* appeared first", e["summary"]))
    updated = sum(1 for e in entries if e["updated"] and e["updated"] != e["published"])
    return {
        "W3C validator (AA), every page": validate(pages),
        "items (pages)": f"{n} ({len(pages)})",
        "summary / description": f"{len(summaries)} of {n}, {round(sum(len(s.split()) for s in summaries) / max(1, len(summaries)))} words on average",
        "summary ends with": ", ".join(f"{k} {v}" for k, v in sorted(endings.items(), key=lambda kv: -kv[1])) + (f"; {read_more} with a link" if read_more else ""),
        "author's manual excerpt used": f"{manual_used} of {len(manual)}" if manual else "(none on this page)",
        "content element (`content:encoded`, Atom `content`)": f"{sum(1 for e in entries if e['content'].strip())} of {n}",
        "relative URLs (href, src, srcset)": str(relative),
        "images / with loading=lazy / placeholder src": f"{images} / {lazy} / {placeholders}",
        "`<style>` elements and style attributes": str(styles),
        "dates": f"published on {sum(1 for e in entries if e['published'])} of {n}; " + ("no updated date (RSS has none)" if rss else f"updated ≠ published on {updated}"),
        "ids": id_form + ("" if len(set(ids)) == n else ", NOT unique"),
        "categories and tags per item": str(round(sum(e["categories"] for e in entries) / max(1, n), 1)),
        "featured image": f"{sum(1 for e in entries if e['image'])} of {n}",
    }


def main(args):
    columns = []
    for arg in args:
        name, rest = arg.split("=", 1)
        pages = [tuple(page.split("=", 1)) for page in rest.split(",")]
        columns.append((name, measure(pages)))
    rows = list(columns[0][1].keys())
    print("| | " + " | ".join(name for name, _ in columns) + " |")
    print("|---|" + "---|" * len(columns))
    for row in rows:
        print(f"| {row} | " + " | ".join(values[row].replace("|", "\\|") for _, values in columns) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
