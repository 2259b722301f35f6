#!/usr/bin/env bash
# Throughput of GET checkout with logging and metrics on versus off, measured side by side in one run.
#
#   benchmarks/load/observability-overhead.sh            # 2 rounds of 10 s per configuration, 16 connections
#   ROUNDS=3 DURATION=15s CONNECTIONS=32 benchmarks/load/observability-overhead.sh
#
# "on":  LOG_LEVEL=INFO, METRICS_ENABLED=true (the sample host's defaults: JSON logs, OpenTelemetry + /metrics)
# "off": LOG_LEVEL=NONE, METRICS_ENABLED=false
# Both run the sample host (Release, embedded sandbox, auth off) on loopback; wrk shares the machine's cores. The
# configurations alternate (on, off, on, off, ...) so drift hits both alike. Needs wrk and curl.
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
agent="profile=\"$base/demo/platform-profile\""
results=$(mktemp)
trap 'rm -f "$results"; [[ -n "${pid:-}" ]] && kill "$pid" 2>/dev/null || true' EXIT

measure() {  # name log_level metrics_enabled
  ASPNETCORE_ENVIRONMENT=Development UCP_AUTH_ENABLED=false LOG_LEVEL="$2" METRICS_ENABLED="$3" \
    dotnet "$dll" --urls "$base" --contentRoot "$PWD/samples/WixUcp.SampleHost" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -sf "$base/health/live" >/dev/null && break; sleep 0.1; done
  local id
  id=$(curl -sf -X POST "$base/ucp/checkout-sessions" -H "UCP-Agent: $agent" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
    -H 'Content-Type: application/json' -d '{"line_items":[{"item":{"id":"tea_sencha"},"quantity":1}]}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  wrk -t2 -c"$CONNECTIONS" -d3s -H "UCP-Agent: $agent" "$base/ucp/checkout-sessions/$id" >/dev/null   # warm-up
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "UCP-Agent: $agent" "$base/ucp/checkout-sessions/$id")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$1 $rps $p50 $p99 ${non2xx:-0}" >>"$results"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

for round in $(seq 1 "$ROUNDS"); do
  measure "on" INFO true
  measure "off" NONE false
done

python3 - "$results" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
print("| round | on req/s | off req/s | on/off | on p50 | off p50 | on p99 | off p99 | cost per request |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for i in range(0, len(rows), 2):
    on, off = rows[i], rows[i + 1]
    a, b = float(on[1]), float(off[1])
    cost = (1 / a - 1 / b) * 1e6
    print(f"| {i // 2 + 1} | {a:,.0f} | {b:,.0f} | {a / b:.3f} | {on[2]} | {off[2]} | {on[3]} | {off[3]} | {cost:.2f} µs |")
    if on[4] != "0" or off[4] != "0":
        print(f"  (non-2xx answers: on {on[4]}, off {off[4]})")
print("cost per request = 1/on - 1/off: extra wall time per request at saturation, machine-wide (wrk shares the cores).")
PY
