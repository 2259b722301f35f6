#!/usr/bin/env bash
# Rewrites each package's PublicAPI.Unshipped.txt from what the package exposes now (added symbols appear, removed
# ones go), after an intentional API change. Review the diff: it is the API change.
# Usage: eng/update-public-api.sh src/WixUcp.Core [src/WixUcp.AspNetCore ...]
set -euo pipefail
cd "$(dirname "$0")/.."
for project in "$@"; do
  log=$(mktemp)
  echo '#nullable enable' > "$project/PublicAPI.Unshipped.txt"
  dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
  grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u >> "$project/PublicAPI.Unshipped.txt" || true
  { head -n1 "$project/PublicAPI.Unshipped.txt"; tail -n +2 "$project/PublicAPI.Unshipped.txt" | sort -u; } > "$log.sorted"
  mv "$log.sorted" "$project/PublicAPI.Unshipped.txt"
  rm -f "$log"
done
