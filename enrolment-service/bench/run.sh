#!/usr/bin/env bash
# Load benchmark of enrolment-service against the running local stack: enrolments per second and p50/p99 latency
# for many concurrent jobcentre clients (wrk, installed with apt-get if missing), beside a baseline measured in the
# same run: the same service answering an authenticated read of one enrolment (token check + primary-key select).
# Brings the stack up with deploy/local/stack unless pointed at other services.
#
#   enrolment-service/bench/run.sh            # 16, 32 and 64 connections; 15 s warm-up, 20 s per phase
#   CONNECTIONS="32 128" SECONDS_PER_PHASE=60 enrolment-service/bench/run.sh
#
# Environment: CONNECTIONS, THREADS, SECONDS_PER_PHASE, WARMUP_SECONDS; TRIAL_URL and ENROLMENT_URL to aim at services
# other than the local stack's (then the stack is left alone; tokens still come from deploy/local/token).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
CONNECTIONS=${CONNECTIONS:-16 32 64}
SECONDS_PER_PHASE=${SECONDS_PER_PHASE:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-15}
THREADS=${THREADS:-2}

if ! command -v wrk >/dev/null; then
    echo "installing wrk ..."
    if [[ $(id -u) == 0 ]]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
JOBCENTRES=(101 147 151 153 155 157)

if [[ -z "${TRIAL_URL:-}${ENROLMENT_URL:-}" ]]; then
    "$REPO/deploy/local/stack" up
fi
TRIAL_URL=${TRIAL_URL:-http://127.0.0.1:8081}
ENROLMENT_URL=${ENROLMENT_URL:-http://127.0.0.1:8082}

token() { "$REPO/deploy/local/token" "$@"; }
DESIGNER=$(token trial-designer)
TOKENS=()
for jc in "${JOBCENTRES[@]}"; do TOKENS+=("$jc=$(token jobcentre --jobcentre "$jc")"); done
FIRST_TOKEN=${TOKENS[0]#*=}

today=$(date -u +%F)
start=$(date -u -d "$today - 1 day" +%F)
end=$(date -u -d "$today + 365 days" +%F)
jobcentres_json=$(printf '"%s",' "${JOBCENTRES[@]}"); jobcentres_json="[${jobcentres_json%,}]"

# A stratified permuted-block RCT like the agency's: 6 jobcentres × 2 age bands × 2 genders = 24 strata.
design=$(cat <<JSON
{"title": "Benchmark $(date -u +%FT%TZ)", "type": "RCT", "targetGroup": "DAGPENGE",
 "arms": [{"code": "treatment", "name": "Intensive contact", "allocationWeight": 1},
          {"code": "control", "name": "Ordinary effort", "allocationWeight": 1, "control": true}],
 "randomisation": {"method": "PERMUTED_BLOCK", "blockSizes": [4, 6], "stratifyBy": ["jobcentre", "ageBand", "gender"], "ageBands": [18, 25, 30]},
 "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
 "jobcentres": $jobcentres_json, "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
 "plannedParticipants": 1000000, "enrolmentPeriod": {"start": "$start", "end": "$end"}}
JSON
)
trial=$(curl -sf -H "Authorization: Bearer $DESIGNER" -H 'Content-Type: application/json' -d "$design" \
    "$TRIAL_URL/api/v1/trials" | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $DESIGNER" "$TRIAL_URL/api/v1/trials/$trial/open"
echo "trial $trial opened; waiting for enrolment-service to learn it from trial-events ..."

# One real enrolment (a citizen the load generator never uses: serial 999 at age 29) gives the baseline its target.
born=$(date -u -d "$today - 29 years - 10 days" +%d%m%y)
for _ in $(seq 120); do
    response=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $FIRST_TOKEN" -H 'Content-Type: application/json' \
        -d "{\"cpr\":\"${born}0999\",\"jobcentre\":\"${JOBCENTRES[0]}\",\"benefitType\":\"DAGPENGE\",\"weeksUnemployed\":1}" \
        "$ENROLMENT_URL/api/v1/trials/$trial/enrolments")
    code=${response##*$'\n'}
    [[ $code == 201 || $code == 200 ]] && break
    sleep 0.5
done
[[ $code == 201 || $code == 200 ]] || { echo "enrolment-service did not learn the trial: HTTP $code" >&2; exit 1; }
enrolment=$(sed -E 's/.*"enrolmentId":"([^"]+)".*/\1/' <<<"${response%$'\n'*}")

echo "machine: $(nproc) cores, $(uname -sr); load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

export TRIAL=$trial BENCH_JOBCENTRES="${JOBCENTRES[*]}"
for t in "${TOKENS[@]}"; do export "TOKEN_${t%%=*}=${t#*=}"; done
baseline=(-H "Authorization: Bearer $FIRST_TOKEN" "$ENROLMENT_URL/api/v1/trials/$trial/enrolments/$enrolment")
enrol=(-s "$HERE/enrol.lua" "$ENROLMENT_URL")
phase() {   # phase NAME CONNECTIONS SECONDS WRK-ARGS...: runs wrk, prints "| name | conns | req/s | p50 | p99 | errors |"
    local name=$1 conns=$2 secs=$3; shift 3
    local out; out=$(wrk -t"$THREADS" -c"$conns" -d"${secs}s" --timeout 10s --latency "$@")
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$conns" "$rps" "$p50" "$p99" "$errors"
}

echo "warming up (${WARMUP_SECONDS}s each) ..."
phase warm-up 32 "$WARMUP_SECONDS" "${baseline[@]}" >/dev/null
RUN=0 phase warm-up 32 "$WARMUP_SECONDS" "${enrol[@]}" >/dev/null
echo
echo "| phase | connections | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|"
run=0
for conns in $CONNECTIONS; do
    phase "baseline: GET enrolment" "$conns" "$SECONDS_PER_PHASE" "${baseline[@]}"
    RUN=$((++run)) phase "POST enrolment (permuted blocks, 24 strata)" "$conns" "$SECONDS_PER_PHASE" "${enrol[@]}"
done
echo
echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
