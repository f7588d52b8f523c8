#!/usr/bin/env bash
# Measures grants-service over HTTP on this machine with wrk (Debian package `wrk`):
#   1. POST /api/v1/rounds/{id}/eligibility-check (every rule evaluated, nothing saved)
#   2. POST /api/v1/bids (validation, insert, audit row and outbox event in one transaction)
# Start the system first (deploy/grantflow up), then: deploy/bench/grants-http.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
connections="${2:-32}"
grants="${GRANTFLOW_GRANTS_URL:-http://127.0.0.1:8081}"
funds="${GRANTFLOW_FUNDS_URL:-http://127.0.0.1:8082}"
command -v wrk >/dev/null || { echo "bench: install wrk (apt-get install wrk)" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench: install jq" >&2; exit 1; }

finance=$(deploy/grantflow token --role finance)
assessor=$(deploy/grantflow token --role assessor)
partner=$(deploy/grantflow token --role partner --org bench-district-council)
year=$(date -d "+1 year" +%Y)
fy="${year}/$(printf %02d $(( (year + 1) % 100 )))"

code="BENCH$(date +%s)"
fund=$(curl -sf -X POST "$funds/api/v1/funds" -H "Authorization: Bearer $finance" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$code\",\"name\":\"Benchmark Fund\",\"fundingSource\":\"RESERVES\",\"ringFenced\":false,
       \"budgets\":[{\"financialYear\":\"$fy\",\"amount\":\"1000000000.00\"}]}" | jq -r .id)
for _ in $(seq 1 120); do
  curl -sf "$grants/api/v1/funds?size=200" -H "Authorization: Bearer $assessor" | jq -e --arg f "$fund" \
    '.items[] | select(.id == $f)' >/dev/null && break
  sleep 0.5
done
round=$(curl -sf -X POST "$grants/api/v1/rounds" -H "Authorization: Bearer $assessor" -H 'Content-Type: application/json' \
  -d "{\"fundId\":\"$fund\",\"name\":\"Benchmark round $code\",\"financialYear\":\"$fy\",\"closesAt\":\"${year}-11-18T17:00:00\",
       \"rules\":{\"minimumAmount\":\"5000.00\",\"maximumInterventionRate\":\"75\",\"maximumFinancialYears\":3,
                  \"noSubFunding\":true,\"planPriorityRequired\":true,\"evaluationPlanRequired\":true}}" | jq -r .id)
curl -sf -X POST "$grants/api/v1/rounds/$round/open" -H "Authorization: Bearer $assessor" >/dev/null

bid="{\"roundId\":\"$round\",\"title\":\"Cameras at fly-tipping hot spots\",\"amountRequested\":\"12000.00\",
      \"totalProjectCost\":\"16000.00\",\"matchFunding\":[{\"source\":\"District council\",\"amount\":\"4000.00\"}],
      \"profile\":[{\"financialYear\":\"$fy\",\"amount\":\"12000.00\"}],\"subFunding\":false,
      \"planPriorities\":[\"PUBLIC_FOCUS\"],\"evaluationPlan\":\"Before and after counts\"}"
script=$(mktemp --suffix=.lua)
trap 'rm -f "$script"' EXIT
cat > "$script" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $partner"
wrk.body = [[$bid]]
done = function(summary, latency, requests)
  io.write(string.format("requests/s %.0f, errors %d non-2xx/socket, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
echo "== eligibility check: ${seconds}s, ${connections} connections"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$grants/api/v1/rounds/$round/eligibility-check" | tail -1
echo "== draft bid creation: ${seconds}s, ${connections} connections"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "$grants/api/v1/bids" | tail -1
