#!/usr/bin/env bash
# Faults: a CxFeed server on a copy of the seeds, and one fault after another; after each, the
# service still answers and nothing is lost (every post still in the full-content feed, the ETag
# back to the one of the same content once the fault is undone). Each is one or more checks;
# "N passed, N failed" last. See docs/reliability.md, "Soak and faults".
#   1. the content folder removed, then restored;
#   2. a post made unreadable: chmod 000 (as root, where permissions do not stop reads, the server
#      runs as the user nobody, through setpriv, so they do), and a post replaced by a FIFO;
#   3. the disk full while `build --out` writes (a small tmpfs; root only, else skipped);
#   4. a feed definition made invalid;
#   5. the clock jumping back an hour (libfaketime, Debian's faketime: the server's wall clock is
#      moved back while it runs, its monotonic clock is not); and posts written with modification
#      times an hour ahead of the server's clock;
#   6. SIGTERM during a rebuild while a slow client downloads: the download completes, whole;
#   7. SIGKILL during `build --out`: the output folder stays the last whole build.
# (SIGKILL during the server's store write, with the stored publication, is tested by its own work.)
# Needs curl; faketime and root for 5 and 3 (skipped with the reason otherwise).
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
work=$(mktemp -d /tmp/cxfeed-faults.XXXXXX)
# shellcheck source=tests/load/soak-lib.sh
. tests/load/soak-lib.sh
mounted=""
trap 'stop_all; [ -n "$mounted" ] && umount "$mounted"; rm -rf "$work"' EXIT
skipped=()

publish_app || { echo "0 passed, 1 failed"; exit 1; }
copy_content
chmod 755 "$work"
chmod -R a+rX "$work"
as_server=()
if [ "$(id -u)" -eq 0 ]; then
  as_server=(setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp DOTNET_CLI_HOME=/tmp)
fi
# A rescan every 2 s: a watch is lost with the folder it watched, and the rescan is what finds it again.
fast=(--CxFeed:Serve:RescanInterval 00:00:02 --CxFeed:Audience:DatabasePath "$work/state/audience.db")

port=$(free_port)
base="http://127.0.0.1:$port"
log="$work/cxfeed.log"
"${as_server[@]}" dotnet "$app/cxfeed.dll" serve --urls "$base" --content "$work/posts" --feeds "$work/feeds" \
  --CxFeed:Publish:BaseUrl "$base/" "${fast[@]}" >"$log" 2>&1 &
server_pid=$!
pids+=("$server_pid")
wait_for "$base/feeds/posts.rss" 120 || { tail -n 20 "$log"; echo "0 passed, 1 failed"; exit 1; }
echo "== CxFeed on $base as $([ ${#as_server[@]} -gt 0 ] && echo nobody || id -un); load average $(cut -d' ' -f1-3 /proc/loadavg)"

status_of() { curl -s -o /dev/null -w '%{http_code}' "$base$1"; }
etag_of() { curl -s -D - -o /dev/null "$base$1" | header ETag; }
items() { curl -s "$base/feeds/customerthink.rss" | grep -c '<item>'; }
health() { curl -s "$base/healthz"; }
# until COMMAND... gives EXPECTED, or SECONDS pass: prints the last output.
until_is() { # until_is EXPECTED SECONDS COMMAND...
  local expected=$1 deadline=$((SECONDS + $2)) out
  shift 2
  while :; do
    out=$("$@")
    [ "$out" == "$expected" ] || [ $SECONDS -ge $deadline ] && { echo "$out"; return; }
    sleep 0.2
  done
}
posts=$(ls "$work/posts" | wc -l)
edited="$work/posts/your-next-cx-hire-shouldnt-be-a-cx-hire.html"
whole=$(etag_of /feeds/customerthink.rss)
check "to begin with: all $posts posts in the full feed" "$posts" "$(items)"

echo "== 1. the content folder removed, then restored"
cp -a "$work/posts" "$work/posts.saved"
rm -rf "$work/posts"
sleep 3
check "folder removed: the feeds still answer" 200 "$(status_of /feeds/posts.rss)"
check "folder removed: nothing lost (every post still in the feed)" "$posts" "$(items)"
check "folder removed: /healthz names the folder's setting" yes "$(until_is yes 20 sh -c "curl -s '$base/healthz' | grep -q 'CxFeed:Content:Path' && echo yes")"
echo "   /healthz: $(health | tr '\n' ' ')"
cp -a "$work/posts.saved" "$work/posts"
check "folder restored: the feed is the one of the same content again" "$whole" "$(until_is "$whole" 20 etag_of /feeds/customerthink.rss)"
check "folder restored: /healthz ok" ok "$(until_is ok 20 health)"

