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
# The platform modules come from this tree (-am), never from whatever another checkout installed in ~/.m2: each
# module writes its test classpath next to its own target/, and the service's is the one the program runs on.
./mvnw ${BENCH_MAVEN_ARGS:-} -q -B -pl outcome-service -am package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -DskipTests -Dimages.skip \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
# The service runs with the local stack's JVM settings unless BENCH_SERVICE_JAVA_OPTS names others.
stack_opts=$(sed -nE 's/^SERVICE_JAVA_OPTS=\$\{SERVICE_JAVA_OPTS:-(.*)\}$/\1/p' deploy/local/stack)
export BENCH_SERVICE_JAVA_OPTS=${BENCH_SERVICE_JAVA_OPTS:-$stack_opts}
echo "service JVM: $BENCH_SERVICE_JAVA_OPTS"
java -Xmx1g -cp "$(cat outcome-service/target/bench-classpath.txt)" "$here/OutcomeBench.java" "$root" "$sizes" "$here/results-latest.md"
echo
cat "$here/results-latest.md"
