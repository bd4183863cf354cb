#!/usr/bin/env bash
# A large blog, restarted: COUNT (10,000) generated post pages served by CxFeed (Release) with its
# publication kept on disk (CxFeed:Publish:StoredPath). Measures:
#  - the first start (nothing stored: build, then listen) and the server's memory once the
#    publication is saved, beside the bytes of the files it serves (`build --out` of the same
#    content in the same run, `du -b`: identity + gzip + br), and again after EDITS (100) edits;
#  - RUNS (3) restarts after a clean stop (SIGTERM) and RUNS after SIGKILL: the time from the
#    start of the process to the first 200 of /feeds/posts.rss with the ETag it had before (curl
#    every 10 ms), and how long the check and the first rebuild then take (the server's log);
#  - beside each restart, the floor: a bare Kestrel (tests/load/BareKestrel) serving the same
#    posts.rss from memory, from the start of its process to its first 200, with its processor time.
# Every timed line ends with the load average of the moment: compare rows of one run.
# PAGES=DIR copies pages generated before (`-- pages DIR COUNT`, deterministic) instead of generating them.
# RID=linux-x64 publishes for that platform, compiled ahead of time (ReadyToRun; src/CxFeed/CxFeed.csproj).
set -uo pipefail
cd "$(dirname "$0")/../.."
count=${COUNT:-10000}
runs=${RUNS:-3}
edits=${EDITS:-100}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d /tmp/cxfeed-restart.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
etag() { curl -s -D - -o /dev/null "http://127.0.0.1:$port/feeds/posts.rss" | tr -d '\r' | awk 'tolower($1)=="etag:" {print $2}'; }
memory() { awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s %.0f MiB  ", $1, $2/1024}' "/proc/$pid/status"; }
cpu_ms() { awk '{printf "%d", ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"'}' "/proc/$pid/stat"; }
rss_bytes() { awk '/^VmRSS:/ {print $2 * 1024}' "/proc/$pid/status"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
settings=(--content "$work/posts" --feeds feeds --CxFeed:Publish:BaseUrl "http://127.0.0.1:$port/")

if [ -n "${PAGES:-}" ]; then
  echo "== copying the pages of $PAGES"
  cp -r "$PAGES" "$work/posts" || exit 1
else
  echo "== generating $count pages"
  timeout 600 dotnet run -c Release --project tests/CxFeed.Benchmarks -- pages "$work/posts" "$count" >/dev/null || exit 1
fi
echo "   $(du -sm "$work/posts" | cut -f1) MiB of pages"
timeout 300 dotnet publish src/CxFeed -c Release -o "$work/app" --nologo -v q ${RID:+-r "$RID" --self-contained false} >/dev/null || exit 1
timeout 300 dotnet publish tests/load/BareKestrel -c Release -o "$work/bare" --nologo -v q >/dev/null || exit 1
load() { echo "load $(cut -d' ' -f1-3 /proc/loadavg)"; }

start_server() {
  dotnet "$work/app/cxfeed.dll" serve --urls "http://127.0.0.1:$port" "${settings[@]}" \
    --CxFeed:Publish:StoredPath "$work/publication" >>"$work/cxfeed.log" 2>&1 &
  pid=$!
}
wait_for() {  # a pattern in the log, at most $2 seconds
  local deadline=$((SECONDS + $2))
  until grep -q "$1" "$work/cxfeed.log"; do
    [ $SECONDS -lt $deadline ] && kill -0 "$pid" 2>/dev/null || { echo "no '$1' within $2 s"; tail -20 "$work/cxfeed.log"; exit 1; }
    sleep 0.2
  done
}

# The files served, side by side: `build --out` of the same content, at the same time as the first start.
timeout 3600 dotnet "$work/app/cxfeed.dll" build --out "$work/out" "${settings[@]}" >"$work/build.log" 2>&1 &
builder=$!

echo "== first start (nothing stored)"
start=$(now_ms)
start_server
deadline=$((SECONDS + 1200))
until curl -sf -o /dev/null "http://127.0.0.1:$port/feeds/posts.rss"; do
  [ $SECONDS -lt $deadline ] && kill -0 "$pid" 2>/dev/null || { tail -20 "$work/cxfeed.log"; exit 1; }
  sleep 0.5
done
echo "first build and start: $(( $(now_ms) - start )) ms, $(cpu_ms) ms of the server's processor time"
wait_for "Publication saved" 600
grep -o 'Publication saved.*' "$work/cxfeed.log" | head -1
sleep 2
echo "memory after the first build: $(memory)"
rss_first=$(rss_bytes)
tag=$(etag)
echo "ETag of /feeds/posts.rss: $tag"

wait "$builder"
served=$(du -sb "$work/out" | cut -f1)
packs=$(du -sb "$work/publication/packs" | cut -f1)
echo "build --out: $served bytes ($(( served / 1048576 )) MiB); the store's packs: $packs bytes"
awk -v r="$rss_first" -v s="$served" 'BEGIN {printf "RSS after the first build / served bytes: %.2f\n", r / s}'

bare_start() {  # sets $bare_elapsed and $bare_cpu: a bare Kestrel's start to its first 200 of the same feed
  local server_pid=$pid begun; begun=$(now_ms)
  dotnet "$work/bare/BareKestrel.dll" "http://127.0.0.1:$port_bare" "$work/out/feeds/posts.rss" "$tag" "Thu, 01 Jan 2026 00:00:00 GMT" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port_bare/feeds/posts.rss"; do
    kill -0 "$pid" 2>/dev/null || { echo "the bare Kestrel did not start"; exit 1; }
    sleep 0.01
  done
  bare_elapsed=$(( $(now_ms) - begun ))
  bare_cpu=$(cpu_ms)
  kill -KILL "$pid"; wait "$pid" 2>/dev/null
  pid=$server_pid
}
port_bare=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
restart() {  # $1: TERM or KILL, $2: wait for the check and the first rebuild; sets $elapsed: the ms from start to the first 200 with the ETag of before
  kill "-$1" "$pid"; wait "$pid" 2>/dev/null
  # The floor first, on the same machine at the same moment, while no cxfeed runs.
  bare_start
  : >"$work/cxfeed.log"
  local begun; begun=$(now_ms)
  start_server
  local deadline=$((SECONDS + 600))
  until [ "$(etag)" == "$tag" ]; do
    [ $SECONDS -lt $deadline ] && kill -0 "$pid" 2>/dev/null || { echo "no answer with $tag within 600 s"; tail -20 "$work/cxfeed.log"; exit 1; }
    sleep 0.01
  done
  elapsed=$(( $(now_ms) - begun ))
  cpu=$(cpu_ms)
  sleep 1
  grep -o 'Serving the stored.*\|Not serving.*' "$work/cxfeed.log" | sed 's/^/   /'
  [ "$2" == wait ] || return 0
  wait_for "Rebuilt:" 1200
  wait_for "Publication saved" 600
  grep -o 'Serving the stored.*\|Stored publication checked.*\|Rebuilt: .*\|Not serving.*\|refused.*' "$work/cxfeed.log" | sed 's/^/   /'
}
bare_times=()
bare_cpus=()
for signal in TERM KILL; do
  times=()
  cpus=()
  for i in $(seq 1 "$runs"); do
    # Stopped or killed while it checks (but for the last): the store must be whole at any moment.
    restart "$signal" "$([ "$signal$i" == "KILL$runs" ] && echo wait)"
    times+=("$elapsed")
    cpus+=("$cpu")
    bare_times+=("$bare_elapsed")
    bare_cpus+=("$bare_cpu")
    echo "restart after SIG$signal $i: first answer with the same ETag after ${times[-1]} ms, ${cpus[-1]} ms of the server's processor time ($(load))"
    echo "   the floor just before, a bare Kestrel serving the same feed: first 200 after $bare_elapsed ms, $bare_cpu ms of its processor time"
  done
  echo "restart after SIG$signal, median of $runs: $(printf '%s\n' "${times[@]}" | median) ms, processor time $(printf '%s\n' "${cpus[@]}" | median) ms"
done
echo "the floor, bare Kestrel, median of ${#bare_times[@]}: $(printf '%s\n' "${bare_times[@]}" | median) ms, processor time $(printf '%s\n' "${bare_cpus[@]}" | median) ms"

echo "== $edits edits of the newest post"
newest=$(grep -l '2024-06-01T09:00:00-05:00' "$work/posts"/*.html | head -1)
for i in $(seq 1 "$edits"); do
  before=$(etag)
  sed -i "s|<div class=\"entry-content clear\">|&<p>Edit number $i.</p>|" "$newest"
  edit_deadline=$((SECONDS + 60))
  while [ "$(etag)" == "$before" ]; do
    [ $SECONDS -lt $edit_deadline ] || { echo "edit $i: no new ETag within 60 s"; exit 1; }
    sleep 0.02
  done
  [ $((i % 20)) -eq 0 ] && echo "after $i edits: $(memory)"
done
sleep 3
echo "memory after $edits edits: $(memory)"
awk -v r="$(rss_bytes)" -v s="$served" 'BEGIN {printf "RSS after the edits / served bytes: %.2f\n", r / s}'
grep -o 'Rebuilt: .*' "$work/cxfeed.log" | tail -2
echo "store after the edits: $(ls "$work/publication/packs" | wc -l) packs, $(du -sb "$work/publication" | cut -f1) bytes"
