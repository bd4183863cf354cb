#!/usr/bin/env bash
# WordPress's own feeds of the seed site beside CxFeed's, measured (the table in docs/sources.md):
# a fresh test WordPress; its /feed/ and /feed/atom/ as a reader behind https gets them; cxfeed
# pulls the same WordPress and builds its feeds; feeds-beside.py measures each.
#
#   FEEDVALIDATOR=/path/to/feedvalidator/src tests/wordpress/feeds-beside.sh
#
# FEEDVALIDATOR is the src folder of a checkout of https://github.com/w3c/feedvalidator (not part
# of this project); it runs with Debian's python3 and python3-html5lib.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'bash "$here/wordpress.sh" stop "$work/wp" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

address=$(bash "$here/wordpress.sh" start "$work/wp" | tail -n 1)
# Ten posts a page (WordPress's default); ?paged=2 is the older ten.
for page in "1=" "2=?paged=2"; do
  curl -sf -H 'X-Forwarded-Proto: https' "${address}feed/${page#*=}" -o "$work/wordpress-${page%%=*}.rss"
  curl -sf -H 'X-Forwarded-Proto: https' "${address}feed/atom/${page#*=}" -o "$work/wordpress-${page%%=*}.atom"
done

settings=(--CxFeed:Content:Source wordpress --CxFeed:Content:WordPress:BaseUrl "$address" --CxFeed:Content:StorePath "$work/store")
dotnet build -v q "$repo/src/CxFeed" >/dev/null
dotnet run --no-build --project "$repo/src/CxFeed" -- pull "${settings[@]}" >&2
dotnet run --no-build --project "$repo/src/CxFeed" -- build --out "$work/cxfeed" "${settings[@]}" >&2 || [ $? -eq 1 ]

blog=https://www.heartofthecustomer.com
feeds=http://localhost:5080/feeds
"${PYTHON:-/usr/bin/python3}" "$here/feeds-beside.py" \
  "WordPress \`/feed/\`=$work/wordpress-1.rss=$blog/feed/,$work/wordpress-2.rss=$blog/feed/?paged=2" \
  "WordPress \`/feed/atom/\`=$work/wordpress-1.atom=$blog/feed/atom/,$work/wordpress-2.atom=$blog/feed/atom/?paged=2" \
  "CxFeed \`posts.rss\`=$work/cxfeed/feeds/posts.rss=$feeds/posts.rss,$work/cxfeed/feeds/posts/page/2.rss=$feeds/posts/page/2.rss" \
  "CxFeed \`posts.atom\`=$work/cxfeed/feeds/posts.atom=$feeds/posts.atom,$work/cxfeed/feeds/posts/page/2.atom=$feeds/posts/page/2.atom" \
  "CxFeed \`customerthink.rss\` (full text)=$work/cxfeed/feeds/customerthink.rss=$feeds/customerthink.rss"
