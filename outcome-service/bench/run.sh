#!/usr/bin/env bash
# Re-runnable benchmark of outcome-service: bulk ingest lines/s against PostgreSQL COPY of the same rows, and
# GET /estimates latency, at 10k, 100k and 1M participants (BENCH_SIZES to change). Needs only a JDK and the
# Maven wrapper (BENCH_MAVEN_ARGS=-o to stay offline): it packages the service, starts a private PostgreSQL and the service on ports of its own
# (BENCH_PG_PORT, BENCH_HTTP_PORT), measures, stops them, and writes bench/results-latest.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=${BENCH_SIZES:-10000,100000,1000000}
cd "$root"
./mvnw ${BENCH_MAVEN_ARGS:-} -q -pl outcome-service package -DskipTests
classpath=$(mktemp)
./mvnw ${BENCH_MAVEN_ARGS:-} -q -pl outcome-service dependency:build-classpath -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test >/dev/null
java -Xmx1g -cp "$(cat "$classpath")" "$here/OutcomeBench.java" "$root" "$sizes" "$here/results-latest.md"
rm -f "$classpath"
echo
cat "$here/results-latest.md"
