#!/usr/bin/env bash
# Soak and faults at a short length (docs/reliability.md, "Soak and faults"): CxFeed published
# once, tests/load/soak.sh for DURATION (120 s: memory is compared between the second and the last quarter, past the warm-up) of wrk at saturation while posts and a feed
# definition change, then tests/load/faults.sh. Last line: the totals of both, "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/cxfeed-soak-ci.XXXXXX)
trap 'rm -rf "$work"' EXIT
# faults.sh runs the server as nobody when it is root (so that chmod 000 bites): the app must be readable.
chmod 755 "$work"

echo "== building CxFeed (Release)"
if ! timeout 600 dotnet publish src/CxFeed -c Release -o "$work/app" --nologo -v q >"$work/publish.log" 2>&1; then
  cat "$work/publish.log"; echo "0 passed, 1 failed"; exit 1
fi
chmod -R a+rX "$work/app"
passed=0 failed=0 status=0
for script in soak faults; do
  echo "== tests/load/$script.sh"
  APP="$work/app" DURATION=${DURATION:-120} timeout 600 bash "tests/load/$script.sh" 2>&1 | tee "$work/$script.out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$work/$script.out" | tail -n 1)
  if [ -z "$line" ]; then
    echo "tests/load/$script.sh printed no totals"; failed=$((failed + 1)); status=1
  else
    passed=$((passed + ${line%% passed*}))
    failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
  fi
done
echo "$passed passed, $failed failed"
exit "$status"