echo "== 2. a post made unreadable"
victim="$work/posts/cx-needs-change-management.html"
# Written unreadable (a copy by another user, say): a permission change alone changes no stamp, and
# the page's last reading keeps serving until the file is written again.
chmod 000 "$victim"
touch "$victim"
until_is yes 20 sh -c "curl -s '$base/healthz' | grep -q 'cx-needs-change-management.html' && echo yes" >/dev/null
check "chmod 000: the feeds still answer" 200 "$(status_of /feeds/posts.rss)"
check "chmod 000: the post keeps its last good version (nothing lost)" "$posts" "$(items)"
check "chmod 000: /healthz names the post" yes "$(health | grep -q 'cx-needs-change-management.html: could not be read' && echo yes)"
# A permission put right changes no stamp and starts no rebuild by itself (docs/reliability.md):
# the fix is seen at the next change of the content; here, the file touched.
chmod 644 "$victim"
touch "$victim"
check "readable again: /healthz ok" ok "$(until_is ok 20 health)"
check "readable again: the same feed as before" "$whole" "$(etag_of /feeds/customerthink.rss)"
# Root's way to make a read fail where permissions do not: a FIFO in place of the post. Opening a
# FIFO blocks until something writes to it; it must not block the rebuild (and every one after it).
mv "$victim" "$work/victim.saved"
mkfifo -m 644 "$victim"
sleep 2
before=$(etag_of /feeds/posts.rss)
sed -i 's|<div class="entry-content" itemprop="text">|&<p>With a FIFO about.</p>|' "$edited"
check "a FIFO in place of a post: the next edit is still published" changed \
  "$([ "$(until_is never 5 etag_of /feeds/posts.rss)" != "$before" ] && echo changed || echo same)"
check "a FIFO in place of a post: the feeds still answer" 200 "$(status_of /feeds/posts.rss)"
sed -i 's|<p>With a FIFO about.</p>||' "$edited"
rm -f "$victim"
mv "$work/victim.saved" "$victim"
touch "$victim"
check "the post back: the same feed as before" "$whole" "$(until_is "$whole" 20 etag_of /feeds/customerthink.rss)"
check "the post back: /healthz ok" ok "$(until_is ok 20 health)"

echo "== 3. the disk full while build --out writes"
if [ "$(id -u)" -ne 0 ]; then
  skipped+=("disk full: needs root to mount a tmpfs")
else
  disk="$work/disk"
  mkdir -p "$disk"
  if mount -t tmpfs -o size=8m tmpfs "$disk"; then
    mounted=$disk
    dotnet "$app/cxfeed.dll" build --out "$disk/out" --content "$work/posts" --feeds "$work/feeds" >"$work/build1.log" 2>&1
    check "disk: the first build is written" 0 $?
    manifest() { (cd "$disk/out" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum); }
    before=$(manifest)
    # Leave less room than one build needs, and change a post so the build must write everything again.
    free=$(df --output=avail -k "$disk" | tail -n1)
    head -c $(((free - 1024) * 1024)) /dev/zero >"$disk/filler" 2>/dev/null
    sed -i 's|<div class="entry-content">|&<p>Revised.</p>|' "$work/posts/stop-playing-cx-whack-a-mole.html"
    dotnet "$app/cxfeed.dll" build --out "$disk/out" --content "$work/posts" --feeds "$work/feeds" >"$work/build2.log" 2>&1
    code=$?
    check "disk full: build --out fails (exit $code) with a message" yes "$([ "$code" -ne 0 ] && grep -qi 'space' "$work/build2.log" && echo yes || echo no)"
    sed -n 1,2p "$work/build2.log" | sed 's/^/   /'
    check "disk full: the previous output stays whole (every file's bytes)" "$before" "$(manifest)"
    check "disk full: nothing half-written left beside it" "out" "$(ls -A "$disk" | grep -v filler | tr '\n' ' ' | sed 's/ $//')"
    rm -f "$disk/filler"
    dotnet "$app/cxfeed.dll" build --out "$disk/out" --content "$work/posts" --feeds "$work/feeds" >"$work/build3.log" 2>&1
    check "room again: the next build is written" 0 $?
    check "room again: with the revised post" yes "$(grep -q 'Revised\.' "$disk/out/feeds/customerthink.rss" && echo yes)"
    sed -i 's|<p>Revised.</p>||' "$work/posts/stop-playing-cx-whack-a-mole.html"
    umount "$disk"; mounted=""
  else
    skipped+=("disk full: mount -t tmpfs failed (no privilege in this container)")
  fi
