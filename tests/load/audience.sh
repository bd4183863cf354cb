#!/usr/bin/env bash
# The 304 path with audience counting off and on, side by side in one run (docs/performance.md,
# "Audience counting"): two CxFeed instances on the seeds, one with CxFeed:Audience:Enabled=false,
# one counting into a SQLite file, each pinned to core 0 (taskset), wrk pinned to core 1. Each
# request is a reader's poll: its User-Agent and the feed's ETag in If-None-Match (304). ROUNDS
# rounds (15) of DURATION (2s) per instance, paired and alternating which goes first; printed: the
# medians, the median of each round's on/off ratio (pairs cancel the drift of a shared machine's
# load) with its spread, and the median ratio of the servers' processor time per request (from
# /proc, user + system; other work on the machine disturbs it far less). Needs wrk and taskset.
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
rounds=${ROUNDS:-15}
duration=${DURATION:-2s}
connections=${CONNECTIONS:-32}
nice=${NICE:-0}  # NICE=-20 (root): the measured processes ahead of other work on a shared machine
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_off=${PORT_OFF:-$(free_port)} port_on=${PORT_ON:-$(free_port)}
work=$(mktemp -d /tmp/cxfeed-audience-load.XXXXXX)
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap stop EXIT
wait_for() { local deadline=$((SECONDS + $2)); until curl -sf -o /dev/null "$1"; do [ $SECONDS -lt $deadline ] || return 1; sleep 0.2; done; }

echo "== building (Release)"
timeout 300 dotnet publish src/CxFeed -c Release -o "$work/cxfeed" --nologo -v q >/dev/null || exit 1
settings=(--content "$repo/seeds/posts" --feeds "$repo/feeds" --Logging:LogLevel:Default Warning)
DOTNET_gcServer=0 nice -n "$nice" taskset -c 0 dotnet "$work/cxfeed/cxfeed.dll" serve --urls "http://127.0.0.1:$port_off" "${settings[@]}" \
  --CxFeed:Audience:Enabled false >"$work/off.log" 2>&1 &
pids+=($!)
DOTNET_gcServer=0 nice -n "$nice" taskset -c 0 dotnet "$work/cxfeed/cxfeed.dll" serve --urls "http://127.0.0.1:$port_on" "${settings[@]}" \
  --CxFeed:Audience:DatabasePath "$work/audience.db" >"$work/on.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port_off/healthz" 120 && wait_for "http://127.0.0.1:$port_on/healthz" 120 || { cat "$work"/*.log; exit 1; }
etag=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port_on/feeds/posts.rss" | tr -d '\r' | awk 'tolower($1)=="etag:" {print $2}')
agent='NetNewsWire (RSS Reader; https://netnewswire.com/)'
echo "   load: $(cut -d' ' -f1-3 /proc/loadavg)"

pid_off=${pids[0]} pid_on=${pids[1]}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # user + system time of a process, in clock ticks
tick_us=$((1000000 / $(getconf CLK_TCK)))
measure() { # measure PORT PID: "requests/s µs-of-server-CPU-per-request" of one wrk run of 304s
  local before after
  before=$(cpu_ticks "$2")
  timeout 60 nice -n "$nice" taskset -c 1 wrk -t1 -c"$connections" -d"$duration" -H 'Accept-Encoding: gzip' -H "If-None-Match: $etag" -H "User-Agent: $agent" \
    "http://127.0.0.1:$1/feeds/posts.rss" >"$work/wrk.txt"
  after=$(cpu_ticks "$2")
  awk -v ticks=$((after - before)) -v tick_us="$tick_us" '$2 == "requests" && $3 == "in" {n=$1} /Requests\/sec/ {rps=$2} END {printf "%.0f %.2f\n", rps, n ? ticks * tick_us / n : 0}' "$work/wrk.txt"
}
measure "$port_off" "$pid_off" >/dev/null; measure "$port_on" "$pid_on" >/dev/null   # warm-up
off=() on=() ratios=() cpu_ratios=()
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    read -r a ca < <(measure "$port_off" "$pid_off"); read -r b cb < <(measure "$port_on" "$pid_on")
  else
    read -r b cb < <(measure "$port_on" "$pid_on"); read -r a ca < <(measure "$port_off" "$pid_off")
  fi
  off+=("$a"); on+=("$b")
  ratios+=("$(echo "$b / $a" | bc -l)")
  cpu_ratios+=("$(echo "$ca / $cb" | bc -l)")
  echo "   round $round: off $a/s ($ca µs CPU a request), on $b/s ($cb µs)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m_off=$(median "${off[@]}") m_on=$(median "${on[@]}")
sleep 2
dotnet "$work/cxfeed/cxfeed.dll" stats --feed posts --days 1 --CxFeed:Audience:DatabasePath "$work/audience.db" >"$work/stats.txt"
counted=$(awk 'NR==2 {gsub(",", "", $6); print $6}' "$work/stats.txt")
dropped=$(awk '/could not be counted/ {gsub(",", "", $1); print $1}' "$work/stats.txt")
sorted=($(printf '%s\n' "${ratios[@]}" | sort -n))
printf '\n| 304 path | Requests/s (median of %s) |\n| --- | ---: |\n| counting off | %s |\n| counting on | %s |\n| median of the rounds'"'"' on/off | %.3f (%.3f–%.3f) |\n| median of the rounds'"'"' server CPU a request, off/on | %.3f |\n' \
  "$rounds" "$m_off" "$m_on" "$(median "${ratios[@]}")" "${sorted[0]}" "${sorted[-1]}" "$(median "${cpu_ratios[@]}")"
echo "counted by the instance with counting on: ${counted:-0} requests, ${dropped:-0} dropped; load: $(cut -d' ' -f1-3 /proc/loadavg)"
