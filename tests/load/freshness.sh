#!/usr/bin/env bash
# A large blog: generates COUNT (10,000) post pages (tests/CxFeed.Benchmarks' seeded generator),
# starts CxFeed on them, and measures the first build's time, the server's memory (VmRSS) and, for
# EDITS (5) edits of the newest post, the time from the file write to a new ETag of
# /feeds/posts.rss (polled every 10 ms); prints the median. Bounded in time.
# PAGES=DIR copies pages generated before (`-- pages DIR COUNT`, deterministic) instead of generating them.
# The publication is kept in the run's temporary folder; tests/load/restart.sh measures restarts and memory.
set -uo pipefail
cd "$(dirname "$0")/../.."
count=${COUNT:-10000}
edits=${EDITS:-5}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/cxfeed-fresh.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
etag() { curl -s -D - -o /dev/null "http://127.0.0.1:$port/feeds/posts.rss" | tr -d '\r' | awk 'tolower($1)=="etag:" {print $2}'; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status"; }

if [ -n "${PAGES:-}" ]; then
  echo "== copying the pages of $PAGES"
  cp -r "$PAGES" "$work/posts" || exit 1
else
  echo "== generating $count pages"
  timeout 600 dotnet run -c Release --project tests/CxFeed.Benchmarks -- pages "$work/posts" "$count" >/dev/null || exit 1
fi
echo "   $(du -sm "$work/posts" | cut -f1) MiB of pages"
timeout 300 dotnet publish src/CxFeed -c Release -o "$work/app" --nologo -v q >/dev/null || exit 1

start=$(now_ms)
dotnet "$work/app/cxfeed.dll" serve --urls "http://127.0.0.1:$port" --content "$work/posts" --feeds feeds \
  --CxFeed:Publish:BaseUrl http://127.0.0.1:$port/ --CxFeed:Publish:StoredPath "$work/publication" >"$work/cxfeed.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 1200))
until curl -sf -o /dev/null "http://127.0.0.1:$port/feeds/posts.rss"; do
  [ $SECONDS -lt $deadline ] && kill -0 "$pid" 2>/dev/null || { tail -20 "$work/cxfeed.log"; exit 1; }
  sleep 0.5
done
echo "first build and start: $(( $(now_ms) - start )) ms; $(grep -o '[0-9]* files,' "$work/cxfeed.log" | head -1 | tr -d ,)"
echo "memory after the first build: $(rss_mib) MiB RSS"

newest=$(grep -l '2024-06-01T09:00:00-05:00' "$work/posts"/*.html | head -1)
latencies=()
for i in $(seq 1 "$edits"); do
  sleep 1
  before=$(etag)
  written=$(now_ms)
  # At the start of the body, so that the excerpt (and /feeds/posts.rss) changes.
  sed -i "s|<div class=\"entry-content clear\">|&<p>Edit number $i.</p>|" "$newest"
  edit_deadline=$((SECONDS + 60))
  while [ "$(etag)" == "$before" ]; do
    [ $SECONDS -lt $edit_deadline ] || { echo "edit $i: no new ETag within 60 s"; grep -o "Rebuil.*" "$work/cxfeed.log" | tail -3; exit 1; }
    sleep 0.01
  done
  latencies+=($(( $(now_ms) - written )))
  echo "edit $i: new ETag after ${latencies[-1]} ms"
done
echo "edit to new ETag, median of $edits: $(printf '%s\n' "${latencies[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
echo "memory after the edits: $(rss_mib) MiB RSS"
grep -o 'Rebuilt: .*' "$work/cxfeed.log" | tail -3
