#!/usr/bin/env bash
# The crawl against its politeness floor: a local site (Python's threaded HTTP server, written
# below) serves robots.txt, a sitemap and COUNT (1,000) generated post pages, each answer after a
# fixed server time of SERVER_MS (20) ms; `cxfeed pull` crawls it with MaxConcurrency CONCURRENCY
# (2) into an empty store, RUNS (3) times. The floor is what politeness allows at best:
# requests ÷ concurrency × server time. Prints each run's wall time (the whole `cxfeed pull`
# process, start-up included) against it, and the median ratio. Goal: within 1.2×.
# On a loaded machine the floor is out of anyone's reach: each run also times a bare client (Python,
# CONCURRENCY threads, keep-alive, no reading) fetching the same addresses from the same site, the
# best this machine does at that moment, and cxfeed's own CPU time (user + system). The site also
# says how long the process took to its first request (start-up) and for what share of the time
# from its first request to its last answer CONCURRENCY requests were in flight (the politeness
# limit used whole: 100 % is the floor's assumption).
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
spans = []
lock = threading.Lock()
def flight(concurrency):
    """Wall-clock seconds of the first request's start, the last answer's end, and the seconds between with at least `concurrency` in flight."""
    if not spans: return "0 0 0"
    events = sorted([(start, 1) for start, end in spans] + [(end, -1) for start, end in spans])
    in_flight, full, previous = 0, 0.0, events[0][0]
    for moment, change in events:
        if in_flight >= concurrency: full += moment - previous
        in_flight, previous = in_flight + change, moment
    return f"{events[0][0]:.3f} {events[-1][0]:.3f} {full:.3f}"
class Site(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # As nginx (tcp_nodelay on), Apache and Kestrel do: without it the body, written after the
    # headers, waits for their ACK, which the client's kernel delays ~40 ms (Nagle meeting delayed
    # ACK): every answer would take 20 + ~40 ms, tripling the floor for any client.
    disable_nagle_algorithm = True
    def log_message(self, *args): pass
    def do_GET(self):
        global count
        began = time.time()
        path = self.path.split("?")[0]
        # The script's own look-ups (/requests, /flight) answer at once and are not counted.
        if path in ("/requests", "/flight"):
            with lock:
                body = (str(count) if path == "/requests" else flight(int(self.path.split("=")[1]))).encode()
                if path == "/flight": spans.clear()
            self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body); return
        with lock: count += 1
        time.sleep(delay)
        if path == "/robots.txt": body, kind = f"User-agent: *\nDisallow: /wp-admin/\nSitemap: {blog}wp-sitemap.xml\n".encode(), "text/plain"
        elif path == "/wp-sitemap.xml": body, kind = sitemap, "application/xml"
        elif os.path.isfile(os.path.join(root, path.strip("/") + ".html")):
            body, kind = open(os.path.join(root, path.strip("/") + ".html"), "rb").read(), "text/html; charset=utf-8"
        else:
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        self.send_response(200); self.send_header("Content-Type", kind); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
        with lock: spans.append((began, time.time()))
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$work/site.py" "$work/posts" "$server_ms" > "$work/port" &
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -1 "$work/port")
requests_now() { curl -s "http://127.0.0.1:$port/requests"; }
flight() { curl -s "http://127.0.0.1:$port/flight?concurrency=$concurrency"; }

cat > "$work/bare.py" <<'PY'
import http.client, re, sys, threading, time
port, concurrency = int(sys.argv[1]), int(sys.argv[2])
def get(connection, path):
    connection.request("GET", path, headers={"User-Agent": "bare"}); return connection.getresponse().read()
connection = http.client.HTTPConnection("127.0.0.1", port)
start = time.monotonic()
get(connection, "/robots.txt")
# The sitemap is bytes: its slugs are decoded before they make a path.
paths = ["/" + slug.decode() + "/" for slug in re.findall(rb"<loc>https://www\.heartofthecustomer\.com/([^<]*)/</loc>", get(connection, "/wp-sitemap.xml"))]
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
startups=()
fulls=()
for run in $(seq "$runs"); do
  rm -rf "$work/store"
  before=$(requests_now)
  flight >/dev/null
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o "$work/cpu" dotnet "$work/app/cxfeed.dll" pull --CxFeed:Content:Source crawl \
    --CxFeed:Content:Crawl:Start https://www.heartofthecustomer.com/ --CxFeed:Content:Crawl:ConnectTo "http://127.0.0.1:$port/" \
    --CxFeed:Content:Crawl:MaxConcurrency "$concurrency" --CxFeed:Content:StorePath "$work/store" > "$work/pull.log" 2>&1
  status=$?
  elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  requests=$(( $(requests_now) - before ))
  read -r first last full <<< "$(flight)"
  startup_ms=$(awk -v f="$first" -v s="$start" 'BEGIN { printf "%d", f * 1000 - s / 1000000 }')
  full_pct=$(awk -v f="$first" -v l="$last" -v x="$full" 'BEGIN { printf "%.0f", (l > f ? 100 * x / (l - f) : 0) }')
  startups+=("$startup_ms")
  fulls+=("$full_pct")
  floor_ms=$(( requests * server_ms / concurrency ))
  ratio=$(awk -v a="$elapsed_ms" -v b="$floor_ms" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  cpu_ms=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/cpu")
  bare_ms=$(python3 "$work/bare.py" "$port" "$concurrency")
  read -r first last full <<< "$(flight)"
  bare_full=$(awk -v f="$first" -v l="$last" -v x="$full" 'BEGIN { printf "%.0f", (l > f ? 100 * x / (l - f) : 0) }')
  bare_ratio=$(awk -v a="$elapsed_ms" -v b="$bare_ms" 'BEGIN { printf "%.3f", a / b }')
  bare_ratios+=("$bare_ratio")
  echo "run $run: exit $status, $(tail -1 "$work/pull.log"); $requests requests; wall $elapsed_ms ms (cxfeed CPU $cpu_ms ms, start-up to first request $startup_ms ms, $concurrency in flight ${full_pct} % of the rest), floor $floor_ms ms ($requests ÷ $concurrency × $server_ms ms): ${ratio}×; bare client $bare_ms ms ($concurrency in flight ${bare_full} %): ${bare_ratio}×"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median: $(median "${ratios[@]}")× the politeness floor (goal: within 1.2×); $(median "${bare_ratios[@]}")× a bare client in the same run; start-up $(median "${startups[@]}") ms; $concurrency in flight $(median "${fulls[@]}") %; load average $(cut -d' ' -f1 /proc/loadavg)"
