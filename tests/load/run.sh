#!/usr/bin/env bash
# Load on 127.0.0.1, side by side in one run: CxFeed, nginx serving the same bytes as static files
# (cxfeed build output, gzip_static), and a bare Kestrel endpoint writing the same bytes from
# memory (tests/load/BareKestrel, the framework's floor). For each: /feeds/posts.rss with gzip
# (200) and with its ETag in If-None-Match (304), with wrk. ROUNDS rounds (5) of DURATION (5s)
# each, interleaved; the median of the rounds is printed with the ratios. Bounded in time.
# Needs Debian's nginx and wrk. Run it on a quiet machine (uptime below ~1).
#
# PINNED=1: the request path alone. CxFeed (audience counting on, into a SQLite file here) and bare
# Kestrel, each on core 0 (taskset), wrk on core 1; no nginx. Paths: 304 (If-None-Match with the
# gzip form's ETag), identity 200, gzip 200, br 200, every request with a reader's User-Agent.
# Each round measures every path on both servers back to back, alternating which goes first;
# printed per path: the medians, the median of the rounds' CxFeed/bare ratios and their spread, and
# the median ratio of the servers' processor time per request (from /proc, user + system), which
# other work on the machine disturbs far less than requests/s.
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
rounds=${ROUNDS:-5}
duration=${DURATION:-5s}
connections=${CONNECTIONS:-32}
nice=${NICE:-0}  # NICE=-20 (root): the measured processes ahead of other work on a shared machine
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_cxfeed=$(free_port) port_bare=$(free_port) port_nginx=$(free_port)
work=$(mktemp -d /tmp/cxfeed-load.XXXXXX)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap stop EXIT
wait_for() { local deadline=$((SECONDS + $2)); until curl -sf -o /dev/null "$1"; do [ $SECONDS -lt $deadline ] || return 1; sleep 0.2; done; }
header_of() { # header_of URL NAME [ACCEPT-ENCODING]
  curl -s -D - -o /dev/null -H "Accept-Encoding: ${3:-gzip}" "$1" | tr -d '\r' | awk -v name="$2" 'tolower($1)==tolower(name)":" {sub(/^[^:]*: /, ""); print}'
}
etag_of() { header_of "$1" etag; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== building (Release)"
timeout 300 dotnet publish src/CxFeed -c Release -o "$work/cxfeed" --nologo -v q >/dev/null || exit 1
timeout 300 dotnet publish tests/load/BareKestrel -c Release -o "$work/bare" --nologo -v q >/dev/null || exit 1
settings=(--content "$repo/seeds/posts" --feeds "$repo/feeds" --CxFeed:Publish:BaseUrl http://127.0.0.1:$port_nginx/)
timeout 300 dotnet "$work/cxfeed/cxfeed.dll" build --out "$work/site" "${settings[@]}" >/dev/null || exit 1
counting=(--CxFeed:Audience:DatabasePath "$work/audience.db")
# The server's stored publication here too, never in the repository (another run may hold its lock).
stored=(--CxFeed:Publish:StoredPath "$work/publication")

if [ "${PINNED:-0}" == 1 ]; then
  echo "== starting CxFeed (counting on) and bare Kestrel on core 0; wrk on core 1"
  DOTNET_gcServer=0 nice -n "$nice" taskset -c 0 dotnet "$work/cxfeed/cxfeed.dll" serve --urls "http://127.0.0.1:$port_cxfeed" "${settings[@]}" "${counting[@]}" "${stored[@]}" \
    --Logging:LogLevel:Default Warning >"$work/cxfeed.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$port_cxfeed/healthz" 120 || { cat "$work/cxfeed.log"; exit 1; }
  feed="http://127.0.0.1:$port_cxfeed/feeds/posts.rss"
  identity_etag=$(header_of "$feed" etag identity)
  DOTNET_gcServer=0 nice -n "$nice" taskset -c 0 dotnet "$work/bare/BareKestrel.dll" "http://127.0.0.1:$port_bare" "$work/site/feeds/posts.rss" \
    "$identity_etag" "$(header_of "$feed" last-modified)" >"$work/bare.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$port_bare/" 30 || { cat "$work/bare.log"; exit 1; }
  for coding in identity gzip br; do
    for port in "$port_cxfeed" "$port_bare"; do
      curl -s -D "$work/headers" -H "Accept-Encoding: $coding" -o "$work/body" "http://127.0.0.1:$port/feeds/posts.rss"
      suffix=$([ $coding == identity ] && echo "" || ([ $coding == gzip ] && echo .gz || echo .br))
      cmp -s "$work/body" "$work/site/feeds/posts.rss$suffix" || { echo "port $port does not send the built $coding bytes"; exit 1; }
      grep -iv '^date:' "$work/headers" | sort >"$work/headers.$coding.$port"
    done
    cmp -s "$work/headers.$coding.$port_cxfeed" "$work/headers.$coding.$port_bare" \
      || { echo "the two servers' $coding headers differ:"; diff "$work/headers.$coding.$port_cxfeed" "$work/headers.$coding.$port_bare"; exit 1; }
  done
  gzip_etag=$(etag_of "$feed")
  agent='NetNewsWire (RSS Reader; https://netnewswire.com/)'
  echo "   same bytes and headers from both (identity, gzip, br); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # user + system time of a process, in clock ticks
  tick_us=$((1000000 / $(getconf CLK_TCK)))
  pinned() { # pinned PORT PATH PID: "requests/s µs-of-server-CPU-per-request" of one wrk run on core 1
    local extra=() before after
    before=$(cpu_ticks "$3")
    case $2 in
      304) extra=(-H 'Accept-Encoding: gzip' -H "If-None-Match: $gzip_etag") ;;
      identity) extra=(-H 'Accept-Encoding: identity') ;;
      gzip) extra=(-H 'Accept-Encoding: gzip') ;;
      br) extra=(-H 'Accept-Encoding: br, gzip') ;;
    esac
    timeout 60 nice -n "$nice" taskset -c 1 wrk -t1 -c"$connections" -d"$duration" -H "User-Agent: $agent" "${extra[@]}" "http://127.0.0.1:$1/feeds/posts.rss" >"$work/wrk.txt"
    after=$(cpu_ticks "$3")
    awk -v ticks=$((after - before)) -v tick_us="$tick_us" '$2 == "requests" && $3 == "in" {n=$1} /Requests\/sec/ {rps=$2} END {printf "%.0f %.2f\n", rps, n ? ticks * tick_us / n : 0}' "$work/wrk.txt"
  }
  paths=(304 identity gzip br)
  pid_cxfeed=${pids[0]} pid_bare=${pids[1]}
  for path in "${paths[@]}"; do pinned "$port_cxfeed" "$path" "$pid_cxfeed" >/dev/null; pinned "$port_bare" "$path" "$pid_bare" >/dev/null; done  # warm-up
  declare -A cx bare ratio cpu
  for round in $(seq 1 "$rounds"); do
    line="   round $round:"
    for path in "${paths[@]}"; do
      if [ $((round % 2)) -eq 1 ]; then read -r a ca < <(pinned "$port_cxfeed" "$path" "$pid_cxfeed"); read -r b cb < <(pinned "$port_bare" "$path" "$pid_bare")
      else read -r b cb < <(pinned "$port_bare" "$path" "$pid_bare"); read -r a ca < <(pinned "$port_cxfeed" "$path" "$pid_cxfeed"); fi
      r=$(echo "${a:-0} / ${b:-1}" | bc -l)
      c=$(echo "${cb:-0} / ${ca:-1}" | bc -l)
      cx[$path]+="$a "; bare[$path]+="$b "; ratio[$path]+="$r "; cpu[$path]+="$c "
      line+=" $path $(printf '%.3f' "$r") ($a/$b; CPU $ca/$cb µs)"
    done
    echo "$line"
  done
  sleep 2
  printf '\n| Path | CxFeed requests/s | bare Kestrel requests/s | CxFeed/bare, median of %s rounds | spread (lowest–highest) | bare/CxFeed server CPU per request, median |\n| --- | ---: | ---: | ---: | ---: | ---: |\n' "$rounds"
  for path in "${paths[@]}"; do
    label=$(case $path in 304) echo "304";; identity) echo "200, identity";; gzip) echo "200, gzip";; br) echo "200, br";; esac)
    lo=$(tr ' ' '\n' <<<"${ratio[$path]}" | awk NF | sort -n | head -1)
    hi=$(tr ' ' '\n' <<<"${ratio[$path]}" | awk NF | sort -n | tail -1)
    printf '| %s | %s | %s | **%.3f** | %.3f–%.3f | %.3f |\n' "$label" "$(tr ' ' '\n' <<<"${cx[$path]}" | awk NF | median)" \
      "$(tr ' ' '\n' <<<"${bare[$path]}" | awk NF | median)" "$(tr ' ' '\n' <<<"${ratio[$path]}" | awk NF | median)" "$lo" "$hi" \
      "$(tr ' ' '\n' <<<"${cpu[$path]}" | awk NF | median)"
  done
  dotnet "$work/cxfeed/cxfeed.dll" stats --feed posts --days 1 "${counting[@]}" >"$work/stats.txt"
  echo "counted by CxFeed: $(awk 'NR==2 {print $6}' "$work/stats.txt") requests of posts today; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

