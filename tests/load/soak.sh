#!/usr/bin/env bash
# Soak: wrk at saturation for DURATION seconds (600) on a mix of every feed, page and format as
# gzip, identity and br 200s, 304s (If-None-Match with the current ETag) and HEADs
# (tests/load/soak-mix.lua), while a post changes every second and a feed definition every
# FEED_EVERY seconds (60; a tenth of DURATION when shorter). wrk runs in SLICES slices (one a
# minute; 4 when DURATION is under 4 minutes) so each slice reports its own p99 latency.
# Checks (each one line, "N passed, N failed" last):
#   - 0 socket errors and 0 statuses other than 200/304 seen by wrk;
#   - 0 bodies that are not the bytes their ETag names: a checker fetches every address in every
#     coding with curl in a loop, checks Content-Length and the tag (identity and gzip) and flags
#     an ETag seen with two different bodies;
#   - the edits were published (the posts feed got new ETags) and /healthz is ok at the end;
#   - resident memory flat: the mean VmRSS of the last slice at most 5% above the second's.
# Needs Debian's wrk and curl. APP=DIR uses a published CxFeed instead of publishing one; KEEP=1
# keeps the run's folder (server log, samples of memory) and prints where it is.
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work=$(mktemp -d /tmp/cxfeed-soak.XXXXXX)
# shellcheck source=tests/load/soak-lib.sh
. tests/load/soak-lib.sh
duration=${DURATION:-600}
slices=${SLICES:-$([ "$duration" -ge 240 ] && echo $((duration / 60)) || echo 4)}
slice=$((duration / slices))
feed_every=${FEED_EVERY:-$([ "$duration" -ge 600 ] && echo 60 || echo $((duration / 10 > 1 ? duration / 10 : 1)))}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
trap 'stop_all; [ -n "${KEEP:-}" ] && echo "   kept $work" || rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; echo "0 passed, 1 failed"; exit 1; }

publish_app || { echo "0 passed, 1 failed"; exit 1; }
copy_content
port=$(free_port)
base="http://127.0.0.1:$port"
echo "== CxFeed on $base: 20 seed posts, $duration s in $slices slices of $slice s, a post edit every second, a feed definition every $feed_every s"
start_server "$port" "$work/cxfeed.log" || { tail -n 20 "$work/cxfeed.log"; echo "0 passed, 1 failed"; exit 1; }

# Every published address: each feed's first page in each format (from the OPML list), later pages, the Posts pages.
curl -s "$base/feeds.opml" | grep -o 'xmlUrl="[^"]*"' | sed -E 's|xmlUrl="http://127.0.0.1:[0-9]+||; s|"$||' >"$work/paths"
for feed in $(sed -nE 's|^/feeds/([^/]+)\.rss$|\1|p' "$work/paths"); do
  printf '/feeds/%s.atom\n/feeds/%s.json\n/feeds/%s/page/2.rss\n' "$feed" "$feed" "$feed" >>"$work/paths"
done
printf '/\n/page/2/\n/feeds.opml\n' >>"$work/paths"
sort -u -o "$work/paths" "$work/paths"
for path in $(cat "$work/paths"); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$path")" == 200 ] || sed -i "\|^$path\$|d" "$work/paths"
done
echo "   $(wc -l <"$work/paths") addresses; load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

# The ETags the 304s of the mix send, to begin with.
for path in $(cat "$work/paths"); do
  echo "$path $(curl -s -I -H 'Accept-Encoding: gzip' "$base$path" | header ETag)"
done >"$work/etags"

# The checker: the posts feed (which changes every second) and one other address in turn, in
# every coding, again and again.
: >"$work/seen"; : >"$work/mismatch"; : >"$work/checker-statuses"; : >"$work/head-statuses"; : >"$work/posts-etags"
(
  mapfile -t all <"$work/paths"
  n=0
  while [ ! -e "$work/stop" ]; do
    n=$((n + 1))
    for path in /feeds/posts.rss "${all[$((n % ${#all[@]}))]}"; do
      for coding in identity gzip br; do
        fetch_checked "$base$path" "$coding" "$work/body" >>"$work/checker-statuses"
      done
    done
  done
) &
pids+=($!)

# HEADs beside wrk (which cannot send them): every address, one keep-alive connection, in a loop.
# Their ETags (gzip, in the order of the addresses) keep the ETags file of the mix's 304s current.
(
  mapfile -t urls < <(sed "s|^|$base|" "$work/paths")
  while [ ! -e "$work/stop" ]; do
    curl -s -I -H 'Accept-Encoding: gzip' "${urls[@]}" | tr -d '\r' | awk -v paths="$work/paths" -v statuses="$work/head-statuses" '
      BEGIN { while ((getline path < paths) > 0) address[++n] = path }
      /^HTTP\// { i++; print $2 >> statuses }
      tolower($1) == "etag:" { etag[i] = $2 }
      END { for (k = 1; k <= n; k++) if (etag[k] != "") print address[k], etag[k] }' >"$work/etags.next"
    [ -s "$work/etags.next" ] && grep '^/feeds/posts.rss ' "$work/etags.next" >>"$work/posts-etags" && mv "$work/etags.next" "$work/etags"
  done
) &
pids+=($!)

