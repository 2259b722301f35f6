#!/usr/bin/env bash
# Builds the solution and runs every test project. Ends with one line: "N passed, N failed, N skipped".
# Services the tests need are started here as later packages add them (see README).
# Then packs the packages to artifacts/packages and builds tests/WixUcp.PackageConsumer against them by version:
# that check counts as one more passed or failed item.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test WixUcp.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# A build that fails before any test runs prints no totals: count it as one failure rather than report nothing.
build_failed=0
if [ "$status" -ne 0 ] && ! grep -qE "(Passed|Failed)! +- Failed:" "$log"; then
  build_failed=1
fi

# Package check. The consumer restores into artifacts/package-consumer (see its Directory.Build.props), wiped here so
# that it gets the packages just packed, not an earlier build's of the same version.
rm -rf artifacts/packages artifacts/package-consumer
package_passed=0 package_failed=0
if dotnet pack WixUcp.sln -c Release -o artifacts/packages \
  && dotnet build tests/WixUcp.PackageConsumer/WixUcp.PackageConsumer.csproj -c Release; then
  package_passed=1
  echo "package consumer: passed (packages in artifacts/packages)"
else
  package_failed=1
  echo "package consumer: FAILED (pack, or the build of tests/WixUcp.PackageConsumer against artifacts/packages)"
  [ "$status" -ne 0 ] || status=1
fi

grep -E "(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$log" \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk -v xp="$package_passed" -v xf="$((package_failed + build_failed))" \
      '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p+xp, f+xf, s}'
exit "$status"
