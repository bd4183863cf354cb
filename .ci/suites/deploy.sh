#!/usr/bin/env bash
# The deployment check: two CxFeed instances behind nginx with deploy/nginx.conf (docs/deploy.md).
cd "$(dirname "$0")/../.."
timeout 900 bash deploy/check-nginx.sh
status=$?
if [ "$status" -eq 124 ]; then echo "deploy/check-nginx.sh ran out of time"; echo "0 passed, 1 failed"; fi
exit "$status"