# The edits: one post every second (its first paragraph, so every feed's first page changes), a feed definition every feed_every s.
post="$work/posts/your-next-cx-hire-shouldnt-be-a-cx-hire.html"
(
  i=0
  while [ ! -e "$work/stop" ]; do
    i=$((i + 1))
    sed -i -E "s|<p>Soak edit [0-9]+\.</p>||; s|(<div class=\"entry-content\" itemprop=\"text\">)|\1<p>Soak edit $i.</p>|" "$post"
    if [ $((i % feed_every)) -eq 0 ]; then
      words=$((55 + (i / feed_every) % 2))
      sed -i -E "s|\"words\": [0-9]+|\"words\": $words|" "$work/feeds/posts.json"
    fi
    sleep 1
  done
) &
pids+=($!)

# Memory: resident, and its anonymous, file-backed and shared parts (rss_parts), every second, with the slice it was taken in.
echo 0 >"$work/slice"
(
  while [ ! -e "$work/stop" ]; do
    echo "$(cat "$work/slice") $(rss_parts "$server_pid")" >>"$work/rss"
    sleep 1
  done
) &
pids+=($!)

sleep 2
errors=0
unexpected=0
printf '\n| Slice | Requests/s | p50 (ms) | p99 (ms) | 200 | 304 | other | socket errors | RSS (MiB) | anon | file | shmem |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.1f", v}'; }
for s in $(seq 1 "$slices"); do
  echo "$s" >"$work/slice"
  timeout $((slice + 60)) wrk -t"$threads" -c"$connections" -d"${slice}s" --timeout 5s --latency -s tests/load/soak-mix.lua "$base" \
    -- "$work/paths" "$work/etags" >"$work/wrk-$s.txt" 2>&1
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$work/wrk-$s.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk-$s.txt" | ms)
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk-$s.txt" | ms)
  socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk-$s.txt")
  read -r ok nm other < <(sed -nE 's/^statuses 200=([0-9]+) 304=([0-9]+) other=([0-9]+)/\1 \2 \3/p' "$work/wrk-$s.txt")
  [ -n "${ok:-}" ] || { echo "slice $s: wrk printed no statuses"; cat "$work/wrk-$s.txt"; ok=0 nm=0 other=1; }
  read -r rss anon mapped shared < <(awk -v s="$s" '$1==s && $2 {r+=$2; a+=$3; f+=$4; m+=$5; n++} END {if (n) printf "%.0f %.0f %.0f %.0f", r/n/1024, a/n/1024, f/n/1024, m/n/1024; else print "0 0 0 0"}' "$work/rss")
  printf '| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$s" "$rps" "$p50" "$p99" "$ok" "$nm" "$other" "${socket:-0}" "$rss" "$anon" "$mapped" "$shared"
  errors=$((errors + ${socket:-0}))
  unexpected=$((unexpected + other))
done
touch "$work/stop"
wait_children() { for pid in "${pids[@]:1}"; do wait "$pid" 2>/dev/null; done; }
wait_children
echo

check "wrk: 0 socket errors (connect, read, write, timeout over 5 s)" 0 "$errors"
check "wrk: every answer a 200 or a 304" 0 "$unexpected"
fetched=$(wc -l <"$work/checker-statuses")
check "checker: every fetch a 200 ($fetched fetches)" "$fetched" "$(grep -c '^200$' "$work/checker-statuses")"
heads=$(wc -l <"$work/head-statuses")
check "HEADs: every answer a 200 ($heads HEADs)" "$heads" "$(grep -c '^200$' "$work/head-statuses")"
check "checker: every body is the bytes its Content-Length and ETag name" 0 "$(wc -l <"$work/mismatch")"
head -n 5 "$work/mismatch"
check "checker: no ETag seen with two different bodies ($(awk '{print $1}' "$work/seen" | sort -u | wc -l) ETags)" 0 "$(seen_twice)"
# The posts feed's ETags seen by the HEADs (gzip) and by the checker (every coding), without the coding's suffix.
versions=$( (awk '{print $2}' "$work/posts-etags"; grep " $base/feeds/posts.rss " "$work/seen" | awk '{print $1}') \
  | sed -E 's/-(gz|br)"$/"/' | sort -u | wc -l)
check "the edits were published (posts.rss had at least $((duration / 20)) ETags; it had $versions)" yes "$([ "$versions" -ge $((duration / 20)) ] && echo yes || echo no)"
sleep 2
check "/healthz ok at the end" ok "$(curl -s "$base/healthz" | head -n1)"
check "no rebuild failed" 0 "$(grep -c 'Rebuild failed' "$work/cxfeed.log")"
second=$(awk '$1==2 && $2 {sum+=$2; n++} END {printf "%.0f", n ? sum/n : 0}' "$work/rss")
last=$(awk -v s="$slices" '$1==s && $2 {sum+=$2; n++} END {printf "%.0f", n ? sum/n : 0}' "$work/rss")
growth=$(awk -v a="$second" -v b="$last" 'BEGIN {printf "%.1f", a ? (b - a) * 100 / a : 100}')
check "memory flat: last slice's mean RSS $((last / 1024)) MiB, second's $((second / 1024)) MiB ($growth%, at most +5%)" yes \
  "$(awk -v g="$growth" 'BEGIN {print (g <= 5 ? "yes" : "no")}')"
echo "   rebuilds: $(grep -c 'Rebuilt' "$work/cxfeed.log"); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$failed" -eq 0 ] || { echo "== server log (last lines)"; tail -n 20 "$work/cxfeed.log"; }
finish
