#!/usr/bin/env bash
# `make load`: the leads endpoint under Debian's wrk on loopback, bounded in time. Starts the built service (Release) on
# a fresh store seeded from graph-seeds in a temp folder, checks the gap answers with leads, runs wrk, and prints
# requests/s, p99 latency and errors. Fails when any request errs. Not part of `make test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-5091}
duration=${DURATION:-30s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
# A real seeded gap: LFP cathode in Kunming (the battery chain), as the graph stood at the end of 2025.
url="http://127.0.0.1:$port/api/regions/${REGION:-530100}/segments/${SEGMENT:-lfp-cathode}/leads?asOf=2025-12-31"

bash "$root/scripts/install-deps.sh" load
dll="$root/src/ChainMatch.Api/bin/Release/net10.0/ChainMatch.Api.dll"
[ -f "$dll" ] || { echo "error: $dll not built: run make compile" >&2; exit 1; }

data=$(mktemp -d)
log="$data/service.log"
# Request logging is per request at Information: keep it out of the measurement, warnings and errors still show.
(cd "$root/src/ChainMatch.Api" && exec dotnet "$dll" --urls "http://127.0.0.1:$port" --Graph:DataDirectory="$data" \
  --Graph:SeedDirectory="$root/graph-seeds" --Ranking:ModelPath="$root/models/lead-ranker.zip" \
  --Serilog:MinimumLevel:Default=Warning >"$log" 2>&1) &
service=$!
trap 'kill "$service" 2>/dev/null; wait "$service" 2>/dev/null; rm -rf "$data"' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$service" 2>/dev/null || { echo "error: the service stopped:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.5
done
# The fresh store's first start printed an admin key; every request carries it, as a real client's would.
key=$(grep -o 'cmk_[A-Za-z0-9_-]*' "$log" | head -1)
[ -n "$key" ] || { echo "error: the service printed no first admin key" >&2; cat "$log" >&2; exit 1; }
leads=$(curl -fs -H "Authorization: Bearer $key" "$url") || { echo "error: $url does not answer 200" >&2; exit 1; }
case "$leads" in *'"firmId"'*) ;; *) echo "error: $url has no leads: $leads" >&2; exit 1 ;; esac

echo "wrk -t$threads -c$connections -d$duration $url"
result=$(wrk -t"$threads" -c"$connections" -d"$duration" -s "$root/scripts/load.lua" -H "Authorization: Bearer $key" "$url")
echo "$result" | sed -n '/^requests:/,$p'
if grep -qv 'cmk_\|first admin key\|^\s*$\|Sign in to the web UI' "$log"; then echo "service log:"; grep -v 'cmk_' "$log"; fi
echo "$result" | grep -q '^errors: 0 non-2xx, 0 socket' || { echo "error: requests failed under load" >&2; exit 1; }
