#!/usr/bin/env bash
# Measures grants-service over HTTP on this machine with wrk (Debian package `wrk`) and jq:
#   1. POST /api/v1/rounds/{id}/eligibility-check  every rule evaluated, nothing saved
#   2. POST /api/v1/bids                           a draft: validation, insert, history row, outbox event
#   3. POST /api/v1/bids/{id}/submit               submission: every rule, status change, history row,
#                                                   outbox event; each draft of step 2 submitted once,
#                                                   for a quarter of the seconds unless told otherwise
# Each step first runs unreported for the warm-up (the JIT compiles the hot paths), then measured.
# Each measured step also reports the CPU time per request of grants-service and of its PostgreSQL
# backends, so that figures taken on a busy machine can still be compared.
# Start the system first (deploy/grantflow up), then:
#   deploy/bench/grants-http.sh [seconds] [connections] [warm-up seconds] [submission seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
connections="${2:-32}"
warmup="${3:-10}"
submitting="${4:-$(( seconds / 4 > 0 ? seconds / 4 : 1 ))}"
grants="${GRANTFLOW_GRANTS_URL:-http://127.0.0.1:8081}"
funds="${GRANTFLOW_FUNDS_URL:-http://127.0.0.1:8082}"
command -v wrk >/dev/null || { echo "bench: install wrk (apt-get install wrk)" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench: install jq (apt-get install jq)" >&2; exit 1; }

finance=$(deploy/grantflow token --role finance)
assessor=$(deploy/grantflow token --role assessor)
partner=$(deploy/grantflow token --role partner --org bench-district-council)
year=$(date -d "+1 year" +%Y)
fy="${year}/$(printf %02d $(( (year + 1) % 100 )))"

code="BENCH$(date +%s)"
fund=$(curl -sf -X POST "$funds/api/v1/funds" -H "Authorization: Bearer $finance" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$code\",\"name\":\"Benchmark Fund\",\"fundingSource\":\"RESERVES\",\"ringFenced\":false,
       \"budgets\":[{\"financialYear\":\"$fy\",\"amount\":\"1000000000.00\"}]}" | jq -r .id)
# grants-service learns of the fund from funds-service's event.
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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints one line: throughput, non-2xx and socket errors, p50 and p99.
report='
done = function(summary, latency, requests)
  io.write(string.format("requests %d, %.0f/s, errors %d, p50 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end'
# Numbers wrk's threads, so that each writes and later reads its own list of draft ids.
numbered='
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("n", threads)
end'

cat > "$work/check.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $partner"
wrk.body = [[$bid]]
$report
LUA
cat > "$work/draft.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $partner"
wrk.body = [[$bid]]
$numbered
function init(args)
  ids = io.open("$work/ids-" .. n, "w")
end
function response(status, headers, body)
  if status == 201 then
    ids:write(string.match(body, '"id":"([^"]+)"'), "\n")
    ids:flush()
  end
end
$report
LUA
cat > "$work/submit.lua" <<LUA
$numbered
function init(args)
  queue = {}
  for line in io.lines("$work/ids-" .. n) do queue[#queue + 1] = line end
  sent = 0
end
function request()
  sent = sent + 1
  if sent > #queue then
    -- every draft is submitted: the drafting phase was too short for this one (the script warns)
    return wrk.format("GET", "/api/v1/bids/" .. queue[#queue], {["Authorization"] = "Bearer $partner"})
  end
  return wrk.format("POST", "/api/v1/bids/" .. queue[sent] .. "/submit", {["Authorization"] = "Bearer $partner"}, "")
end
$report
LUA

# CPU time (ms) so far of grants-service's JVM and of PostgreSQL's backends for the grants database.
port="${grants##*:}"
service=$(ss -Hltnp "sport = :${port%%/*}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
cpu_ms() {
  local ticks=0 pid
  for pid in "$@"; do
    [[ -r "/proc/$pid/stat" ]] && ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}
backends() { pgrep -f 'postgres: .* grants ' || true; }
# Runs wrk, prints its line and the CPU each request cost.
measure() {
  local before_service before_pg line requests
  before_service=$(cpu_ms $service)
  before_pg=$(cpu_ms $(backends))
  line=$(wrk -t2 -c"$connections" "$@" | tail -1)
  echo "$line"
  requests=$(sed -E 's/^requests ([0-9]+),.*/\1/' <<<"$line")
  if [[ -n "$service" && "$requests" -gt 0 ]]; then
    awk -v s=$(( $(cpu_ms $service) - before_service )) -v p=$(( $(cpu_ms $(backends)) - before_pg )) -v n="$requests" \
      'BEGIN { printf "cpu per request: grants-service %.2f ms, PostgreSQL %.2f ms\n", s / n, p / n }'
  fi
}
submitted_in_round() {
  curl -sf "$grants/api/v1/bids?roundId=$round&status=SUBMITTED&size=1" -H "Authorization: Bearer $assessor" | jq .total
}

if [[ "$warmup" -gt 0 ]]; then
  echo "warming up, ${warmup}s per step"
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/check.lua" "$grants/api/v1/rounds/$round/eligibility-check" >/dev/null
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/draft.lua" "$grants/api/v1/bids" >/dev/null
  wrk -t2 -c"$connections" -d"$(( warmup / 4 > 0 ? warmup / 4 : 1 ))s" -s "$work/submit.lua" "$grants" >/dev/null
  rm -f "$work"/ids-*
fi

# Tables churned by earlier runs are vacuumed first where psql can reach the database (this machine's
# PostgreSQL runs with autovacuum off, so dead rows of earlier runs would otherwise pile up).
if command -v psql >/dev/null && psql -h "${GRANTFLOW_PG_HOST:-127.0.0.1}" -p "${GRANTFLOW_PG_PORT:-5432}" \
    -U "${GRANTFLOW_PG_USER:-postgres}" -d grants -qc 'VACUUM ANALYZE' 2>/dev/null; then
  echo "vacuumed the grants database"
fi

echo "grants-service at $grants; round $round; ${connections} connections; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== eligibility check, ${seconds}s"
measure -d"${seconds}s" -s "$work/check.lua" "$grants/api/v1/rounds/$round/eligibility-check"
echo "== draft creation, ${seconds}s"
measure -d"${seconds}s" -s "$work/draft.lua" "$grants/api/v1/bids"
drafts=$(cat "$work"/ids-* | wc -l)
before=$(submitted_in_round)
echo "== submission, ${submitting}s, each of the $drafts drafts at most once"
measure -d"${submitting}s" -s "$work/submit.lua" "$grants"
submitted=$(( $(submitted_in_round) - before ))
echo "submitted: $submitted of $drafts drafts, $(( submitted / submitting ))/s"
if [[ "$submitted" -ge "$drafts" ]]; then
  echo "bench: every draft was submitted before the time was up, so the figures include reads; run longer" >&2
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
