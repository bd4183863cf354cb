#!/usr/bin/env bash
# Starts two CxFeed instances on 127.0.0.1 and Debian's nginx in front of them with
# deploy/nginx.conf (as a foreground process with its own temp folder, not the system service),
# checks that both instances give identical bytes and ETags and that nginx caches them and answers
# 304s, then stops everything. Bounded in time; prints "N passed, N failed" last; exits 1 on failure.
# Ports: CXFEED_PORT_A (15081), CXFEED_PORT_B (15082), NGINX_PORT (15080). APP=DIR: a published CxFeed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
port_a=${CXFEED_PORT_A:-15081}
port_b=${CXFEED_PORT_B:-15082}
port_nginx=${NGINX_PORT:-15080}
work=$(mktemp -d /tmp/cxfeed-deploy.XXXXXX)
passed=0
failed=0
pids=()
loaders=()

stop() {
  touch "$work/load/stop" 2>/dev/null
  for pid in "${loaders[@]}"; do wait "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  rm -rf "$work"
}
trap stop EXIT

check() { # check NAME EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1: expected '$2', got '$3'"
  fi
}

finish() {
  [ "$failed" -eq 0 ] || [ ! -s "$work/nginx/error.log" ] || { echo "== nginx error log"; tail -n 20 "$work/nginx/error.log"; }
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]; exit $?
}

