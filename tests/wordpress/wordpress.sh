#!/usr/bin/env bash
# A real WordPress for the tests, from Debian's packages, in a temporary folder, touching nothing
# of the system's configuration (docs: tests/wordpress/README.md).
#
#   wordpress.sh start DIR [PORT]   MariaDB on a private socket in DIR, WordPress installed and filled
#                                   with the 20 seed posts, served by PHP's built-in server on
#                                   127.0.0.1:PORT (a free port when none is given); prints the address
#   wordpress.sh stop DIR           stops both and removes DIR
#   wordpress.sh check              exit 0 when the packages are installed, else names what is missing
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

missing() {
  local gone=()
  [ -d /usr/share/wordpress/wp-includes ] || gone+=("wordpress (/usr/share/wordpress)")
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || gone+=("mariadb-server (mariadbd)")
  command -v php >/dev/null 2>&1 || gone+=("php-cli (php)")
  if command -v php >/dev/null 2>&1; then
    php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' || gone+=("php-mysql (mysqli)")
    php -r 'exit(extension_loaded("dom") ? 0 : 1);' || gone+=("php-xml (dom)")
  fi
  if [ "${#gone[@]}" -gt 0 ]; then echo "missing: ${gone[*]}"; return 1; fi
}

stop() {
  local dir=$1
  [ -s "$dir/run/php.pid" ] && kill -- "-$(cat "$dir/run/php.pid")" 2>/dev/null || true
  [ -s "$dir/run/mariadb.pid" ] && kill "$(cat "$dir/run/mariadb.pid")" 2>/dev/null || true
  # MariaDB flushes and removes its socket on the way out; wait for that before deleting its files.
  for _ in $(seq 100); do
    kill -0 "$(cat "$dir/run/mariadb.pid" 2>/dev/null)" 2>/dev/null || break
    sleep 0.05
  done
  rm -rf "$dir"
}

free_port() {
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

wait_for() { # seconds, what, test command...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 20))); do "$@" && return 0; sleep 0.05; done
  echo "$what did not come up within $seconds s" >&2
  return 1
}

start() {
  local dir=$1 port=${2:-}
  missing >&2 || exit 3
  mkdir -p "$dir/run" "$dir/db" "$dir/site/wp-content/mu-plugins" "$dir/site/wp-content/plugins" "$dir/site/wp-content/themes" "$dir/site/wp-content/uploads"
  dir=$(cd "$dir" && pwd)
  [ -n "$port" ] || port=$(free_port)

  # MariaDB as a plain process: no network, a socket of its own. The grant tables are skipped
  # (nothing but this socket can reach it), which spares mariadb-install-db and seconds per start.
  mariadbd --no-defaults --datadir="$dir/db" --socket="$dir/run/mariadb.sock" --pid-file="$dir/run/mariadb.pid" \
    --skip-networking --skip-grant-tables --user=root --log-error="$dir/mariadb.log" \
    --innodb-buffer-pool-size=32M --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=0 --skip-innodb-doublewrite \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci >/dev/null 2>&1 &
  echo $! > "$dir/run/mariadb.pid"
  wait_for 30 "MariaDB (log: $dir/mariadb.log)" mariadb --no-defaults --socket="$dir/run/mariadb.sock" -u root -e 'SELECT 1' >/dev/null 2>&1
  mariadb --no-defaults --socket="$dir/run/mariadb.sock" -u root -e 'CREATE DATABASE wordpress CHARACTER SET utf8mb4'

  # The site: Debian's WordPress code through symlinks, with our own wp-config.php and wp-content.
  # ABSPATH is defined before WordPress loads (router.php, load.php), so WordPress finds this
  # folder's wp-config.php and never Debian's /etc/wordpress.
  for entry in /usr/share/wordpress/*; do
    case "$(basename "$entry")" in wp-config.php|wp-content) ;; *) ln -s "$entry" "$dir/site/$(basename "$entry")" ;; esac
  done
  cp "$here/site/wp-config.php" "$dir/site/wp-config.php"
  cp "$here/site/cxfeed-test-site.php" "$dir/site/wp-content/mu-plugins/"
  echo "$port" > "$dir/run/port"

  CXFEED_SEEDS="$repo/seeds/posts" php "$here/install.php" "$dir" > "$dir/install.log" 2>&1 \
    || { cat "$dir/install.log" >&2; exit 1; }

  # A few workers, so that requests made at once (cxfeed's MaxConcurrency) are answered at once;
  # setsid makes them one process group, stopped together.
  PHP_CLI_SERVER_WORKERS=${CXFEED_WP_WORKERS:-4} setsid php -S "127.0.0.1:$port" -t "$dir/site" "$here/site/router.php" > "$dir/php.log" 2>&1 &
  echo $! > "$dir/run/php.pid"
  wait_for 30 "php -S on 127.0.0.1:$port (log: $dir/php.log)" php -r '$s = @fsockopen("127.0.0.1", '"$port"'); exit($s ? 0 : 1);'
  echo "http://127.0.0.1:$port/"
}

case "${1:-}" in
  start) [ -n "${2:-}" ] || { echo "usage: $0 start DIR [PORT]" >&2; exit 2; }; start "$2" "${3:-}" ;;
  stop) [ -n "${2:-}" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
  check) missing ;;
  *) echo "usage: $0 start DIR [PORT] | stop DIR | check" >&2; exit 2 ;;
esac
