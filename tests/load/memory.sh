#!/usr/bin/env bash
# Memory of a first build and after EDITS edits: PAGES (a folder of post pages, `-- pages DIR COUNT`)
# served by CxFeed (Release) with its publication kept on disk (CxFeed:Publish:StoredPath), the
# process that made the first build (nothing stored). Prints, once the publication is saved and
# again after EDITS (100) edits of the newest post (each awaited: a new ETag of /feeds/posts.rss),
# the server's VmRSS, RssAnon (its own memory) and RssFile (pages of the mapped packs it touched),
# each once the resident size stopped falling, and the ratio of VmRSS to the bytes of the files it serves:
# `du -b` of `cxfeed build --out` of the same content, built after the server in the same run.
#   PAGES=/tmp/mem-2k EDITS=100 bash tests/load/memory.sh
set -uo pipefail
cd "$(dirname "$0")/../.."
edits=${EDITS:-100}
pages=${PAGES:?PAGES=DIR of post pages (dotnet run -c Release --project tests/CxFeed.Benchmarks -- pages DIR COUNT)}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/cxfeed-memory.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
etag() { curl -s -D - -o /dev/null "http://127.0.0.1:$port/feeds/posts.rss" | tr -d '\r' | awk 'tolower($1)=="etag:" {print $2}'; }
memory() { awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s %.0f MiB  ", $1, $2/1024}' "/proc/$pid/status"; }
rss_bytes() { awk '/^VmRSS:/ {print $2 * 1024}' "/proc/$pid/status"; }
settings=(--content "$work/posts" --feeds feeds --CxFeed:Publish:BaseUrl "http://127.0.0.1:$port/")

cp -r "$pages" "$work/posts" || exit 1
echo "== $(ls "$work/posts" | wc -l) pages, $(du -sm "$work/posts" | cut -f1) MiB"
timeout 600 dotnet publish src/CxFeed -c Release -o "$work/app" --nologo -v q >/dev/null || exit 1

echo "== first start (nothing stored)"
dotnet "$work/app/cxfeed.dll" serve --urls "http://127.0.0.1:$port" "${settings[@]}" \
  --CxFeed:Publish:StoredPath "$work/publication" >"$work/cxfeed.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 3600))
until grep -q "Publication saved" "$work/cxfeed.log"; do
  [ $SECONDS -lt $deadline ] && kill -0 "$pid" 2>/dev/null || { tail -20 "$work/cxfeed.log"; exit 1; }
  sleep 1
done
grep -o 'Built: .*\|Publication saved.*' "$work/cxfeed.log" | head -2 | cut -c1-200
# The save gives the rendered files' memory back (a full collection, then the C heap trimmed):
# measured once the resident size stops falling (less than 1% in 5 s), at most 5 minutes.
settle() {
  local before now; now=$(rss_bytes)
  for _ in $(seq 1 60); do
    sleep 5
    before=$now; now=$(rss_bytes)
    [ "$now" -gt $((before * 99 / 100)) ] && break
  done
}
settle
echo "memory after the first build: $(memory)"
rss_first=$(rss_bytes)
[ -n "${SMAPS:-}" ] && cp "/proc/$pid/smaps" "$SMAPS"

timeout 3600 dotnet "$work/app/cxfeed.dll" build --out "$work/out" "${settings[@]}" >"$work/build.log" 2>&1 || { tail "$work/build.log"; exit 1; }
served=$(du -sb "$work/out" | cut -f1)
echo "build --out: $served bytes ($(( served / 1048576 )) MiB)"
awk -v r="$rss_first" -v s="$served" 'BEGIN {printf "RSS after the first build / served bytes: %.2f\n", r / s}'

echo "== $edits edits of the newest post"
newest=$(grep -l '2024-06-01T09:00:00-05:00' "$work/posts"/*.html | head -1)
for i in $(seq 1 "$edits"); do
  before=$(etag)
  sed -i "s|<div class=\"entry-content clear\">|&<p>Edit number $i.</p>|" "$newest"
  edit_deadline=$((SECONDS + 120))
  while [ "$(etag)" == "$before" ]; do
    [ $SECONDS -lt $edit_deadline ] || { echo "edit $i: no new ETag within 120 s"; exit 1; }
    sleep 0.02
  done
  [ $((i % 25)) -eq 0 ] && echo "after $i edits: $(memory)"
done
settle
echo "memory after $edits edits: $(memory)"
awk -v r="$(rss_bytes)" -v s="$served" 'BEGIN {printf "RSS after the edits / served bytes: %.2f\n", r / s}'
grep -o 'Rebuilt: .*' "$work/cxfeed.log" | tail -1 | cut -c1-200
