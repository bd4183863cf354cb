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

dotnet "$program" --filter '*FeedRenderingBenchmarks*' --exporters markdown --artifacts "$work/bdn" | tail -n 20
node_ms=$(field renderMs < "$work/node.jsonl" | median)
node_rss=$(field peakRssBytes < "$work/node.jsonl" | median)
cx_rss=$(field peakRssBytes < "$work/cxfeed.jsonl" | median)
echo
echo "feed 6.0.0: median render ${node_ms} ms, median peak RSS $((${node_rss%.*} / 1048576)) MiB over $runs runs"
echo "CxFeed, same work: median peak RSS $((${cx_rss%.*} / 1048576)) MiB ($(awk "BEGIN { printf \"%.2f\", $cx_rss / $node_rss }") of feed's)"
echo "CxFeed's time: the BenchmarkDotNet table above (ratio = ${node_ms} ms / its mean)"