fi

echo "== 4. a feed definition made invalid"
sleep 1
good=$(etag_of /feeds/posts.rss)
cp "$work/feeds/posts.json" "$work/posts.json.saved"
echo '{ "title": "Heart of the Customer", "formats": ["rss", ' >"$work/feeds/posts.json"
until_is yes 20 sh -c "curl -s '$base/healthz' | grep -q 'posts.json' && echo yes" >/dev/null
check "invalid definition: the feed still answers, the last good bytes" "$good" "$(etag_of /feeds/posts.rss)"
check "invalid definition: /healthz degraded, naming the file" "degraded 1" "$(health | head -n1) $(health | grep -c 'posts.json')"
cp "$work/posts.json.saved" "$work/feeds/posts.json"
check "definition fixed: /healthz ok" ok "$(until_is ok 20 health)"
check "definition fixed: the same feed" "$good" "$(etag_of /feeds/posts.rss)"

echo "== 5. the clock"
# Posts written by a clock an hour ahead of the server's (a file copied from another machine, say).
sleep 1
before=$(etag_of /feeds/posts.rss)
sed -i 's|<div class="entry-content" itemprop="text">|&<p>Written ahead.</p>|' "$edited"
touch -d '+1 hour' "$edited"
check "a post dated an hour ahead: its edit is published" changed \
  "$([ "$(until_is never 5 etag_of /feeds/posts.rss)" != "$before" ] && echo changed || echo same)"
sed -i 's|<p>Written ahead.</p>||' "$edited"
touch -d '+1 hour' "$edited"
check "and its next edit too (same length as before the first)" "$before" "$(until_is "$before" 20 etag_of /feeds/posts.rss)"
faketime_lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n1)
if [ -z "$faketime_lib" ]; then
  skipped+=("clock jump: libfaketime is missing (apt-get install faketime)")
else
  port2=$(free_port)
  base2="http://127.0.0.1:$port2"
  echo "+0" >"$work/clock"
  chmod 644 "$work/clock"
  "${as_server[@]}" env LD_PRELOAD="$faketime_lib" FAKETIME_TIMESTAMP_FILE="$work/clock" FAKETIME_CACHE_DURATION=1 DONT_FAKE_MONOTONIC=1 \
    dotnet "$app/cxfeed.dll" serve --urls "$base2" --content "$work/posts" --feeds "$work/feeds" \
    --CxFeed:Publish:BaseUrl "$base/" "${fast[@]}" >"$work/clock.log" 2>&1 &
  clock_pid=$!
  pids+=("$clock_pid")
  if wait_for "$base2/feeds/posts.rss" 120; then
    date_before=$(curl -s -D - -o /dev/null "$base2/healthz" | header Date)
    echo "-1h" >"$work/clock"
    sleep 2
    date_after=$(curl -s -D - -o /dev/null "$base2/healthz" | header Date)
    echo "   server's Date: $date_before, then $date_after"
    check "clock: the server's clock went back an hour" yes \
      "$(awk -v a="$(date -d "$date_before" +%s)" -v b="$(date -d "$date_after" +%s)" 'BEGIN {d = a - b; print (d > 3500 && d < 3700) ? "yes" : "no " d}')"
    before=$(curl -s -D - -o /dev/null "$base2/feeds/posts.rss" | header ETag)
    sed -i 's|<div class="entry-content" itemprop="text">|&<p>After the jump.</p>|' "$edited"
    after=$(until_is never 5 sh -c "curl -s -D - -o /dev/null '$base2/feeds/posts.rss' | tr -d '\r' | awk 'tolower(\$1)==\"etag:\" {print \$2}'")
    check "clock back an hour: an edit is still published" changed "$([ "$after" != "$before" ] && echo changed || echo same)"
    check "clock back an hour: a 304 for the current ETag" 304 \
      "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $after" "$base2/feeds/posts.rss")"
    check "clock back an hour: nothing lost" "$posts" "$(curl -s "$base2/feeds/customerthink.rss" | grep -c '<item>')"
    sed -i 's|<p>After the jump.</p>||' "$edited"
    sleep 1
    check "clock back an hour: the content undone gives the bytes from before" "$before" \
      "$(until_is "$before" 20 sh -c "curl -s -D - -o /dev/null '$base2/feeds/posts.rss' | tr -d '\r' | awk 'tolower(\$1)==\"etag:\" {print \$2}'")"
    check "clock back an hour: /healthz ok" ok "$(curl -s "$base2/healthz")"
  else
    check "clock: the server starts under libfaketime" started "$(tail -n 3 "$work/clock.log")"
  fi
  kill "$clock_pid" 2>/dev/null; wait "$clock_pid" 2>/dev/null
