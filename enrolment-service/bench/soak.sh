#!/usr/bin/env bash
# Soak of the local stack: a paced enrolment load (RATE enrolments/s, well below saturation) for SOAK_SECONDS, with each
# service's resident memory (RSS) sampled every SAMPLE_SECONDS. Prints a row per sample (the load's rate, p99 and
# errors in that interval beside the three RSS figures), then per service the first, last and largest RSS and the
# slope of a least-squares line through the samples in MB per hour: a footprint that is flat under a steady load has a
# slope near 0 and a last sample near the first. Not part of ./mvnw verify (an hour by default).
#
#   enrolment-service/bench/soak.sh                       # 3600 s at 100 enrolments/s, a sample a minute
#   SOAK_SECONDS=300 RATE=50 enrolment-service/bench/soak.sh
#
# Environment: SOAK_SECONDS (3600), SAMPLE_SECONDS (60), RATE (100), CONNECTIONS (16), TRIAL_URL and ENROLMENT_URL (the
# local stack's by default, which is brought up unless they are given), TRIALS_STACK_DIR (the stack whose pid files
# name the processes to sample, as deploy/local/stack takes it).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
SOAK_SECONDS=${SOAK_SECONDS:-3600}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-60}
RATE=${RATE:-100}
CONNECTIONS=${CONNECTIONS:-16}
for n in "$SOAK_SECONDS" "$SAMPLE_SECONDS" "$RATE" "$CONNECTIONS"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "SOAK_SECONDS, SAMPLE_SECONDS, RATE and CONNECTIONS take whole numbers above 0" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "soak.sh needs wrk (apt-get install wrk)" >&2; exit 1; }

if [[ -z "${TRIAL_URL:-}${ENROLMENT_URL:-}" ]]; then
    "$REPO/deploy/local/stack" up
