#!/usr/bin/env bash
# The reading benchmark (docs/reading.md): cxfeed's reader on the saved pages of corpus/, scored
# for publishing, title, date, author, body, excerpt and speed; the table goes to standard output
# and to out/table.md, every failure to out/failures.tsv.
#
#   tests/reading/run.sh                    cxfeed alone (a minute); adds the peers' last readings if out/peers has them
#   tests/reading/run.sh --peers            also runs the peers: Readability and Postlight (npm ci; ~10 minutes), and SmartReader
#   tests/reading/run.sh --smartreader      also runs SmartReader (in process, ~1 minute)
#   tests/reading/run.sh --baseline main    also times the reader of git ref `main`: three rounds, alternating with
#                                           this tree's, each the median of --passes passes; the medians give the ratio
#   tests/reading/run.sh --passes 9         timed passes over the corpus per measurement (median; default 5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$here/out
peers=false
smartreader=false
baseline=
passes=5
while [ $# -gt 0 ]; do
  case $1 in
    --peers) peers=true; smartreader=true ;;
    --smartreader) smartreader=true ;;
    --baseline) baseline=${2:?--baseline needs a git ref}; shift ;;
    --passes) passes=${2:?--passes needs a number}; shift ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"

dotnet build "$root/tests/CxFeed.Reading" -c Release --nologo -v quiet >/dev/null
scorer=("dotnet" "$root/tests/CxFeed.Reading/bin/Release/net10.0/CxFeed.Reading.dll" --corpus "$here/corpus" --passes "$passes")
args=(--out "$out")

if $peers; then
  mkdir -p "$out/peers"
  (cd "$here/peers" && npm ci --no-audit --no-fund --loglevel=error && node read-peers.mjs "$here/corpus" "$out/peers" 1)
fi
$smartreader && args+=(--smartreader)
[ -d "$out/peers" ] && args+=(--peers "$out/peers")

if [ -n "$baseline" ]; then
  # The baseline's own src/ with this scorer, built apart in a temporary folder.
  copy=$(mktemp -d)
  trap 'rm -rf "$copy"' EXIT
  git -C "$root" archive "$baseline" src global.json Directory.Build.props | tar -x -C "$copy"
  cp "$root/Directory.Packages.props" "$copy/"
  mkdir -p "$copy/tests" && cp -r "$root/tests/CxFeed.Reading" "$copy/tests/" && rm -rf "$copy/tests/CxFeed.Reading/bin" "$copy/tests/CxFeed.Reading/obj"
  dotnet build "$copy/tests/CxFeed.Reading" -c Release --nologo -v quiet >/dev/null
  # A busy machine drifts: the two readers take turns, and each gets the median of its rounds.
  base=() this=()
  for round in 1 2 3; do
    base+=("$(dotnet "$copy/tests/CxFeed.Reading/bin/Release/net10.0/CxFeed.Reading.dll" --corpus "$here/corpus" --passes "$passes" --speed-only)")
    this+=("$("${scorer[@]}" --speed-only)")
  done
  median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
  echo "pages/s, three rounds: baseline ($baseline) ${base[*]}; this tree ${this[*]}" >&2
  args+=(--baseline "$(median "${base[@]}")" --speed "$(median "${this[@]}")")
fi

"${scorer[@]}" "${args[@]}"
