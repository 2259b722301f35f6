#!/usr/bin/env bash
# Throughput and latency of UCP operations as MCP tool calls versus the equivalent REST calls, in one run against one
# sample host process (Release, embedded sandbox, auth off, logging and metrics at their defaults).
#
#   benchmarks/load/mcp-vs-rest.sh            # 2 rounds of 10 s per pair, 16 connections
#   ROUNDS=3 DURATION=15s CONNECTIONS=32 benchmarks/load/mcp-vs-rest.sh
#
# Pairs: catalog search (POST /ucp/catalog/search vs tools/call search_catalog) and get checkout
# (GET /ucp/checkout-sessions/{id} vs tools/call get_checkout). Within a round REST and MCP alternate so drift hits both
# alike. MCP posts are what real UCP clients send: Accept: application/json, no initialize. wrk shares the cores.
# Needs wrk, curl and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 2; }

dotnet build samples/WixUcp.SampleHost -c Release -v q -nologo >/dev/null
dll=samples/WixUcp.SampleHost/bin/Release/net10.0/WixUcp.SampleHost.dll
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
profile="$base/demo/platform-profile"
agent="profile=\"$profile\""
work=$(mktemp -d)
trap 'rm -rf "$work"; [[ -n "${pid:-}" ]] && kill "$pid" 2>/dev/null || true' EXIT

ASPNETCORE_ENVIRONMENT=Development UCP_AUTH_ENABLED=false UCP_RATE_LIMIT_ENABLED=false LOG_LEVEL=WARN \
  dotnet "$dll" --urls "$base" --contentRoot "$PWD/samples/WixUcp.SampleHost" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf "$base/health/live" >/dev/null && break; sleep 0.1; done
id=$(curl -sf -X POST "$base/ucp/checkout-sessions" -H "UCP-Agent: $agent" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -H 'Content-Type: application/json' -d '{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

post_script() {  # file body
  python3 - "$1" "$2" <<'PY'
import json, sys
body = sys.argv[2]
open(sys.argv[1], "w").write('wrk.method = "POST"\nwrk.body = ' + json.dumps(body) + '\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Accept"] = "application/json"\n')
PY
}
meta="{\"ucp-agent\":{\"profile\":\"$profile\"}}"
post_script "$work/rest-search.lua" '{"query":"tea"}'
post_script "$work/mcp-search.lua" "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search_catalog\",\"arguments\":{\"meta\":$meta,\"catalog\":{\"query\":\"tea\"}}}}"
post_script "$work/mcp-get.lua" "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_checkout\",\"arguments\":{\"meta\":$meta,\"id\":\"$id\"}}}"

run() {  # label url [script]
  local args=(-t2 -c"$CONNECTIONS" --latency -H "UCP-Agent: $agent")
  [[ -n "${3:-}" ]] && args+=(-s "$3")
  wrk "${args[@]}" -d3s "$2" >/dev/null   # warm-up
  local out
  out=$(wrk "${args[@]}" -d"$DURATION" "$2")
  echo "$1 $(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out") $(awk '/Non-2xx/ {print $5}' <<<"$out" | grep . || echo 0)" >>"$work/results"
}

for round in $(seq 1 "$ROUNDS"); do
  run "search/rest" "$base/ucp/catalog/search" "$work/rest-search.lua"
  run "search/mcp" "$base/ucp/mcp" "$work/mcp-search.lua"
  run "get_checkout/rest" "$base/ucp/checkout-sessions/$id"
  run "get_checkout/mcp" "$base/ucp/mcp" "$work/mcp-get.lua"
done

python3 - "$work/results" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
print("| round | operation | REST req/s | MCP req/s | MCP/REST | REST p50 | MCP p50 | REST p99 | MCP p99 | extra per call |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for i in range(0, len(rows), 2):
    rest, mcp = rows[i], rows[i + 1]
    a, b = float(rest[1]), float(mcp[1])
    print(f"| {i // 4 + 1} | {rest[0].split('/')[0]} | {a:,.0f} | {b:,.0f} | {b / a:.2f} | {rest[2]} | {mcp[2]} | {rest[3]} | {mcp[3]} | {(1 / b - 1 / a) * 1e6:.0f} µs |")
    if rest[4] != "0" or mcp[4] != "0":
        print(f"  (non-2xx answers: REST {rest[4]}, MCP {mcp[4]})")
print("extra per call = 1/MCP - 1/REST: added wall time per call at saturation, machine-wide (wrk shares the cores).")
PY
