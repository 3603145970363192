#!/usr/bin/env bash
# Runs each service's image (build-images.sh) against a local Kafka broker and PostgreSQL server of its own
# (deploy/local/stack --infra-only, state in target/stack, ports moved by 20000), the way a cluster runs it: read-only
# root file system, a tmpfs on /tmp, user 1001, configuration from the environment, keys mounted read-only as files.
# For each image it checks, failing on the first check that does not hold (the three run side by side):
#   - the heap follows the container's memory limit (MaxRAMPercentage=37.5: 512 MiB gives a 192 MiB heap), and the
#     JVM runs the C1 compiler only (TieredStopAtLevel=1);
#   - /q/health/ready answers 200 within READY_TIMEOUT seconds, and one authenticated call answers as designed;
#   - java is PID 1 and runs as uid 1001, and writing to / fails;
#   - "podman stop -t 40" (SIGTERM) ends it by itself before the grace period, with Quarkus' graceful stop logged
#     and the exit code of a JVM ended by SIGTERM (143).
# Each service's RSS once the three are ready is printed beside its PASS: a figure, never a check.
# The containers and the stack are stopped whatever happens; the containers' logs are kept in target/smoke-logs, and a
# failure prints the failing one's last lines.
#
#   platform/images/smoke-test.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/images-env.sh"
require_tools debootstrap buildah skopeo podman curl

READY_TIMEOUT=${SMOKE_READY_TIMEOUT:-120}
GRACE_PERIOD=40   # seconds; terminationGracePeriodSeconds in deploy/k8s, above quarkus.shutdown.timeout=30s
export TRIALS_STACK_DIR="$TARGET/stack" STACK_PORT_OFFSET=20000 PG_PORT=29432
unset KAFKA_BOOTSTRAP_SERVERS PG_HOST   # the stack's own broker and database, never a developer's
STACK="$REPO/deploy/local/stack"
CONTAINER_PREFIX=trials-images-smoke-
MOUNTS="$TARGET/smoke-keys"

for service in "${SERVICES[@]}"; do
    podman image exists "$(service_image "$service")" || die "no image $(service_image "$service"): run build-images.sh first"
done

remove_containers() {
    local ids
    ids=$(podman ps --all --quiet --filter "name=^$CONTAINER_PREFIX") || return 0
    # shellcheck disable=SC2086  # one argument per container id
    [[ -z $ids ]] || podman rm --force --time 0 $ids >/dev/null 2>&1 || true
}
cleanup() {
    remove_containers
    "$STACK" down >"$TARGET/stack-down.log" 2>&1 || cat "$TARGET/stack-down.log" >&2
    rm -rf "$MOUNTS"
}
# A run cut short (the build killed) may have left its containers and stack up.
cleanup
trap cleanup EXIT
# Fresh data, logs and keys each run; the stack's caches (classpaths, compiled tools, PostgreSQL binaries) stay.
find "$TRIALS_STACK_DIR" -mindepth 1 -maxdepth 1 ! -name classpath ! -name classes ! -name pg-binaries -exec rm -rf {} + 2>/dev/null || true
started=$SECONDS
"$STACK" up --infra-only >"$TARGET/stack-up.log" 2>&1 || { cat "$TARGET/stack-up.log" >&2; die "the local stack did not start"; }
echo "smoke test: Kafka on 127.0.0.1:$((9092 + STACK_PORT_OFFSET)), PostgreSQL on 127.0.0.1:$PG_PORT, up in $((SECONDS - started))s"

# The keys as a cluster mounts its secrets: readable by the pod's user (1001) and group (0) only, not writable, at the
# places the services' configuration and deploy/k8s name.
KEYS="$TRIALS_STACK_DIR/keys"
install_key() { install -D -o 1001 -g 0 -m 0440 "$1" "$2"; }
install_key "$KEYS/jwt-public.pem" "$MOUNTS/jwt/public.pem"
for service in "${SERVICES[@]}"; do
    install_key "$KEYS/${service%-service}-request-digest.key" "$MOUNTS/$service/request-digest.key"
