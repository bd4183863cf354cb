#!/usr/bin/env bash
# A short fuzzing smoke: every target of tests/CxFeed.Fuzz (one per folder of its corpus/) runs
# under afl-fuzz for FUZZ_SECONDS (default 60) from its committed seeds. One check per target: no
# crash (an exception or a failed property) and no hang (an input slower than FUZZ_TIMEOUT ms),
# but for one open class of the clean target, reported and not failed (see open_class_only).
# A finding is printed with the command that replays it. docs/reliability.md has the long runs.
# Last line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
seconds="${FUZZ_SECONDS:-60}"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0
failed=0
built=0
# True when TARGET's findings are all crashes whose replay fails only "cleaning twice differs" (no hangs).
open_class_only() {
  local findings="$out/findings/$1/default" finding
  [ "$1" = clean ] || return 1
  compgen -G "$findings/hangs/id*" >/dev/null && return 1
  [ -d "$out/plain" ] || dotnet publish tests/CxFeed.Fuzz -c Release -o "$out/plain" --nologo -v quiet >/dev/null || return 1
  local replay
  for finding in "$findings"/crashes/id*; do
    [ -e "$finding" ] || continue
    # The replay exits 1 for any finding: kept in a variable, not piped (pipefail would take its status).
    replay=$(dotnet "$out/plain/CxFeed.Fuzz.dll" clean "$finding" 2>&1)
    grep -q 'PropertyFailure: cleaning twice differs from cleaning once' <<<"$replay" || return 1
  done
}
for corpus in tests/CxFeed.Fuzz/corpus/*/; do
  target=$(basename "$corpus")
  echo "== fuzz $target for ${seconds}s"
  FUZZ_BUILT=$built tests/CxFeed.Fuzz/fuzz.sh "$target" "$seconds" "$out"
  status=$?
  built=1
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    continue
  fi
  [ "$status" -eq 2 ] && { failed=$((failed + 1)); echo "fuzz $target: could not run"; built=0; continue; }
  # One class of finding is tolerated (docs/reliability.md, "The class 'cleaning twice differs'",
  # which says why and until when): the cleaner's output cleaned again differs. Such findings are
  # printed below and replayed uninstrumented; the check fails on anything else (an exception,
  # another property, a hang).
  if open_class_only "$target"; then
    passed=$((passed + 1))
    echo "fuzz $target: only findings of the open class 'cleaning twice differs' (listed below; docs/reliability.md)"
  else
    failed=$((failed + 1))
  fi
  # Findings are kept in the log as base64, so a CI run's output is enough to replay them:
  #   base64 -d > input && dotnet run --project tests/CxFeed.Fuzz -c Release -- TARGET input
  for finding in "$out/findings/$target"/default/crashes/id* "$out/findings/$target"/default/hangs/id*; do
    [ -e "$finding" ] || continue
    echo "fuzz $target: $(basename "$(dirname "$finding")") $(basename "$finding"), base64:"
    head -c 4096 "$finding" | base64 -w 0
    echo
  done
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
