# Shared by tests/load/soak.sh and tests/load/faults.sh (sourced, not run): the checks and their
# totals, free ports, waits, the published app, a CxFeed server on a copy of the seeds, and the
# body checker that proves every body is the bytes its ETag names.
# The caller sets `repo` (the repository root) and `work` (its temporary folder) before sourcing.

passed=0
failed=0
pids=()

check() { # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1: expected '$2', got '$3'"
  fi
}

# A port nobody listens on now, from the kernel's ephemeral range (never a fixed one: other
# helpers' and tests' servers run on this machine at the same time).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

wait_for() { # wait_for URL SECONDS: until a 200
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" == "200" ] && return 0
    sleep 0.2
  done
  return 1
}

header() { # header NAME (reads headers on stdin)
  tr -d '\r' | awk -v name="$(echo "$1" | tr 'A-Z' 'a-z')" 'BEGIN{FS=": "} tolower($1)==name {print $2}'
}

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null; }

# rss_parts PID: "RSS ANON FILE SHMEM" in KiB (/proc/PID/status): private memory (the GC's heaps
# and native allocations) apart from mapped files (the stored publication's packs, the runtime's
# libraries), which the kernel may drop again, and shared memory (the JIT's code, double-mapped).
rss_parts() {
  awk '$1=="VmRSS:" {r=$2} $1=="RssAnon:" {a=$2} $1=="RssFile:" {f=$2} $1=="RssShmem:" {s=$2} END {if (r) print r, a, f, s}' "/proc/$1/status" 2>/dev/null
}

# The app, published once (Release); APP=DIR reuses one published before (the CI suite does).
publish_app() {
  if [ -n "${APP:-}" ] && [ -f "$APP/cxfeed.dll" ]; then app=$APP; return 0; fi
  app="$work/app"
  echo "== building CxFeed (Release)"
  timeout 600 dotnet publish "$repo/src/CxFeed" -c Release -o "$app" --nologo -v q >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log"; return 1; }
}

# A copy of the seed posts and feed definitions that the run may change.
copy_content() {
  mkdir -p "$work/posts" "$work/feeds" "$work/state"
  chmod 777 "$work/state"   # the audience database, written by the server (as nobody in faults.sh)
  cp "$repo"/seeds/posts/*.html "$work/posts/"
  cp "$repo"/feeds/*.json "$work/feeds/"
}

# start_server PORT LOG [PREFIX...]: cxfeed serve on 127.0.0.1:PORT on the copy, its stored
# publication and audience database in the run's folder (never the repository's); sets server_pid.
start_server() {
  local port=$1 log=$2
  shift 2
  "$@" dotnet "$app/cxfeed.dll" serve --urls "http://127.0.0.1:$port" --content "$work/posts" --feeds "$work/feeds" \
    --CxFeed:Publish:BaseUrl "http://127.0.0.1:$port/" --CxFeed:Audience:DatabasePath "$work/state/audience.db" \
    --CxFeed:Publish:StoredPath "$work/state/publication" >"$log" 2>&1 &
  server_pid=$!
  pids+=("$server_pid")
  wait_for "http://127.0.0.1:$port/feeds/posts.rss" 120
}

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
}

# The tag CxFeed gives bytes: the first 128 bits of their SHA-256, base64url without padding.
tag_of() { # tag_of FILE
  printf "$(sha256sum "$1" | cut -c1-32 | sed 's/../\\x&/g')" | base64 | tr '+/' '-_' | tr -d '=\n'
}

# fetch_checked URL CODING OUT: one GET, checked. Appends "etag sha256 url" to $work/seen and a
# line to $work/mismatch for a body that is not what its headers say: a Content-Length that is not
# the body's, an identity ETag that is not the tag of the body, a gzip ETag that is not the tag of
# the decompressed body plus "-gz". (Brotli bodies are checked by the seen list only: an ETag with
# two different bodies is a mismatch too, found by seen_twice.) Prints the status.
fetch_checked() {
  local url=$1 coding=$2 out=$3 headers status etag length encoding expected
  headers=$(curl -s -D - -o "$out" -H "Accept-Encoding: $coding" "$url")
  status=$(echo "$headers" | head -n1 | awk '{print $2}')
  echo "$status"
  [ "$status" == "200" ] || return 0
  etag=$(echo "$headers" | header ETag)
  length=$(echo "$headers" | header Content-Length)
  encoding=$(echo "$headers" | header Content-Encoding)
  echo "$etag $(sha256sum <"$out" | cut -c1-64) $url $coding" >>"$work/seen"
  [ "$length" == "$(stat -c %s "$out")" ] || echo "$url $coding: Content-Length $length, body $(stat -c %s "$out")" >>"$work/mismatch"
  case "$encoding" in
    "") expected="\"$(tag_of "$out")\"" ;;
    gzip) gzip -dc <"$out" >"$out.plain" 2>/dev/null; expected="\"$(tag_of "$out.plain")-gz\"" ;;
    *) expected=$etag ;;
  esac
  [ "$etag" == "$expected" ] || echo "$url $coding: ETag $etag, body's tag $expected" >>"$work/mismatch"
}

# ETags seen with two different bodies.
seen_twice() { [ -s "$work/seen" ] && awk '{print $1, $2}' "$work/seen" | sort -u | awk '{print $1}' | uniq -d | wc -l || echo 0; }

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]; exit $?
}