echo "== starting the three servers"
DOTNET_gcServer=0 dotnet "$work/cxfeed/cxfeed.dll" serve --urls "http://127.0.0.1:$port_cxfeed" "${settings[@]}" "${counting[@]}" "${stored[@]}" --Logging:LogLevel:Default Warning >"$work/cxfeed.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port_cxfeed/healthz" 120 || { cat "$work/cxfeed.log"; exit 1; }
cxfeed_etag=$(etag_of "http://127.0.0.1:$port_cxfeed/feeds/posts.rss")
DOTNET_gcServer=0 dotnet "$work/bare/BareKestrel.dll" "http://127.0.0.1:$port_bare" "$work/site/feeds/posts.rss" \
  "$(header_of "http://127.0.0.1:$port_cxfeed/feeds/posts.rss" etag identity)" "$(header_of "http://127.0.0.1:$port_cxfeed/feeds/posts.rss" last-modified)" >"$work/bare.log" 2>&1 &
pids+=($!)
mkdir -p "$work/nginx"
chmod 755 "$work"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    types { application/rss+xml rss; }
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server {
        listen 127.0.0.1:$port_nginx;
        root $work/site;
        gzip_static on;
        gzip_vary on;
        add_header Cache-Control "public, max-age=300, stale-while-revalidate=60, stale-if-error=86400";
    }
}
CONF
/usr/sbin/nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
wait_for "http://127.0.0.1:$port_bare/" 30 && wait_for "http://127.0.0.1:$port_nginx/feeds/posts.rss" 30 || exit 1
nginx_etag=$(etag_of "http://127.0.0.1:$port_nginx/feeds/posts.rss")
cmp -s <(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port_cxfeed/feeds/posts.rss") "$work/site/feeds/posts.rss.gz" \
  && cmp -s <(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port_bare/feeds/posts.rss") "$work/site/feeds/posts.rss.gz" \
  && cmp -s <(curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port_nginx/feeds/posts.rss") "$work/site/feeds/posts.rss.gz" \
  || { echo "the three servers do not send the same gzip bytes"; exit 1; }
echo "   same $(stat -c %s "$work/site/feeds/posts.rss.gz") gzip bytes from all three; load: $(cut -d' ' -f1-3 /proc/loadavg)"

# One wrk run: prints "requests/s p99-ms". The 304 path sends the server's own ETag.
measure() { # measure PORT ETAG-OR-EMPTY
  local extra=()
  [ -n "$2" ] && extra=(-H "If-None-Match: $2")
  timeout 60 wrk -t1 -c"$connections" -d"$duration" --latency -H 'Accept-Encoding: gzip' "${extra[@]}" "http://127.0.0.1:$1/feeds/posts.rss" \
    | awk '/Requests\/sec/ {rps=$2} / 99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; p99=v} END {printf "%.0f %.3f\n", rps, p99}'
}

declare -A results
for server in cxfeed bare nginx; do
  port_var="port_$server"; measure "${!port_var}" "" >/dev/null  # warm-up
done
for round in $(seq 1 "$rounds"); do
  for server in cxfeed bare nginx; do
    port_var="port_$server"; etag_var="${server}_etag"
    [ "$server" == bare ] && etag=$cxfeed_etag || etag=${!etag_var}
    results[$server,gzip]+="$(measure "${!port_var}" "") "$'\n'
    results[$server,304]+="$(measure "${!port_var}" "$etag") "$'\n'
  done
  echo "   round $round of $rounds done"
done

declare -A rps p99
printf '\n| Path | Server | Requests/s | p99 (ms) | vs bare Kestrel | vs nginx |\n| --- | --- | ---: | ---: | ---: | ---: |\n'
for path in gzip 304; do
  for server in cxfeed bare nginx; do
    rps[$server]=$(echo -n "${results[$server,$path]}" | awk 'NF {print $1}' | median)
    p99[$server]=$(echo -n "${results[$server,$path]}" | awk 'NF {print $2}' | median)
  done
  for server in cxfeed bare nginx; do
    name=$([ "$server" == cxfeed ] && echo CxFeed || ([ "$server" == bare ] && echo "bare Kestrel" || echo nginx))
    label=$([ "$path" == gzip ] && echo "200, gzip" || echo "304")
    printf '| %s | %s | %s | %s | %.2f× | %.2f× |\n' "$label" "$name" "${rps[$server]}" "${p99[$server]}" \
      "$(echo "${rps[$server]} / ${rps[bare]}" | bc -l)" "$(echo "${rps[$server]} / ${rps[nginx]}" | bc -l)"
  done
done
