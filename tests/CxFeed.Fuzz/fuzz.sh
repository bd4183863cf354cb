#!/usr/bin/env bash
# Fuzzes one target with afl-fuzz (Debian's afl++) through SharpFuzz.
#
#   tests/CxFeed.Fuzz/fuzz.sh TARGET [SECONDS] [OUT]
#
# Builds tests/CxFeed.Fuzz (Release) into OUT/bin, instruments CxFeed.Core.dll and
# HtmlAgilityPack.dll there with the sharpfuzz tool (dotnet-tools.json), then runs afl-fuzz on
# corpus/TARGET for SECONDS (default 60; 0 = until stopped) with findings in OUT/findings/TARGET
# (OUT defaults to a folder under /tmp). Exit 0 when afl found no crash and no hang, 1 otherwise,
# 2 on a setup error. The last lines are afl's statistics (executions, edges, crashes, hangs).
# Environment: FUZZ_TIMEOUT (ms per input, default 2000: a slower input is a hang),
# FUZZ_BUILT=1 (OUT/bin is already built and instrumented), FUZZ_RESUME=1 (go on from OUT's queue),
# FUZZ_NICE (the niceness of afl-fuzz and the target, default 0; 19 on a shared machine: the build
# itself runs at normal priority, it is short).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="${1:?usage: fuzz.sh TARGET [SECONDS] [OUT]}"
seconds="${2:-60}"
out="${3:-/tmp/cxfeed-fuzz}"
timeout_ms="${FUZZ_TIMEOUT:-2000}"
corpus="$here/corpus/$target"
[ -d "$corpus" ] || { echo "fuzz.sh: no corpus for target '$target' ($corpus)" >&2; exit 2; }
command -v afl-fuzz >/dev/null || { echo "fuzz.sh: afl-fuzz is missing (apt-get install afl++)" >&2; exit 2; }

bin="$out/bin"
if [ "${FUZZ_BUILT:-0}" != 1 ]; then
  # A fresh folder: an assembly instrumented by an earlier run is not instrumented twice.
  rm -rf "$bin" && mkdir -p "$out"
  (cd "$root" && dotnet tool restore >/dev/null && dotnet publish tests/CxFeed.Fuzz -c Release -o "$bin" --nologo -v quiet) \
    || { echo "fuzz.sh: the build failed" >&2; exit 2; }
  # SharpFuzz adds afl's edge coverage to the assemblies whose code parses the input.
  for assembly in CxFeed.Core.dll HtmlAgilityPack.dll; do
    (cd "$root" && dotnet sharpfuzz "$bin/$assembly") >/dev/null || { echo "fuzz.sh: could not instrument $assembly" >&2; exit 2; }
  done
fi

findings="$out/findings/$target"
input=(-i "$corpus")
if [ "${FUZZ_RESUME:-0}" = 1 ] && [ -d "$findings/default/queue" ]; then
  input=(-i -)
else
  rm -rf "$findings"
fi
mkdir -p "$findings"
# dotnet itself is not instrumented (SharpFuzz speaks afl's fork-server protocol from inside the
# process); the machine is shared, so no CPU binding and no demands on the core pattern or governor.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_NO_UI=1 AFL_QUIET=1 AFL_AUTORESUME=0 DOTNET_TieredPGO=0
limit=()
[ "$seconds" -gt 0 ] && limit=(-V "$seconds")
stats="$findings/default/fuzzer_stats"
# On a heavily loaded machine afl-fuzz has been seen to abort its first dry run ("No
# instrumentation detected") on a seed that maps fine the next time: it gets a second try.
for attempt in 1 2; do
  nice -n "${FUZZ_NICE:-0}" afl-fuzz "${input[@]}" -o "$findings" -t "$timeout_ms" -m none "${limit[@]}" -- dotnet "$bin/CxFeed.Fuzz.dll" "$target" > "$findings/afl.log" 2>&1
  status=$?
  [ -f "$stats" ] && break
  [ "$attempt" = 1 ] && [ "${input[1]}" != - ] && cp "$findings/afl.log" "$out/afl-$target-first-try.log" && rm -rf "$findings/default"
done
if [ ! -f "$stats" ]; then
  tail -n 30 "$findings/afl.log"
  echo "fuzz.sh: afl-fuzz did not start (exit $status)" >&2
  exit 2
fi
grep -E '^(execs_done|execs_per_sec|corpus_count|edges_found|total_edges|bitmap_cvg|saved_crashes|saved_hangs|run_time)\b' "$stats"
crashes=$(sed -nE 's/^saved_crashes *: *([0-9]+).*/\1/p' "$stats")
hangs=$(sed -nE 's/^saved_hangs *: *([0-9]+).*/\1/p' "$stats")
[ "${crashes:-1}" -eq 0 ] && [ "${hangs:-1}" -eq 0 ]