done
for key in "$KEYS"/cpr/*.key; do install_key "$key" "$MOUNTS/cpr/$(basename "$key")"; done

LOGS="$TARGET/smoke-logs"
rm -rf "$LOGS" && mkdir -p "$LOGS"
keep_log() { podman logs "$CONTAINER_PREFIX$1" >"$LOGS/$1.log" 2>&1 || true; }   # keep_log SERVICE
fail() {   # fail SERVICE MESSAGE: the container's log, then the failure
    keep_log "$1"
    echo "---- last lines of $LOGS/$1.log:" >&2
    tail -n 60 "$LOGS/$1.log" >&2
    echo "----" >&2
    die "$1: $2"
}

# The heap a 512 MiB limit gives: MaxRAMPercentage=37.5 of it, 192 MiB, whatever the machine has; and the C1
# compiler only (TieredStopAtLevel=1), which keeps each service under 300 MB (deploy/README.md, "JVM settings").
check_jvm_settings() {
    local service=$1 flags heap level
    flags=$(podman run --rm --memory 512m --entrypoint java "$(service_image "$service")" -XX:+PrintFlagsFinal -version 2>/dev/null)
    heap=$(awk '$2 == "MaxHeapSize" { print $4 }' <<<"$flags")
    level=$(awk '$2 == "TieredStopAtLevel" { print $4 }' <<<"$flags")
    [[ $heap == $((192 * 1024 * 1024)) ]] || die "$service: with a 512 MiB limit the heap is ${heap:-unknown} bytes, not 192 MiB"
    [[ $level == 1 ]] || die "$service: TieredStopAtLevel is ${level:-unknown}, not 1 (the C1 compiler only)"
}

rss_mb() {   # rss_mb SERVICE: the resident memory of the container's java (PID 1), in MB; printed, never asserted
    podman exec "$CONTAINER_PREFIX$1" cat /proc/1/status | awk '$1 == "VmRSS:" { print int($2 / 1024) }'
}

run_service() {   # run_service SERVICE PORT
    local service=$1 port=$2 database keys_mount=()
    database=$(sed -n 's|^quarkus\.datasource\.jdbc\.url=.*/\([a-z_]*\)$|\1|p' "$REPO/$service/src/main/resources/application.properties")
    [[ $service == trial-service ]] || keys_mount=(--volume "$MOUNTS/cpr:/etc/trials/keys/cpr:ro")
    # Host networking: the container reaches the stack's broker and database on 127.0.0.1, and listens there only.
    podman run --detach --name "$CONTAINER_PREFIX$service" \
        --read-only --tmpfs /tmp --user 1001 --network host --memory 768m \
        --env QUARKUS_HTTP_HOST=127.0.0.1 --env QUARKUS_HTTP_PORT="$port" \
        --env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$database" \
        --env QUARKUS_DATASOURCE_USERNAME=trials_app --env QUARKUS_DATASOURCE_PASSWORD=trials_app \
        --env QUARKUS_FLYWAY_USERNAME=postgres --env QUARKUS_FLYWAY_PASSWORD=postgres \
        --env KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$((9092 + STACK_PORT_OFFSET))" \
        --env MP_JWT_VERIFY_ISSUER=https://trials.local/auth \
        --env MP_JWT_VERIFY_PUBLICKEY_LOCATION=/etc/trials/jwt/public.pem \
        --volume "$MOUNTS/jwt:/etc/trials/jwt:ro" \
        --volume "$MOUNTS/$service/request-digest.key:/etc/trials/keys/request-digest.key:ro" \
        "${keys_mount[@]}" \
        "$(service_image "$service")" >/dev/null
}