fi
STACK_PORT_OFFSET=${STACK_PORT_OFFSET:-0}
TRIAL_URL=${TRIAL_URL:-http://127.0.0.1:$((8081 + STACK_PORT_OFFSET))}
ENROLMENT_URL=${ENROLMENT_URL:-http://127.0.0.1:$((8082 + STACK_PORT_OFFSET))}
PIDS_DIR="${TRIALS_STACK_DIR:-$REPO/deploy/local/.stack}/pids"
SERVICES=(trial-service enrolment-service outcome-service)

token() { "$REPO/deploy/local/token" "$@"; }
DESIGNER=$(token trial-designer)
JOBCENTRES=(101 147 151 153 155 157)
# Several tokens per jobcentre, used in turn, as in run.sh: the per-token rate limit stays on.
for jc in "${JOBCENTRES[@]}"; do
    export "TOKEN_$jc=$(token jobcentre --jobcentre "$jc" --count 8 | paste -sd' ')"
done
export BENCH_JOBCENTRES="${JOBCENTRES[*]}"

SAMPLES=$(mktemp)
trap 'rm -f "$SAMPLES"' EXIT

# A permuted-block RCT of the benchmark's jobcentres, opened and known to enrolment-service; prints its id.
open_trial() {
    local today start end jobcentres trial code _
    today=$(date -u +%F)
    start=$(date -u -d "$today - 1 day" +%F)
    end=$(date -u -d "$today + 365 days" +%F)
    jobcentres=$(printf '"%s",' "${JOBCENTRES[@]}")
    trial=$(curl -sf -H "Authorization: Bearer $DESIGNER" -H 'Content-Type: application/json' "$TRIAL_URL/api/v1/trials" -d @- <<JSON | sed -E 's/.*"id":"([^"]+)".*/\1/'
{"title": "Soak $(date -u +%FT%TZ)", "type": "RCT", "targetGroup": "DAGPENGE",
 "arms": [{"code": "treatment", "name": "Intensive contact", "allocationWeight": 1},
          {"code": "control", "name": "Ordinary effort", "allocationWeight": 1, "control": true}],
 "randomisation": {"method": "PERMUTED_BLOCK", "blockSizes": [4, 6], "stratifyBy": ["jobcentre", "ageBand", "gender"], "ageBands": [18, 25, 30]},
 "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
 "jobcentres": [${jobcentres%,}], "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
 "plannedParticipants": 1000000, "enrolmentPeriod": {"start": "$start", "end": "$end"}}
JSON
    )
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $DESIGNER" "$TRIAL_URL/api/v1/trials/$trial/open"
    for _ in $(seq 120); do   # until enrolment-service has the trial from trial-events
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $DESIGNER" \
            "$ENROLMENT_URL/api/v1/trials/$trial/recruitment")
        [[ $code == 200 ]] && { echo "$trial"; return 0; }
        sleep 0.5
    done
    echo "enrolment-service did not learn trial $trial: HTTP $code" >&2
    exit 1
}

rss_mb() {   # rss_mb SERVICE: its resident set in MB, from its pid file
    local pid; pid=$(cat "$PIDS_DIR/$1.pid" 2>/dev/null) || { echo "?"; return; }
    awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo "?"
}

echo "soak: ${SOAK_SECONDS}s at $RATE enrolments/s over $CONNECTIONS connections, RSS every ${SAMPLE_SECONDS}s;" \
    "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# sample MINUTES RATE P99 ERRORS: prints a row of the table and keeps "MINUTES RSS..." for the summary.
sample() {
    local row="| $1 | $2 | $3 | $4 |" kept=$1 s r
    for s in "${SERVICES[@]}"; do r=$(rss_mb "$s"); row+=" $r |"; kept+=" $r"; done
    echo "$row $(cut -d' ' -f1 /proc/loadavg) |"
    echo "$kept" >>"$SAMPLES"
}
echo "| minute | enrolments/s | p99 | errors | trial-service MB | enrolment-service MB | outcome-service MB | load |"
echo "|---|---|---|---|---|---|---|---|"
sample 0 "" "" ""

# enrol.lua keeps a run's citizens distinct for up to 19 runs (RUN 0-18) of one trial: a new trial after every 19.
elapsed=0 run=0 trial=""
while (( elapsed < SOAK_SECONDS )); do
    (( run % 19 == 0 )) && trial=$(open_trial)
    secs=$(( SOAK_SECONDS - elapsed < SAMPLE_SECONDS ? SOAK_SECONDS - elapsed : SAMPLE_SECONDS ))
    # enrol.lua's paced schedule: RATE requests a second, whatever the latency, while a connection is free.
    out=$(TRIAL=$trial RUN=$((run % 19)) RATE=$RATE THREADS=2 wrk -t2 -c"$CONNECTIONS" -d"${secs}s" --timeout 10s \
        --latency -s "$HERE/enrol.lua" "$ENROLMENT_URL")
    elapsed=$((elapsed + secs)) run=$((run + 1))
    rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
    sample "$(awk -v s="$elapsed" 'BEGIN {printf "%g", s / 60}')" "$rps" "$p99" "$errors"
done

echo
echo "| service | first MB | last MB | max MB | slope MB/h |"
echo "|---|---|---|---|---|"
for i in "${!SERVICES[@]}"; do
    # Least squares over the samples taken while the load ran (minute > 0): the slope of RSS against time.
    awk -v col=$((i + 2)) -v name="${SERVICES[$i]}" '
        $col == "?" { next }
        NR == 1 { first = $col }
        { last = $col; if ($col > max) max = $col }
        $1 > 0 { n++; sx += $1; sy += $col; sxx += $1 * $1; sxy += $1 * $col }
        END {
            slope = (n > 1 && n * sxx != sx * sx) ? (n * sxy - sx * sy) / (n * sxx - sx * sx) * 60 : 0
            printf "| %s | %s | %s | %s | %+.1f |\n", name, first, last, max, slope
        }' "$SAMPLES"
done
echo
echo "load after the soak: $(cut -d' ' -f1-3 /proc/loadavg)"
