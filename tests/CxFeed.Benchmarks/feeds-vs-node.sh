#!/usr/bin/env bash
# CxFeed's feed rendering against the npm `feed` package, in one session on one machine:
#   1. the benchmark program writes its 10,000 generated posts (about 8 KB each) for node;
#   2. node renders them with feed 6.0.0 in RSS 2.0, Atom 1.0 and JSON Feed, RUNS times, each in
#      a fresh process (render time without loading the items; peak resident memory, VmHWM);
#   3. CxFeed renders the same work RUNS times in fresh processes for its peak resident memory;
#   4. BenchmarkDotNet times CxFeed (FeedRenderingBenchmarks: the same work, and every feed).
# Prints the medians and the ratios. See docs/performance.md. usage: feeds-vs-node.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench=tests/CxFeed.Benchmarks

dotnet build -c Release "$bench" --nologo -v quiet >/dev/null
program="$bench/bin/Release/net10.0/CxFeed.Benchmarks.dll"
dotnet "$program" --export-feed-items "$work/items.json"
(cd "$bench/node" && npm ci --no-audit --no-fund --loglevel=error)

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
field() { sed -E "s/.*\"$1\":([0-9.]+).*/\1/"; }

for i in $(seq "$runs"); do node "$bench/node/render-feed.mjs" "$work/items.json"; done | tee "$work/node.jsonl"
for i in $(seq "$runs"); do dotnet "$program" --peak-memory one-feed; done | tee "$work/cxfeed.jsonl"
dotnet "$program" --peak-memory every-feed | tee "$work/every.jsonl"

dotnet "$program" --filter '*FeedRenderingBenchmarks*' --exporters github --artifacts "$work/bdn" > "$work/bdn.log"
report=$(ls "$work"/bdn/results/*FeedRenderingBenchmarks*-report-github.md)
grep '^|' "$report"
# The mean of "one feed, …" in milliseconds (BenchmarkDotNet writes "612.3 ms" or "1.234 s").
cx_ms=$(grep '^| .one feed' "$report" | awk -F'|' '{ print $3 }' | sed -E 's/,//g' | awk '{ print ($2 == "s" ? $1 * 1000 : $1) }')
node_ms=$(field renderMs < "$work/node.jsonl" | median)
node_rss=$(field peakRssBytes < "$work/node.jsonl" | median)
cx_rss=$(field peakRssBytes < "$work/cxfeed.jsonl" | median)
echo
echo "feed 6.0.0, RSS + Atom + JSON of 10,000 posts: median ${node_ms%.*} ms, peak RSS $((${node_rss%.*} / 1048576)) MiB (median of $runs runs)"
echo "CxFeed, the same work: mean ${cx_ms} ms, peak RSS $((${cx_rss%.*} / 1048576)) MiB (median of $runs runs)"
echo "time: $(awk "BEGIN { printf \"%.1f\", $node_ms / $cx_ms }")x faster; memory: $(awk "BEGIN { printf \"%.2f\", $cx_rss / $node_rss }") of feed's peak"