wait_for() { # wait_for URL SECONDS
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

# APP=DIR: a CxFeed published before (as tests/load/soak.sh takes it), else it is published here.
if [ -n "${APP:-}" ] && [ -f "$APP/cxfeed.dll" ]; then
  mkdir -p "$work/app" && cp -r "$APP"/. "$work/app/"
else
  echo "== building CxFeed (Release)"
  if ! timeout 600 dotnet publish src/CxFeed -c Release -o "$work/app" --nologo -v q >"$work/publish.log" 2>&1; then
    cat "$work/publish.log"; echo "dotnet publish failed or ran out of time"; failed=$((failed + 1)); finish
  fi
fi

# The shipped feeds and two partner feeds; keys made for this run, given as the environment.
mkdir -p "$work/feeds"
cp "$repo"/feeds/*.json "$work/feeds/"
echo '{ "title": "For CustomerThink", "content": "full", "access": "partner", "partners": ["customerthink"] }' >"$work/feeds/private.json"
echo '{ "title": "For Acme", "content": "full", "itemsPerPage": 5, "access": "partner", "partners": ["acme"] }' >"$work/feeds/acme-only.json"
ct_key="ct-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
acme_key="acme-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
start_instance() { # start_instance PORT: in the background, its pid in $instance
  CxFeed__Access__Partners__customerthink__Keys__0="$ct_key" CxFeed__Access__Partners__acme__Keys__0="$acme_key" \
  dotnet "$work/app/cxfeed.dll" serve --urls "http://127.0.0.1:$1" --content "$repo/seeds/posts" --feeds "$work/feeds" \
    --CxFeed:Publish:BaseUrl https://feeds.example.com/ \
    --CxFeed:Audience:DatabasePath "$work/audience.db" --CxFeed:Audience:CountedByProxy true --CxFeed:Audience:FlushInterval 00:00:00.2 \
    --CxFeed:Access:ClientAddressHeader X-Real-IP >>"$work/cxfeed-$1.log" 2>&1 &
  instance=$!
}
for port in "$port_a" "$port_b"; do
  start_instance "$port"
  pids+=("$instance")
done
for port in "$port_a" "$port_b"; do
  if ! wait_for "http://127.0.0.1:$port/feeds/posts.rss" 180; then
    echo "instance on $port did not start:"; cat "$work/cxfeed-$port.log"; failed=$((failed + 1)); finish
  fi
done

mkdir -p "$work/nginx/cache" "$work/nginx/temp"
# nginx started by root runs its workers as an unprivileged user, who must write the cache.
chmod 777 "$work/nginx/cache" "$work/nginx/temp"
chmod 755 "$work"
sed -e "s|127.0.0.1:5081|127.0.0.1:$port_a|; s|127.0.0.1:5082|127.0.0.1:$port_b|" \
    -e "s|listen 80;|listen 127.0.0.1:$port_nginx;|" \
    -e "s|/var/cache/nginx/cxfeed|$work/nginx/cache|" \
    -e "s|/var/log/nginx/cxfeed.access.log|$work/nginx/access.log|" deploy/nginx.conf >"$work/nginx/cxfeed.conf"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;
    include $work/nginx/cxfeed.conf;
}
CONF
/usr/sbin/nginx -t -c "$work/nginx/nginx.conf" -p "$work/nginx" >"$work/nginx/test.log" 2>&1
check "nginx accepts deploy/nginx.conf" 0 $?
/usr/sbin/nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)
wait_for "http://127.0.0.1:$port_nginx/healthz" 20 || { cat "$work/nginx/error.log"; failed=$((failed + 1)); finish; }

echo "== the two instances agree"
for path in /feeds/posts.rss /feeds/posts.atom /feeds/posts.json /feeds/customerthink.rss /feeds/posts/page/2.json / /feeds.opml; do
  for coding in identity gzip br; do
    a=$(curl -s -D - -o "$work/a" -H "Accept-Encoding: $coding" "http://127.0.0.1:$port_a$path" | header ETag)
    b=$(curl -s -D - -o "$work/b" -H "Accept-Encoding: $coding" "http://127.0.0.1:$port_b$path" | header ETag)
    check "same ETag for $path ($coding)" "$a" "$b"
    check "same bytes for $path ($coding)" "$(sha256sum <"$work/a")" "$(sha256sum <"$work/b")"
  done
done

echo "== nginx caches and answers 304s"
url="http://127.0.0.1:$port_nginx/feeds/posts.rss"
etag=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port_a/feeds/posts.rss" | header ETag)
first=$(curl -s -D - -o "$work/n1" -H 'Accept-Encoding: gzip' "$url")
check "nginx: 200 for the first request" 200 "$(echo "$first" | head -n1 | awk '{print $2}')"
check "nginx: the instances' ETag" "$etag" "$(echo "$first" | header ETag)"
check "nginx: gzip passed through" gzip "$(echo "$first" | header Content-Encoding)"
second=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$url")
check "nginx: the second request is a cache hit" HIT "$(echo "$second" | header X-Cache-Status)"
check "nginx: Cache-Control from CxFeed" "public, max-age=300, stale-while-revalidate=60, stale-if-error=86400" "$(echo "$second" | header Cache-Control)"
check "nginx: 304 for If-None-Match" 304 "$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "If-None-Match: $etag" "$url")"
modified=$(echo "$first" | header Last-Modified)
check "nginx: 304 for If-Modified-Since" 304 "$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "If-Modified-Since: $modified" "$url")"
check "nginx: 200 for an old ETag" 200 "$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H 'If-None-Match: "old"' "$url")"
br=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip, deflate, br' "$url")
check "nginx: br for a browser's Accept-Encoding" br "$(echo "$br" | header Content-Encoding)"
forged=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' -H 'Host: evil.example' "$url" | header ETag)
check "nginx: a forged Host gets the same ETag" "$etag" "$forged"
check "nginx: /healthz passes through" ok "$(curl -s "http://127.0.0.1:$port_nginx/healthz" | head -n1)"

echo "== nginx: every feed request is counted, cache hits too"
# The requests column of `cxfeed stats` for the posts feed today, from the database both instances write.
counted() {
  local n
  n=$(dotnet "$work/app/cxfeed.dll" stats --feed posts --days 1 --CxFeed:Audience:DatabasePath "$work/audience.db" 2>/dev/null | awk 'NR==2 {gsub(",", "", $6); print $6}')
  echo "${n:-0}"
}
sleep 1
before=$(counted)
hits=0
for _ in $(seq 1 20); do
  status=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' -A 'NetNewsWire (RSS Reader; https://netnewswire.com/)' "$url" | header X-Cache-Status)
  [ "$status" == "HIT" ] && hits=$((hits + 1))
done
check "nginx: at least 18 of 20 requests are cache hits" yes "$([ "$hits" -ge 18 ] && echo yes || echo "no, $hits")"
deadline=$((SECONDS + 20))
after=$(counted)
while [ "$after" -lt $((before + 20)) ] && [ $SECONDS -lt $deadline ]; do sleep 0.5; after=$(counted); done
sleep 1
after=$(counted)
check "nginx: 20 requests through nginx, 20 counted" 20 $((after - before))
check "nginx: a client cannot pose as the counting mirror" 200 "$(curl -s -o /dev/null -w '%{http_code}' -H 'X-CxFeed-Mirror: 1' "$url")"

echo "== nginx never serves a partner's feed to another client"
purl="http://127.0.0.1:$port_nginx/feeds/private.rss"
aurl="http://127.0.0.1:$port_nginx/feeds/acme-only.rss"
p1=$(curl -s -D - -o "$work/p1" -u "customerthink:$ct_key" "$purl")
check "nginx: the partner gets its feed" 200 "$(echo "$p1" | head -n1 | awk '{print $2}')"
check "nginx: the partner's feed is private" "private, max-age=300" "$(echo "$p1" | header Cache-Control)"
check "nginx: the partner's feed holds its title" 1 "$(grep -c '<title>For CustomerThink</title>' "$work/p1")"
for coding in identity gzip br; do
  check "nginx: then an anonymous request for the same address gets 401 ($coding)" 401 \
    "$(curl -s -o "$work/anon" -w '%{http_code}' -H "Accept-Encoding: $coding" "$purl")"
  check "nginx: and none of the feed's bytes ($coding)" 0 "$(grep -c 'For CustomerThink' "$work/anon")"
done
check "nginx: the key in the address works" 200 "$(curl -s -o /dev/null -w '%{http_code}' "$purl?key=$ct_key")"
check "nginx: then the address without the key gets 401" 401 "$(curl -s -o /dev/null -w '%{http_code}' "$purl")"
check "nginx: a cache-busting query without the key gets 401" 401 "$(curl -s -o /dev/null -w '%{http_code}' "$purl?x=1")"
check "nginx: acme gets its own feed" 200 "$(curl -s -o "$work/a1" -w '%{http_code}' -u "acme:$acme_key" "$aurl")"
check "nginx: acme's feed is not customerthink's" "1 0" "$(grep -c '<title>For Acme</title>' "$work/a1") $(grep -c 'For CustomerThink' "$work/a1")"
check "nginx: acme's key on customerthink's feed gets 401" 401 "$(curl -s -o /dev/null -w '%{http_code}' -u "acme:$acme_key" "$purl")"
check "nginx: customerthink's key on acme's feed gets 401" 401 "$(curl -s -o /dev/null -w '%{http_code}' "$aurl?key=$ct_key")"
check "nginx: the OPML list names no partner feed" 0 "$(curl -s "http://127.0.0.1:$port_nginx/feeds.opml" | grep -c -e private -e acme-only)"
check "nginx: the access log has the requests" yes "$([ -s "$work/nginx/access.log" ] && echo yes || echo no)"
check "nginx: the access log never holds a key" 0 "$(grep -c -e "$ct_key" -e "$acme_key" "$work/nginx/access.log")"
check "CxFeed: no instance log holds a key" 0 "$(cat "$work"/cxfeed-*.log | grep -c -e "$ct_key" -e "$acme_key")"

echo "== one instance killed and restarted under load: clients see no error"
# Requests that reach an instance every time (a partner's feed with its key and /healthz are never
# cached) and one nginx answers from its cache, from 4 clients in a loop, while instance A is killed
# (SIGKILL, a crash) and started again, then instance B stopped (SIGTERM, a deploy) and started
# again. nginx sends a request that fails on the dead instance to the other (proxy_next_upstream).
mkdir -p "$work/load"
for client in 1 2 3 4; do
  (
    while [ ! -e "$work/load/stop" ]; do
      # One -o per address: the bodies go nowhere, only the statuses to the file.
      curl -s -w '%{http_code} %{url_effective}\n' -H 'Accept-Encoding: gzip' \
        -o /dev/null "$purl?key=$ct_key" -o /dev/null "http://127.0.0.1:$port_nginx/healthz" \
        -o /dev/null "$url" -o /dev/null "http://127.0.0.1:$port_nginx/feeds/posts.json" >>"$work/load/$client"
    done
  ) &
  loaders+=($!)
done
restart() { # restart INDEX PORT SIGNAL
  kill "-$3" "${pids[$1]}" 2>/dev/null
  wait "${pids[$1]}" 2>/dev/null
  sleep 2
  start_instance "$2"
  pids[$1]=$instance
  wait_for "http://127.0.0.1:$2/feeds/posts.rss" 180 || echo "instance on $2 did not start again"
  # nginx takes an instance that failed back only after fail_timeout (5 s in nginx.conf) from its
  # last failure: stopping the other one before that leaves no live upstream (docs/deploy.md).
  sleep 6
}
sleep 2
restart 0 "$port_a" KILL
restart 1 "$port_b" TERM
touch "$work/load/stop"
for pid in "${loaders[@]}"; do wait "$pid"; done
total=$(cat "$work"/load/[1-4] | wc -l)
check "under load, instance A killed and B stopped, each restarted: every one of $total requests a 200" "$total" \
  "$(cat "$work"/load/[1-4] | grep -c '^200 ')"
# What the others were, by status and address (the query, which holds a key, cut off).
cat "$work"/load/[1-4] | grep -v '^200 ' | sed -E 's/\?.*//' | sort | uniq -c | head -n 10
check "under load: at least 100 requests made" yes "$([ "$total" -ge 100 ] && echo yes || echo no)"
check "under load: both instances answer again" "200 200" \
  "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_a/healthz") $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_b/healthz")"

echo "== nginx serves stale copies while both instances are down"
kill "${pids[0]}" "${pids[1]}" 2>/dev/null
wait "${pids[0]}" "${pids[1]}" 2>/dev/null
check "nginx: cached feed with the instances down" 200 "$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' "$url")"

finish
