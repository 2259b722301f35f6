#!/usr/bin/env bash
# The load benchmark: the sample host in Release on its embedded default and on the production configuration (Redis
# state and rate limits, PostgreSQL, API-key authentication, request validation, JSON logs, metrics; Redis and
# PostgreSQL started here), beside the framework floor (a bare minimal API answering a fixed JSON of the size of a
# checkout) measured in the same run. Every scenario is reported as requests/s, p50/p90/p99, its ratio to the floor and
# the bytes the host allocated per request; the host's peak working set and what an open checkout holds in each store
# close the report. Rate limits are raised for the run (the report says so).
#
#   benchmarks/load/pipeline.sh                                    # 10 s per scenario, 32 connections, 2 wrk threads
#   DURATION=20s CONNECTIONS=64 CONFIGS=production benchmarks/load/pipeline.sh
#   CONFIGS=production EXTRA_ENV="LOG_LEVEL=WARN" benchmarks/load/pipeline.sh      # one setting changed, to find the cost
#   CONFIGS=production ONLY=PUT benchmarks/load/pipeline.sh        # only the scenarios whose name holds PUT (and the floor)
#   CONFIGS=production TRACE=PUT benchmarks/load/pipeline.sh       # CPU samples of the scenarios whose name holds PUT
#                                                                  # (dotnet-trace on PATH), summed by hot-frames.py
#
# Scenarios: GET /.well-known/ucp; POST /ucp/catalog/search; GET /ucp/checkout-sessions/{id}; PUT of a checkout
# (64 checkouts, unique idempotency keys); a create -> update -> complete flow (wrk Lua, unique keys, each request a
# step of some checkout); an MCP get_checkout tool call. The JSON lands in artifacts/load/pipeline.json.
# Needs wrk, curl, python3, openssl; the production configuration needs root (PostgreSQL runs as the postgres user).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-4s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
CONFIGS=${CONFIGS:-embedded production}
OUT=${OUT:-artifacts/load/pipeline.json}
OPEN_CHECKOUTS=${OPEN_CHECKOUTS:-2000}
for tool in wrk curl python3 openssl; do command -v "$tool" >/dev/null || { echo "pipeline.sh: $tool is needed" >&2; exit 2; }; done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${redis_port:-}" ] && { redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; }
  [ -n "${pgdata:-}" ] && { su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pgdata -m fast stop" >/dev/null 2>&1 || true; }
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 150); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "pipeline.sh: $1 did not answer" >&2; tail -5 "$work"/*.log >&2 || true; return 1; }

echo "building (Release)..." >&2
dotnet build samples/WixUcp.SampleHost -c Release -v q -nologo >/dev/null
dotnet build benchmarks/WixUcp.Benchmarks -c Release -v q -nologo >/dev/null
host_dll=$PWD/samples/WixUcp.SampleHost/bin/Release/net10.0/WixUcp.SampleHost.dll
bench_dll=$PWD/benchmarks/WixUcp.Benchmarks/bin/Release/net10.0/WixUcp.Benchmarks.dll
: >"$work/results"
mkdir -p "$(dirname "$OUT")"

# Budgets far above what the run sends (a million a second each), so the limiter decides every request and refuses none.
raised_limits=(WixUcp__RateLimits__Window=00:00:01 WixUcp__RateLimits__Profile=1000000 WixUcp__RateLimits__Catalog=1000000
  WixUcp__RateLimits__Checkout=1000000 WixUcp__RateLimits__Orders=1000000 WixUcp__RateLimits__ProfileFetches=1000000)

start_services() {
  redis_port=$(free_port)
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" --daemonize yes >/dev/null
  pg_port=$(free_port)
  pgdata=$work/pg
  mkdir -p "$pgdata" && chown postgres "$work" "$pgdata" && chmod 700 "$pgdata"
  su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/initdb -D $pgdata -A trust -U postgres" >/dev/null
  su postgres -s /bin/sh -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pgdata -w -o \"-p $pg_port -k $pgdata -c listen_addresses=127.0.0.1\" -l $work/pg.log start" >/dev/null
}

# start_host NAME PORT ENV... : the sample host process; its pid in host_pid.
start_host() {
  local name=$1 port=$2; shift 2
  env "$@" dotnet "$host_dll" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/samples/WixUcp.SampleHost" >"$work/$name.log" 2>&1 &
  host_pid=$!
  pids+=("$host_pid")
  wait_for "http://127.0.0.1:$port/health/live"
}

# CPU ticks (1/100 s) used so far: "host redis postgres machine" (machine: every CPU's busy time, wrk and the kernel's
# network work included), so each scenario's CPU per request can be split between its parts.
cpu_ticks() {
  local host redis=0 pg=0 pid
  host=$(awk '{print $14 + $15}' "/proc/$host_pid/stat" 2>/dev/null || echo 0)
  for pid in $(pgrep -x redis-server || true); do redis=$((redis + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  for pid in $(pgrep -u postgres || true); do pg=$((pg + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo "$host $redis $pg $(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
}
scrape_allocated() { curl -sf "$1/metrics" | awk '/^dotnet_gc_heap_total_allocated_bytes_total/ {print $2}'; }

lua_scripts() {  # BASE ID IDS_CSV -> the wrk scripts of the scenarios, in $work
  local base=$1 id=$2 ids=$3
  cat >"$work/keys.lua" <<'LUA'
local counter = 0
local function key()
  counter = counter + 1
  return string.format("%08x-%04x-4%03x-8%03x-%012x", math.random(0, 0x7fffffff), math.random(0, 0xffff), math.random(0, 0xfff), math.random(0, 0xfff), counter)
end
function init(args) math.randomseed(os.time() + math.floor(os.clock() * 1000000)) end
-- wrk.format replaces wrk.headers (the -H ones: UCP-Agent, X-API-Key) with the table it is given: start from them.
local function headers()
  local h = {["Content-Type"] = "application/json", ["Idempotency-Key"] = key()}
  for name, value in pairs(wrk.headers) do h[name] = value end
  return h
end
LUA
  python3 - "$work" "$base" "$id" "$ids" <<'PY'
import json, os, sys
work, base, checkout, ids = sys.argv[1:5]
keys = open(os.path.join(work, "keys.lua")).read()
update = '{"line_items":[{"id":"li_1","item":{"id":"tea_sencha"},"quantity":2}],"fulfillment":{"methods":[{"type":"shipping","line_item_ids":["li_1"],"selected_destination_id":"addr_ada_work","groups":[{"id":"fg_1","selected_option_id":"ship-standard"}]}]}}'
scripts = {
  "search": 'wrk.method = "POST"\nwrk.body = ' + json.dumps('{"query":"tea"}') + '\nwrk.headers["Content-Type"] = "application/json"\n',
  "put": keys + 'local ids = {' + ",".join(json.dumps(i) for i in ids.split(",")) + '}\nlocal n = 0\n'
         'request = function()\n  n = n + 1\n  return wrk.format("PUT", "/ucp/checkout-sessions/" .. ids[(n % #ids) + 1], headers(), ' + json.dumps(update) + ')\nend\n',
  # Each request is a step of some checkout: complete one that is ready, else update one that was created, else create.
  "flow": keys + 'local created, ready = {}, {}\n'
          'local create = ' + json.dumps('{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"buyer":{"email":"ada@example.com"}}') + '\n'
          'local update = ' + json.dumps(update) + '\n'
          'local complete = ' + json.dumps('{"payment":{"instruments":[{"id":"instr_1","handler_id":"mock_payment_handler","type":"card","credential":{"type":"token","token":"success_token"}}]}}') + '\n'
          'request = function()\n'
          '  if #ready > 0 then return wrk.format("POST", "/ucp/checkout-sessions/" .. table.remove(ready) .. "/complete", headers(), complete) end\n'
          '  if #created > 0 then return wrk.format("PUT", "/ucp/checkout-sessions/" .. table.remove(created), headers(), update) end\n'
          '  return wrk.format("POST", "/ucp/checkout-sessions", headers(), create)\n'
          'end\n'
          'response = function(status, headers, body)\n'
          '  local id, state = body:match(\'"id":"(chk_[0-9a-f]+)","status":"([a-z_]+)"\')\n'
          '  if id == nil or #created + #ready > 512 then return end\n'
          '  if state == "incomplete" then table.insert(created, id) elseif state == "ready_for_complete" then table.insert(ready, id) end\n'
          'end\n',
  "mcp": 'wrk.method = "POST"\nwrk.body = ' + json.dumps(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "get_checkout", "arguments": {"meta": {"ucp-agent": {"profile": base + "/demo/platform-profile"}}, "id": checkout}}})) + '\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Accept"] = "application/json"\n',
}
for name, text in scripts.items():
    open(os.path.join(work, name + ".lua"), "w").write(text)
PY
}

# run CONFIG SCENARIO URL [SCRIPT] : warm up, then measure; one line per scenario in $work/results.
run() {
  local config=$1 scenario=$2 url=$3 script=${4:-}
  local base=${url%%/ucp*}
  base=${base%%/.well-known*}; base=${base%%/floor*}
  local args=(-t"$THREADS" -c"$CONNECTIONS" --latency -H "UCP-Agent: $agent" -H "X-API-Key: $api_key")
  [ -n "$script" ] && args+=(-s "$script")
  if [ -n "${ONLY:-}" ] && [ "$config" != floor ] && [[ $scenario != *"$ONLY"* ]]; then return; fi
  if [ "${WARMING:-}" = 1 ]; then wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null; return; fi
  local before after out
  before=$(scrape_allocated "$base" || echo 0)
  local cpu_before
  cpu_before=$(cpu_ticks)
  local tracer=
  if [ -n "${TRACE:-}" ] && [[ $scenario == *"$TRACE"* ]]; then
    local trace_file
    trace_file="$(dirname "$OUT")/trace-$config-$(echo "$scenario" | tr -c 'A-Za-z0-9' '-' | tr -s '-').nettrace"
    dotnet-trace collect -p "$host_pid" --profile dotnet-common,dotnet-sampled-thread-time --format Speedscope -o "$trace_file" --duration 00:00:00:08 >/dev/null 2>&1 &
    tracer=$!
  fi
  out=$(wrk "${args[@]}" -d"$DURATION" "$url")
  after=$(scrape_allocated "$base" || echo 0)
  local cpu_after
  cpu_after=$(cpu_ticks)
  if [ -n "$tracer" ]; then wait "$tracer" || true; fi
  python3 - "$config" "$scenario" "$before" "$after" "$cpu_before" "$cpu_after" >>"$work/results" <<PY
import json, re, sys
out = """$out"""
config, scenario, before, after = sys.argv[1], sys.argv[2], float(sys.argv[3] or 0), float(sys.argv[4] or 0)
def ms(v):
    n, unit = float(re.match(r"[\d.]+", v).group()), re.search(r"[a-z]+$", v).group()
    return n * {"us": 0.001, "ms": 1, "s": 1000}[unit]
requests = int(re.search(r"(\d+) requests in", out).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
# Ticks are 10 ms; "rest" is wrk, the kernel's loopback work and anything else on the machine.
spent = [int(a) - int(b) for a, b in zip(sys.argv[6].split(), sys.argv[5].split())]
cpu = dict(zip(("host", "redis", "postgres"), (t * 10_000 / requests for t in spent[:3])))
cpu["rest"] = (spent[3] - sum(spent[:3])) * 10_000 / requests
print(json.dumps({
  "config": config, "scenario": scenario,
  "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
  "p50": ms(re.search(r"\s50%\s+(\S+)", out).group(1)), "p90": ms(re.search(r"\s90%\s+(\S+)", out).group(1)),
  "p99": ms(re.search(r"\s99%\s+(\S+)", out).group(1)), "requests": requests,
  "non2xx": int(non2xx.group(1)) if non2xx else 0,
  "allocated_per_request": (after - before) / requests if after > before else None,
  "cpu_us_per_request": cpu,
}))
PY
  echo "  $config $scenario: $(tail -1 "$work/results" | python3 -c 'import json,sys; r=json.load(sys.stdin); print("%.0f/s p99 %.2f ms, %d non-2xx" % (r["rps"], r["p99"], r["non2xx"]))')" >&2
}

# measure CONFIG PORT : every scenario against one host, then its peak working set and what an open checkout holds.
measure() {
  local config=$1 port=$2
  local base="http://127.0.0.1:$port"
  agent="profile=\"$base/demo/platform-profile\""
  local json=(-H "UCP-Agent: $agent" -H "X-API-Key: $api_key" -H 'Content-Type: application/json')
  new_checkout() {
    curl -sf -X POST "$base/ucp/checkout-sessions" "${json[@]}" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
      -d '{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"buyer":{"email":"ada@example.com"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
  }
  local id ids=() i
  id=$(new_checkout)
  for i in $(seq 1 64); do ids+=("$(new_checkout)"); done
  checkout_bytes=$(curl -sf "$base/ucp/checkout-sessions/$id" "${json[@]}" | wc -c)
  lua_scripts "$base" "$id" "$(IFS=,; echo "${ids[*]}")"

  # Every scenario once to warm up (tiered compilation and dynamic PGO settle over seconds of load), then measured.
  local pass
  for pass in 1 0; do
    WARMING=$pass run "$config" "GET /.well-known/ucp" "$base/.well-known/ucp"
    WARMING=$pass run "$config" "POST /ucp/catalog/search" "$base/ucp/catalog/search" "$work/search.lua"
    WARMING=$pass run "$config" "GET /ucp/checkout-sessions/{id}" "$base/ucp/checkout-sessions/$id"
    WARMING=$pass run "$config" "PUT /ucp/checkout-sessions/{id}" "$base/ucp/checkout-sessions/$id" "$work/put.lua"
    WARMING=$pass run "$config" "create -> update -> complete" "$base/ucp/checkout-sessions" "$work/flow.lua"
    WARMING=$pass run "$config" "MCP get_checkout" "$base/ucp/mcp" "$work/mcp.lua"
  done
  local peak
  peak=$(awk '/VmHWM/ {print $2 * 1024}' "/proc/$host_pid/status")
  echo "{\"config\":\"$config\",\"peak_working_set\":$peak,\"checkout_bytes\":$checkout_bytes}" >>"$work/memory"
}

: >"$work/memory"

for config in $CONFIGS; do
  port=$(free_port)
  case $config in
    embedded)
      echo "embedded default (in memory, development key)..." >&2
      start_host embedded "$port" ASPNETCORE_ENVIRONMENT=Development Sample__ServeDemoPlatformProfile=true "${raised_limits[@]}" ${EXTRA_ENV:-}
      for _ in $(seq 1 50); do api_key=$(grep -o 'Development API key: wixucp_[A-Za-z0-9_-]*' "$work/embedded.log" | head -1 | cut -d' ' -f4); [ -n "$api_key" ] && break; sleep 0.1; done
      ;;
    production)
      if [ "$(id -u)" != 0 ] || ! id postgres >/dev/null 2>&1 || [ ! -x /usr/lib/postgresql/15/bin/initdb ] || ! command -v redis-server >/dev/null; then
        echo "pipeline.sh: the production configuration needs root, redis-server and PostgreSQL 15; skipped" >&2; continue
      fi
      echo "production configuration (Redis, PostgreSQL, API key, JSON logs, metrics)..." >&2
      start_services
      production=(ASPNETCORE_ENVIRONMENT=Production WixUcp__PublicBaseUrl=https://shop.bench.example
        "WixUcp__Signing__PrivateKeyPem=$(openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null)"
        "WixUcp__Auth__ApiKeyPepper=$(openssl rand -base64 48)" WixUcp__Encryption__CurrentKeyId=k1 "WixUcp__Encryption__Keys__k1=$(openssl rand -base64 32)"
        "REDIS_URL=redis://127.0.0.1:$redis_port" "DATABASE_URL=postgres://postgres@127.0.0.1:$pg_port/postgres"
        WixUcp__Negotiation__AllowInsecureLoopbackProfiles=true Sample__ServeDemoPlatformProfile=true LOG_LEVEL=INFO "${raised_limits[@]}" ${EXTRA_ENV:-})
      api_key=$(env "${production[@]}" dotnet "$host_dll" keys create --platform bench --profile "http://127.0.0.1:$port/demo/platform-profile" \
        --permissions checkout:read,checkout:write,products:read,orders:read 2>>"$work/keys.log" | tail -1)
      start_host production "$port" "${production[@]}"
      ;;
    *) echo "pipeline.sh: unknown configuration $config" >&2; exit 2 ;;
  esac
  measure "$config" "$port"

  # What an open checkout holds in Redis: that many created, the memory they add (the in-memory store's figure comes
  # from the benchmark app's exact measurement: dotnet WixUcp.Benchmarks.dll memory).
  if [ "$config" = production ]; then
  before=$(redis-cli -p "$redis_port" info memory | awk -F: '/^used_memory:/ {print $2+0}')
  python3 - "$OPEN_CHECKOUTS" "http://127.0.0.1:$port" "$agent" "$api_key" <<'PY'
import json, sys, urllib.request, uuid
count, base, agent, key = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
body = b'{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}],"buyer":{"email":"ada@example.com"}}'
for _ in range(count):
    request = urllib.request.Request(base + "/ucp/checkout-sessions", data=body, method="POST", headers={
        "UCP-Agent": agent, "X-API-Key": key, "Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
    urllib.request.urlopen(request).read()
PY
    after=$(redis-cli -p "$redis_port" info memory | awk -F: '/^used_memory:/ {print $2+0}')
    echo "{\"config\":\"$config\",\"store\":\"redis (session hash + idempotency record)\",\"per_checkout\":$(( (after - before) / OPEN_CHECKOUTS ))}" >>"$work/memory"
  fi
  kill "$host_pid" 2>/dev/null || true
  wait "$host_pid" 2>/dev/null || true
done

echo "framework floor (a fixed JSON of $checkout_bytes bytes, the size of a checkout answer)..." >&2
floor_port=$(free_port)
dotnet "$bench_dll" floor --urls "http://127.0.0.1:$floor_port" --bytes "$checkout_bytes" >/dev/null 2>&1 &
host_pid=$!
pids+=("$host_pid")
wait_for "http://127.0.0.1:$floor_port/floor"
api_key=none agent=none
WARMING=1 run floor "GET /floor" "http://127.0.0.1:$floor_port/floor"
run floor "GET /floor (fixed JSON, $checkout_bytes bytes)" "http://127.0.0.1:$floor_port/floor"

python3 - "$work/results" "$work/memory" "$OUT" "$DURATION" "$CONNECTIONS" "$THREADS" <<'PY'
import json, os, platform, sys
results = [json.loads(l) for l in open(sys.argv[1])]
memory = [json.loads(l) for l in open(sys.argv[2])]
floor = next(r for r in results if r["config"] == "floor")
for r in results:
    r["ratio_to_floor"] = r["rps"] / floor["rps"]
report = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform()}, "duration": sys.argv[4], "connections": int(sys.argv[5]),
          "threads": int(sys.argv[6]), "rate_limits": "raised to 1,000,000 per second per budget for the run", "results": results, "memory": memory}
json.dump(report, open(sys.argv[3], "w"), indent=2)
print(f"wrk -t{sys.argv[6]} -c{sys.argv[5]} -d{sys.argv[4]} on loopback, sharing the cores with the host; rate limits raised for the run.")
print("CPU per request in microseconds: the host, Redis, PostgreSQL, and the rest (wrk, the kernel's loopback work).")
print("| configuration | scenario | req/s | ratio to floor | p50 ms | p90 ms | p99 ms | allocated/request | CPU µs/request host / Redis / PG / rest | non-2xx |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in results:
    alloc = f"{r['allocated_per_request'] / 1024:,.1f} KB" if r["allocated_per_request"] else "-"
    c = r["cpu_us_per_request"]
    cpu = f"{c['host']:.0f} / {c['redis']:.0f} / {c['postgres']:.0f} / {c['rest']:.0f}"
    print(f"| {r['config']} | {r['scenario']} | {r['rps']:,.0f} | {r['ratio_to_floor']:.2f} | {r['p50']:.2f} | {r['p90']:.2f} | {r['p99']:.2f} | {alloc} | {cpu} | {r['non2xx']} |")
for m in memory:
    if "peak_working_set" in m:
        print(f"{m['config']}: peak working set {m['peak_working_set'] / 2**20:,.0f} MiB; a checkout answer is {m['checkout_bytes']} bytes")
    else:
        print(f"{m['config']}: an open checkout holds {m['per_checkout']:,} bytes in {m['store']}")
PY
