#!/usr/bin/env bash
# Measures notifications-service consuming events: events published -> notifications recorded.
#   0. warm-up, not reported: events at RATE/s for WARM_UP s (default 30 s), so that the JIT has done
#      most of its work before the service is measured
#   1. throughput: bid.submitted events at RATE/s for SECONDS s (default 1000/s for 60 s)
#   2. latency: events at LATENCY_RATE/s for LATENCY_SECONDS s (default 100/s for 60 s), p50/p90/p99
# The packaged service runs as its own process against a KRaft broker started by the benchmark
# (org.grantflow.notifications.bench.EventsBenchmark, in the module's test classes) and a fresh
# database on the local PostgreSQL (127.0.0.1:5432, user postgres; embedded if none answers).
# Nothing else needs to run. Service settings can be passed as BENCH_SERVICE_<VARIABLE>=value,
# e.g. BENCH_SERVICE_QUARKUS_DATASOURCE_JDBC_MAX_SIZE=20.
# Usage: deploy/bench/notifications-events.sh [rate] [seconds] [latency-rate] [latency-seconds] [warm-up]
set -euo pipefail
cd "$(dirname "$0")/../.."
module=notifications-service
if [[ ! -f $module/target/quarkus-app/quarkus-run.jar || ! -d $module/target/test-classes/org/grantflow/notifications/bench
      || -n "${BENCH_REBUILD:-}" ]]; then
  mvn -B -o -pl $module -am install -DskipTests >/dev/null
  mvn -B -o -pl $module test-compile >/dev/null
fi
classpath_file=$module/target/bench-classpath.txt
if [[ ! -f $classpath_file || $module/pom.xml -nt $classpath_file ]]; then
  mvn -B -o -pl $module dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$classpath_file" >/dev/null
fi
echo "== $(date -u +%FT%TZ) on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cd $module
# The report goes through java.util.logging, one line per message on stderr.
java -Djava.util.logging.SimpleFormatter.format='%5$s%6$s%n' -Dgrantflow.events.dir="$PWD/../docs/events" -Dnotifications.jar=target/quarkus-app/quarkus-run.jar \
  -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
  org.grantflow.notifications.bench.EventsBenchmark "${1:-1000}" "${2:-60}" "${3:-100}" "${4:-60}" "${5:-30}"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
