#!/usr/bin/env bash
# A real WordPress for the tests, from Debian's packages, in a temporary folder, touching nothing
# of the system's configuration (docs: tests/wordpress/README.md).
#
#   wordpress.sh start DIR [PORT]   MariaDB on a private socket in DIR, WordPress installed and filled
#                                   with the 20 seed posts, served by PHP's built-in server on
#                                   127.0.0.1:PORT (a free port when none is given); prints the address
#   wordpress.sh stop DIR           stops both and removes DIR
#   wordpress.sh web-stop|web-start|db-stop|db-start DIR   an outage of PHP's server or MariaDB, and the return
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
  stop_pid "$dir/run/php.pid"
  stop_pid "$dir/run/mariadb.pid"
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

# MariaDB as a plain process: no network, a socket of its own. The grant tables are skipped
# (nothing but this socket can reach it), which spares mariadb-install-db and seconds per start.
start_db() {
  local dir=$1
  running "$dir/run/mariadb.pid" && return 0
  mariadbd --no-defaults --datadir="$dir/db" --socket="$dir/run/mariadb.sock" --pid-file="$dir/run/mariadb.pid" \
    --skip-networking --skip-grant-tables --user=root --log-error="$dir/mariadb.log" \
    --innodb-buffer-pool-size=32M --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=0 --skip-innodb-doublewrite \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci >/dev/null 2>&1 &
  echo $! > "$dir/run/mariadb.pid"
  wait_for 30 "MariaDB (log: $dir/mariadb.log)" mariadb --no-defaults --socket="$dir/run/mariadb.sock" -u root -e 'SELECT 1' >/dev/null 2>&1
}

# PHP's built-in server with a few workers, so that requests made at once (cxfeed's
# MaxConcurrency) are answered at once; setsid makes them one process group, stopped together.
start_web() {
  local dir=$1 port
  port=$(cat "$dir/run/port")
  running "$dir/run/php.pid" && return 0
  PHP_CLI_SERVER_WORKERS=${CXFEED_WP_WORKERS:-4} setsid php -S "127.0.0.1:$port" -t "$dir/site" "$here/site/router.php" > "$dir/php.log" 2>&1 &
  echo $! > "$dir/run/php.pid"
  wait_for 30 "php -S on 127.0.0.1:$port (log: $dir/php.log)" php -r '$s = @fsockopen("127.0.0.1", '"$port"'); exit($s ? 0 : 1);'
}

running() { kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }

stop_pid() { # pid file: stops the process (a group leader with its group) and waits until it is gone
  local file=$1 pid
  pid=$(cat "$file" 2>/dev/null) || return 0
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  rm -f "$file"
}

start() {
  local dir=$1 port=${2:-}
  missing >&2 || exit 3
  mkdir -p "$dir/run" "$dir/db" "$dir/site/wp-content/mu-plugins" "$dir/site/wp-content/plugins" "$dir/site/wp-content/themes" "$dir/site/wp-content/uploads"
  dir=$(cd "$dir" && pwd)
  [ -n "$port" ] || port=$(free_port)

  start_db "$dir"
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

  start_web "$dir"
  echo "http://127.0.0.1:$port/"
}

case "${1:-}" in
  start) [ -n "${2:-}" ] || { echo "usage: $0 start DIR [PORT]" >&2; exit 2; }; start "$2" "${3:-}" ;;
  stop) [ -n "${2:-}" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
  check) missing ;;
  # Outages for the tests: the web server or the database away, and back.
  web-stop) stop_pid "$2/run/php.pid" ;;
  web-start) start_web "$(cd "$2" && pwd)" ;;
  db-stop) stop_pid "$2/run/mariadb.pid" ;;
  db-start) start_db "$(cd "$2" && pwd)" ;;
  *) echo "usage: $0 start DIR [PORT] | stop DIR | check" >&2; exit 2 ;;
esac
