#!/usr/bin/env bash
# Builds the seeds with `cxfeed build`, then has independent npm feed parsers (rss-parser,
# @rowanmanning/feed-parser, feedsmith; JSON.parse for JSON Feed) read every feed, format and page
# and compare them with the posts as the reader reads them (tests/feed-parsers/expected.json).
# Last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/build"

echo "== cxfeed build --out $out"
timeout 600 dotnet run --project src/CxFeed -- build --out "$out"
status=$?
# 1 means the content has problems: the feeds are still written, and the parsers judge them.
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] || [ ! -d "$out/feeds" ]; then
  echo "cxfeed build failed (exit $status)"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== npm ci"
if ! (cd tests/feed-parsers && timeout 300 npm ci --no-audit --no-fund --loglevel=error); then
  echo "npm ci failed"
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== parsers"
timeout 300 node tests/feed-parsers/check-feeds.mjs "$out" tests/feed-parsers/expected.json feeds
