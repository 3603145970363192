#!/usr/bin/env bash
# Start-up of each service alone, on the running local stack: stops one service (SIGTERM, as deploy/local/stack down
# does), starts it again with deploy/local/stack up (which starts only what is not running) and times it from the
# JVM's launch (the process's start time in /proc) until /q/health/ready answers 200, with Quarkus' own "started in"
# and the resident memory once ready. The
# other services, PostgreSQL and the broker keep running, so each figure is one JVM's start on an otherwise idle
# machine, as a pod restart is; the load average before each start says how idle it was.
#
#   enrolment-service/bench/startup.sh            # each service, 3 starts
#   STARTS=5 enrolment-service/bench/startup.sh
#
# Environment: STARTS (3), TRIALS_STACK_DIR and STACK_PORT_OFFSET as deploy/local/stack takes them.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
STARTS=${STARTS:-3}
[[ $STARTS =~ ^[1-9][0-9]*$ ]] || { echo "STARTS takes a whole number above 0" >&2; exit 2; }
STACK_DIR=${TRIALS_STACK_DIR:-$REPO/deploy/local/.stack}
OFFSET=${STACK_PORT_OFFSET:-0}
declare -A PORT=([trial-service]=$((8081 + OFFSET)) [enrolment-service]=$((8082 + OFFSET)) [outcome-service]=$((8083 + OFFSET)))

"$REPO/deploy/local/stack" up >/dev/null
echo "$(nproc) cores; each service stopped and started alone, $STARTS times, the rest of the stack running"
echo
echo "| service | start | load before | ready after (s) | Quarkus \"started in\" (s) | RSS when ready (MB) |"
echo "|---|---|---|---|---|---|"
for svc in trial-service enrolment-service outcome-service; do
    for n in $(seq "$STARTS"); do
        pid=$(cat "$STACK_DIR/pids/$svc.pid")
        kill -TERM "$pid"
        while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
        sleep 5   # the stop's own work (outbox flush, archive) is over; the machine settles
        load=$(cut -d' ' -f1 /proc/loadavg)
        log="$STACK_DIR/logs/$svc.log"
        lines=$(wc -l <"$log" 2>/dev/null || echo 0)
        "$REPO/deploy/local/stack" up >/dev/null &
        up=$!
        until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$svc]}/q/health/ready") == 200 ]]; do
            sleep 0.05
        done
        t1=$(date +%s%N)
        wait "$up"
        new=$(cat "$STACK_DIR/pids/$svc.pid")
        # The process's start: boot time plus its start in clock ticks after boot (field 22 of /proc/PID/stat).
        t0=$(awk -v btime="$(awk '/^btime/ {print $2}' /proc/stat)" -v hz="$(getconf CLK_TCK)" \
            '{printf "%.0f", (btime + $22 / hz) * 1e9}' "/proc/$new/stat")
        started=$(tail -n +"$((lines + 1))" "$log" | sed -nE 's/.* started in ([0-9.]+)s.*/\1/p' | head -n 1)
        rss=$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$new/status")
        printf '| %s | %d | %s | %.2f | %s | %s |\n' "$svc" "$n" "$load" "$(awk -v ns=$((t1 - t0)) 'BEGIN {print ns / 1e9}')" \
            "${started:-?}" "$rss"
    done
done
