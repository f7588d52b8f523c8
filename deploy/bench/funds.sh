#!/usr/bin/env bash
# Benchmarks funds-service on this machine (issue 4 "Speed"):
#   1. commitments: award.requested events from 64 concurrent senders (sharing one Kafka producer, as
#      grants-service's outbox relay does) against one hot fund; committed per second end to end, then
#      the sums are checked (nothing over-committed)
#   2. reconciliation: GET /api/v1/reconciliation, JSON and CSV, over 1,000,000 payments seeded with SQL
#   3. statement: POST /api/v1/reconciliation/statements with a 100,000-line statement
# It starts its own Kafka broker and the packaged funds-service on free ports, with a fresh database
# funds_bench on the PostgreSQL at GRANTFLOW_PG_HOST:GRANTFLOW_PG_PORT (default 127.0.0.1:5432; an
# embedded one if none answers), and stops them at the end. Nothing else needs to run.
#
#   deploy/bench/funds.sh [commitments] [reconciliation] [statement]    (default: all three)
#   FUNDS_BENCH_AWARDS=20000 FUNDS_BENCH_PRODUCERS=64 deploy/bench/funds.sh commitments
#   FUNDS_BENCH_SERVICE_OPTS="-XX:StartFlightRecording=filename=/tmp/funds.jfr" deploy/bench/funds.sh   (profile)
#
# Builds funds-service (and deploy/local-infra) first when the package is missing; set
# FUNDS_BENCH_BUILD=1 to rebuild anyway after changing the code.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ ! -f funds-service/target/quarkus-app/quarkus-run.jar || "${FUNDS_BENCH_BUILD:-0}" == 1 ]]; then
  echo "[funds-bench] building funds-service" >&2
  mvn -B -pl funds-service -am install -DskipTests >&2
fi
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
mvn -B -pl deploy/local-infra dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$classpath_file" >/dev/null || {
  echo "[funds-bench] could not resolve deploy/local-infra's classpath; run: mvn -B -pl deploy/local-infra -am install -DskipTests" >&2
  exit 1
}
classpath="deploy/local-infra/target/grantflow-local-infra-0.1.0-SNAPSHOT.jar:$(cat "$classpath_file")"
[[ -f deploy/local-infra/target/grantflow-local-infra-0.1.0-SNAPSHOT.jar ]] || mvn -B -pl deploy/local-infra install -DskipTests >&2

echo "[funds-bench] $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# The report goes through java.util.logging, one line per message on stderr.
exec java -Xmx2g -Djava.util.logging.SimpleFormatter.format='[%3$s] %5$s%6$s%n' \
  -Dawards="${FUNDS_BENCH_AWARDS:-20000}" -Dproducers="${FUNDS_BENCH_PRODUCERS:-64}" \
  -cp "$classpath" deploy/bench/funds-bench.java "$@"
