#!/usr/bin/env bash
# The crawl against its politeness floor: a local site (Python's threaded HTTP server, written
# below) serves robots.txt, a sitemap and COUNT (1,000) generated post pages, each answer after a
# fixed server time of SERVER_MS (20) ms; `cxfeed pull` crawls it with MaxConcurrency CONCURRENCY
# (2) into an empty store, RUNS (3) times. The floor is what politeness allows at best:
# requests ÷ concurrency × server time. Prints each run's wall time (the whole `cxfeed pull`
# process, start-up included) against it, and the median ratio. Goal: within 1.2×.
# On a loaded machine the floor is out of anyone's reach: each run also times a bare client (Python,
# CONCURRENCY threads, keep-alive, no reading) fetching the same addresses from the same site, the
# best this machine does at that moment, and cxfeed's own CPU time (user + system).
set -uo pipefail
cd "$(dirname "$0")/../.."
count=${COUNT:-1000}
server_ms=${SERVER_MS:-20}
concurrency=${CONCURRENCY:-2}
runs=${RUNS:-3}
work=$(mktemp -d /tmp/cxfeed-crawl.XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

echo "== generating $count pages"
timeout 600 dotnet run -c Release --project tests/CxFeed.Benchmarks -- pages "$work/posts" "$count" >/dev/null || exit 1
timeout 300 dotnet publish src/CxFeed -c Release -o "$work/app" --nologo -v q >/dev/null || exit 1

cat > "$work/site.py" <<'PY'
import http.server, os, sys, time, threading
root, delay = sys.argv[1], float(sys.argv[2]) / 1000
blog = "https://www.heartofthecustomer.com/"
pages = sorted(name[:-5] for name in os.listdir(root) if name.endswith(".html"))
sitemap = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           + "".join(f"<url><loc>{blog}{slug}/</loc></url>\n" for slug in pages) + "</urlset>\n").encode()
count = 0
lock = threading.Lock()
class Site(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args): pass
    def do_GET(self):
        global count
        with lock: count += 1
        time.sleep(delay)
        path = self.path.split("?")[0]
        if path == "/robots.txt": body, kind = f"User-agent: *\nDisallow: /wp-admin/\nSitemap: {blog}wp-sitemap.xml\n".encode(), "text/plain"
        elif path == "/wp-sitemap.xml": body, kind = sitemap, "application/xml"
        elif path == "/requests": body, kind = str(count).encode(), "text/plain"
        elif os.path.isfile(os.path.join(root, path.strip("/") + ".html")):
            body, kind = open(os.path.join(root, path.strip("/") + ".html"), "rb").read(), "text/html; charset=utf-8"
        else:
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        self.send_response(200); self.send_header("Content-Type", kind); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$work/site.py" "$work/posts" "$server_ms" > "$work/port" &
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -1 "$work/port")
requests_now() { curl -s "http://127.0.0.1:$port/requests"; }

cat > "$work/bare.py" <<'PY'
import http.client, re, sys, threading, time
port, concurrency = int(sys.argv[1]), int(sys.argv[2])
def get(connection, path):
    connection.request("GET", path, headers={"User-Agent": "bare"}); return connection.getresponse().read()
connection = http.client.HTTPConnection("127.0.0.1", port)
start = time.monotonic()
get(connection, "/robots.txt")
paths = ["/" + slug + "/" for slug in re.findall(rb"<loc>https://www\.heartofthecustomer\.com/([^<]*)/</loc>", get(connection, "/wp-sitemap.xml"))]
paths = [path.decode() for path in paths]
def worker(part):
    own = http.client.HTTPConnection("127.0.0.1", port)
    for path in part: get(own, path)
threads = [threading.Thread(target=worker, args=(paths[i::concurrency],)) for i in range(concurrency)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(int((time.monotonic() - start) * 1000))
PY

ratios=()
bare_ratios=()
for run in $(seq "$runs"); do
  rm -rf "$work/store"
  before=$(requests_now)
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o "$work/cpu" dotnet "$work/app/cxfeed.dll" pull --CxFeed:Content:Source crawl \
    --CxFeed:Content:Crawl:Start https://www.heartofthecustomer.com/ --CxFeed:Content:Crawl:ConnectTo "http://127.0.0.1:$port/" \
    --CxFeed:Content:Crawl:MaxConcurrency "$concurrency" --CxFeed:Content:StorePath "$work/store" > "$work/pull.log" 2>&1
  status=$?
  elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # The /requests look-up itself is one request, not the crawl's.
  requests=$(( $(requests_now) - before - 1 ))
  floor_ms=$(( requests * server_ms / concurrency ))
  ratio=$(awk -v a="$elapsed_ms" -v b="$floor_ms" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  cpu_ms=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/cpu")
  bare_ms=$(python3 "$work/bare.py" "$port" "$concurrency")
  bare_ratio=$(awk -v a="$elapsed_ms" -v b="$bare_ms" 'BEGIN { printf "%.3f", a / b }')
  bare_ratios+=("$bare_ratio")
  echo "run $run: exit $status, $(tail -1 "$work/pull.log"); $requests requests; wall $elapsed_ms ms (cxfeed CPU $cpu_ms ms), floor $floor_ms ms ($requests ÷ $concurrency × $server_ms ms): ${ratio}×; bare client $bare_ms ms: ${bare_ratio}×"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median: $(median "${ratios[@]}")× the politeness floor (goal: within 1.2×); $(median "${bare_ratios[@]}")× a bare client in the same run; load average $(cut -d' ' -f1 /proc/loadavg)"