fi

echo "== 6. SIGTERM during a rebuild, with a slow client downloading"
big=/feeds/customerthink.json
size=$(curl -s "$base$big" | wc -c)
expected=$(curl -s -D - -o /dev/null "$base$big" | header ETag)
curl -s --limit-rate 8k -D "$work/slow.headers" -o "$work/slow.body" "$base$big" &
slow=$!
sleep 1
sed -i 's|<div class="entry-content" itemprop="text">|&<p>During the stop.</p>|' "$edited"
sleep 0.15    # the debounce (100 ms): the rebuild starts about now
kill -TERM "$server_pid"
still=$(kill -0 "$slow" 2>/dev/null && echo downloading || echo done)
echo "   SIGTERM sent with the slow client $still ($size bytes at 8 KB/s)"
wait "$slow"
check "SIGTERM: the slow client's download completes (curl exit 0)" 0 $?
check "SIGTERM: its body is the bytes its ETag names" "$expected" "\"$(tag_of "$work/slow.body")\""
exited=1
for _ in $(seq 1 400); do kill -0 "$server_pid" 2>/dev/null || { exited=0; break; }; sleep 0.1; done
wait "$server_pid"
code=$?
check "SIGTERM: the server exits cleanly within 40 s" "0 0" "$exited $code"
check "SIGTERM: no unhandled exception in the log" 0 "$(grep -c 'Unhandled exception' "$log")"
sed -i 's|<p>During the stop.</p>||' "$edited"

echo "== 7. SIGKILL during build --out"
# A bigger blog so the write takes a while: the seeds 100 times over, each copy at its own address.
mkdir -p "$work/many"
for n in $(seq 1 100); do
  for page in "$work"/posts/*.html; do
    sed -E "s#(heartofthecustomer\.com/[a-z0-9-]+)/#\1-$n/#g" "$page" >"$work/many/$n-$(basename "$page")"
  done
done
out="$work/site"
dotnet "$app/cxfeed.dll" build --out "$out" --content "$work/posts" --feeds "$work/feeds" >"$work/kill1.log" 2>&1
manifest_of() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum); }
before=$(manifest_of "$out")
dotnet "$app/cxfeed.dll" build --out "$out" --content "$work/many" --feeds "$work/feeds" >"$work/kill2.log" 2>&1 &
builder=$!
# Killed once the first files are in its building folder: in the middle of the write on any machine.
until [ -n "$(find "$work" -maxdepth 5 -path "$work/.site.building-*/*" -type f -print -quit 2>/dev/null)" ] || ! kill -0 "$builder" 2>/dev/null; do sleep 0.02; done
kill -KILL "$builder" 2>/dev/null
wait "$builder" 2>/dev/null
check "SIGKILL: killed while writing" yes "$(compgen -G "$work/.site.building-*" >/dev/null && echo yes || echo "no (the build ended first)")"
check "SIGKILL: the output folder is the last whole build (every file's bytes)" "$before" "$(manifest_of "$out")"
dotnet "$app/cxfeed.dll" build --out "$out" --content "$work/many" --feeds "$work/feeds" >"$work/kill3.log" 2>&1
check "SIGKILL: the next build writes (exit 0 or 1: problems of the copied posts)" yes "$([ $? -le 1 ] && echo yes || echo no)"
check "SIGKILL: the next build replaced the old one whole" "yes $(sed -nE 's/.*\(version ([0-9a-f]+)\).*/\1/p' "$work/kill3.log")" \
  "$([ "$(manifest_of "$out")" != "$before" ] && echo yes || echo no) $(sed -nE 's/^version ([0-9a-f]{12}).*/\1/p' "$out/.cxfeed-build")"
check "SIGKILL: the next build cleared the killed build's folder" 0 "$(ls -A "$work" | grep -c '^\.site\.')"

for reason in "${skipped[@]}"; do echo "skipped: $reason"; done
finish
