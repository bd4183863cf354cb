#!/usr/bin/env bash
# Load on 127.0.0.1, side by side in one run: CxFeed, nginx serving the same bytes as static files
# (cxfeed build output, gzip_static), and a bare Kestrel endpoint writing the same bytes from
# memory (tests/load/BareKestrel, the framework's floor). For each: /feeds/posts.rss with gzip
# (200) and with its ETag in If-None-Match (304), with wrk. ROUNDS rounds (5) of DURATION (5s)
# each, interleaved; the median of the rounds is printed with the ratios. Bounded in time.
# Needs Debian's nginx and wrk. Run it on a quiet machine (uptime below ~1).
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
rounds=${ROUNDS:-5}
duration=${DURATION:-5s}
connections=${CONNECTIONS:-32}
port_cxfeed=16081 port_bare=16082 port_nginx=16083
work=$(mktemp -d /tmp/cxfeed-load.XXXXXX)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap stop EXIT
wait_for() { local deadline=$((SECONDS + $2)); until curl -sf -o /dev/null "$1"; do [ $SECONDS -lt $deadline ] || return 1; sleep 0.2; done; }
etag_of() { curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$1" | tr -d '\r' | awk 'tolower($1)=="etag:" {print $2}'; }

echo "== building (Release)"
timeout 300 dotnet publish src/CxFeed -c Release -o "$work/cxfeed" --nologo -v q >/dev/null || exit 1
timeout 300 dotnet publish tests/load/BareKestrel -c Release -o "$work/bare" --nologo -v q >/dev/null || exit 1
settings=(--content "$repo/seeds/posts" --feeds "$repo/feeds" --CxFeed:Publish:BaseUrl http://127.0.0.1:$port_nginx/)
timeout 300 dotnet "$work/cxfeed/cxfeed.dll" build --out "$work/site" "${settings[@]}" >/dev/null || exit 1

echo "== starting the three servers"
DOTNET_gcServer=0 dotnet "$work/cxfeed/cxfeed.dll" serve --urls "http://127.0.0.1:$port_cxfeed" "${settings[@]}" --Logging:LogLevel:Default Warning >"$work/cxfeed.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port_cxfeed/healthz" 120 || { cat "$work/cxfeed.log"; exit 1; }
cxfeed_etag=$(etag_of "http://127.0.0.1:$port_cxfeed/feeds/posts.rss")
DOTNET_gcServer=0 dotnet "$work/bare/BareKestrel.dll" "http://127.0.0.1:$port_bare" "$work/site/feeds/posts.rss.gz" "$cxfeed_etag" >"$work/bare.log" 2>&1 &
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
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
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