wait_ready() {   # wait_ready SERVICE PORT
    local service=$1 port=$2 deadline=$((SECONDS + READY_TIMEOUT))
    until [[ $(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready") == 200 ]]; do
        [[ $(podman inspect --format '{{.State.Running}}' "$CONTAINER_PREFIX$service") == true ]] || fail "$service" "exited during start-up"
        (( SECONDS < deadline )) || fail "$service" "/q/health/ready not 200 after ${READY_TIMEOUT}s"
        sleep 1
    done
}

# One call with a token per service, answered as the contract says: trial-service lists trials to an analyst (200);
# the others answer for a trial they have never heard of with 404 problem+json, which only a token they accept and
# a working database reach (no token: 401).
check_authenticated_call() {   # check_authenticated_call SERVICE PORT
    local service=$1 port=$2 role path expected answer unknown_trial
    unknown_trial=$(cat /proc/sys/kernel/random/uuid)
    case $service in
        trial-service) role=analyst path=/api/v1/trials expected="200 application/json" ;;
        enrolment-service) role=admin path=/api/v1/trials/$unknown_trial/recruitment expected="404 application/problem+json" ;;
        outcome-service) role=analyst path=/api/v1/trials/$unknown_trial/estimates expected="404 application/problem+json" ;;
    esac
    answer=$(curl -s -o /dev/null -m 10 -w '%{http_code} %{content_type}' \
        -H "Authorization: Bearer $("$REPO/deploy/local/token" "$role")" "http://127.0.0.1:$port$path")
    [[ ${answer%%;*} == "$expected" ]] || fail "$service" "GET $path as $role answered '$answer', not '$expected'"
}

check_confined() {   # check_confined SERVICE: java is PID 1 as uid 1001; / is read-only, /tmp writable
    local service=$1 container=$CONTAINER_PREFIX$1 status
    status=$(podman exec "$container" cat /proc/1/status)
    [[ $(awk '$1 == "Name:" { print $2 }' <<<"$status") == java ]] || fail "$service" "PID 1 is not java"
    [[ $(awk '$1 == "Uid:" { print $2 }' <<<"$status") == 1001 ]] || fail "$service" "java does not run as uid 1001"
    ! podman exec "$container" touch /written-by-smoke-test 2>/dev/null || fail "$service" "the root file system is writable"
    podman exec "$container" touch /tmp/written-by-smoke-test || fail "$service" "/tmp is not writable"
}

check_graceful_stop() {   # check_graceful_stop SERVICE
    local service=$1 container=$CONTAINER_PREFIX$1 began took exit_code
    began=$SECONDS
    podman stop --time "$GRACE_PERIOD" "$container" >/dev/null
    took=$((SECONDS - began))
    exit_code=$(podman inspect --format '{{.State.ExitCode}}' "$container")
    (( took < GRACE_PERIOD )) || fail "$service" "did not stop within ${GRACE_PERIOD}s of SIGTERM (killed)"
    # 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hooks (Quarkus' graceful stop) ran to the end.
    [[ $exit_code == 143 ]] || fail "$service" "exit code $exit_code after SIGTERM, not 143"
    keep_log "$service"
    grep -q "$service stopped in" "$LOGS/$service.log" || fail "$service" "no graceful stop ('$service stopped in') in the log"
    echo "$took"
}

port_of() { echo $(( $(service_port "$1") + STACK_PORT_OFFSET )); }   # port_of SERVICE: moved like the stack's

for service in "${SERVICES[@]}"; do check_jvm_settings "$service"; done
# The three start at once, as the stack and a rollout start them: on two cores that is quicker than one by one.
began=$SECONDS
for service in "${SERVICES[@]}"; do run_service "$service" "$(port_of "$service")"; done
for service in "${SERVICES[@]}"; do
    wait_ready "$service" "$(port_of "$service")"
    echo "smoke test: $service ready $((SECONDS - began))s after the start"
    check_authenticated_call "$service" "$(port_of "$service")"
    check_confined "$service"
done
# Measured once all three are ready, beside each other as in a rollout; a machine's figure, not a check.
for service in "${SERVICES[@]}"; do rss_mb "$service" >"$LOGS/$service.rss"; done
# And stop at once: the wait is the slowest graceful stop, not the sum of the three.
stops=()
for service in "${SERVICES[@]}"; do
    check_graceful_stop "$service" >"$LOGS/$service.stopped-in" &
    stops+=($!)
done
for i in "${!SERVICES[@]}"; do
    wait "${stops[$i]}" || die "${SERVICES[$i]}: failed when stopped (see above)"
done
for service in "${SERVICES[@]}"; do
    echo "smoke test: PASS $service ($(service_image "$service")): heap from the limit, C1 only, ready (RSS" \
        "$(<"$LOGS/$service.rss") MB), authenticated call, java as PID 1 with uid 1001, read-only root, stopped by" \
        "SIGTERM in $(<"$LOGS/$service.stopped-in")s"
done
