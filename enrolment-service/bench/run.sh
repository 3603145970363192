#!/usr/bin/env bash
# Load benchmark of enrolment-service against the running local stack: enrolments per second and p50/p99 latency
# for many concurrent jobcentre clients (wrk, installed with apt-get if missing), beside a baseline measured in the
# same run: the same service answering an authenticated read of one enrolment (token check + primary-key select).
# Brings the stack up with deploy/local/stack unless pointed at other services.
#
#   enrolment-service/bench/run.sh            # 16, 32 and 64 connections; 15 s warm-up, 20 s per phase
#   CONNECTIONS="32 128" SECONDS_PER_PHASE=60 DESIGNS="blocks minimisation" enrolment-service/bench/run.sh
#
# Environment: CONNECTIONS, THREADS, SECONDS_PER_PHASE, WARMUP_SECONDS, TOKENS_PER_JOBCENTRE, DESIGNS (blocks simple
# minimisation: one trial and one enrolment phase each); PACED_RATE (420 enrolments/s) and PACED_CONNECTIONS (16) for
# the paced phase, during which a probe measures how soon an enrolment is counted in outcome-service's estimates;
# MIXED (yes) for the mixed phase: the paced enrolment while analysts read estimates (ESTIMATE_CONNECTIONS, 4) and a
# register feed posts BULK_LINES (20000) outcomes in bulk, each beside its figure alone; TRIAL_URL, ENROLMENT_URL and
# OUTCOME_URL to aim at services other than the local stack's (then the stack is left alone; tokens still come from
# deploy/local/token).
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
OUTCOME_URL=${OUTCOME_URL:-http://127.0.0.1:8083}
PACED_RATE=${PACED_RATE:-420}
PACED_CONNECTIONS=${PACED_CONNECTIONS:-16}
MIXED=${MIXED:-yes}
ESTIMATE_CONNECTIONS=${ESTIMATE_CONNECTIONS:-4}
BULK_LINES=${BULK_LINES:-20000}

token() { "$REPO/deploy/local/token" "$@"; }
DESIGNER=$(token trial-designer)
ANALYST=$(token analyst)
# Readers of the estimates: a dashboard's replicas, each with a token of its own (the rate limit is per token).
ANALYST_TOKENS=$(token analyst --count 32 | paste -sd' ')
ADMIN=$(token admin)
# The per-token rate limit (200/s, bursts of 400) stays on, as in production: each jobcentre's case system holds
# several tokens (its replicas, each with its own), so that the load measures the service, not the limiter.
TOKENS_PER_JOBCENTRE=${TOKENS_PER_JOBCENTRE:-32}
TOKENS=()
for jc in "${JOBCENTRES[@]}"; do
    TOKENS+=("$jc=$(token jobcentre --jobcentre "$jc" --count "$TOKENS_PER_JOBCENTRE" | paste -sd' ')")
done
FIRST_TOKEN=${TOKENS[0]#*=}
FIRST_TOKEN=${FIRST_TOKEN%% *}

today=$(date -u +%F)
start=$(date -u -d "$today - 1 day" +%F)
end=$(date -u -d "$today + 365 days" +%F)
jobcentres_json=$(printf '"%s",' "${JOBCENTRES[@]}"); jobcentres_json="[${jobcentres_json%,}]"

# The designs measured, each in a trial of its own like the agency's: 6 jobcentres × 2 age bands × 2 genders = 24
# strata for permuted blocks; simple randomisation (no shared state, no lock); minimisation over the same three factors
# (one state, so one lock, for the whole trial).
DESIGNS=${DESIGNS:-blocks simple minimisation}
randomisation_of() {
    case $1 in
        blocks) echo '{"method": "PERMUTED_BLOCK", "blockSizes": [4, 6], "stratifyBy": ["jobcentre", "ageBand", "gender"], "ageBands": [18, 25, 30]}' ;;
        simple) echo '{"method": "SIMPLE"}' ;;
        minimisation) echo '{"method": "MINIMISATION", "minimisationFactors": ["jobcentre", "ageBand", "gender"], "ageBands": [18, 25, 30]}' ;;
        *) echo "unknown design '$1' (blocks, simple, minimisation)" >&2; exit 2 ;;
    esac
}
label_of() {
    case $1 in
        blocks) echo "permuted blocks, 24 strata" ;; simple) echo "simple" ;; minimisation) echo "minimisation, 3 factors" ;;
    esac
}
# Opens a trial of that design and enrols one citizen the load generator never uses (serial 9NN at age 29) once
# enrolment-service has learnt the trial from trial-events; prints "TRIAL-ID ENROLMENT-ID".
open_trial() {   # open_trial DESIGN SERIAL
    local design trial response code
    design=$(cat <<JSON
{"title": "Benchmark $1 $(date -u +%FT%TZ)", "type": "RCT", "targetGroup": "DAGPENGE",
 "arms": [{"code": "treatment", "name": "Intensive contact", "allocationWeight": 1},
          {"code": "control", "name": "Ordinary effort", "allocationWeight": 1, "control": true}],
 "randomisation": $(randomisation_of "$1"),
 "eligibility": {"benefitTypes": ["DAGPENGE"], "minAge": 18, "maxAge": 29, "maxWeeksUnemployed": 52},
 "jobcentres": $jobcentres_json, "primaryOutcome": {"type": "JOB_EXIT", "horizonWeeks": 26},
 "plannedParticipants": 1000000, "enrolmentPeriod": {"start": "$start", "end": "$end"}}
JSON
    )
    trial=$(curl -sf -H "Authorization: Bearer $DESIGNER" -H 'Content-Type: application/json' -d "$design" \
        "$TRIAL_URL/api/v1/trials" | sed -E 's/.*"id":"([^"]+)".*/\1/')
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $DESIGNER" "$TRIAL_URL/api/v1/trials/$trial/open"
    echo "$1 trial $trial opened; waiting for enrolment-service to learn it from trial-events ..." >&2
    local born; born=$(date -u -d "$today - 29 years - 10 days" +%d%m%y)
    for _ in $(seq 120); do
        response=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $FIRST_TOKEN" -H 'Content-Type: application/json' \
            -d "{\"cpr\":\"${born}0$2\",\"jobcentre\":\"${JOBCENTRES[0]}\",\"benefitType\":\"DAGPENGE\",\"weeksUnemployed\":1}" \
            "$ENROLMENT_URL/api/v1/trials/$trial/enrolments")
        code=${response##*$'\n'}
        [[ $code == 201 || $code == 200 ]] && break
        sleep 0.5
    done
    [[ $code == 201 || $code == 200 ]] || { echo "enrolment-service did not learn the trial: HTTP $code" >&2; exit 1; }
    echo "$trial $(sed -E 's/.*"enrolmentId":"([^"]+)".*/\1/' <<<"${response%$'\n'*}")"
}
declare -A TRIAL_OF
# The probe's trial: simple randomisation, only the probe's citizens, so that its participant count tells when the
# probe's own enrolment has reached the estimates.
read -r PROBE_TRIAL _ < <(open_trial simple 990)
serial=999
for d in $DESIGNS; do
    randomisation_of "$d" >/dev/null
    read -r trial enrolment < <(open_trial "$d" "$serial")
    TRIAL_OF[$d]=$trial
    # The baseline reads the first design's probe enrolment.
    [[ -n ${BASELINE_PATH:-} ]] || BASELINE_PATH="/api/v1/trials/$trial/enrolments/$enrolment"
    serial=$((serial - 1))
done

# The enrolments database's statement statistics (pg_stat_statements, preloaded by the local stack's server), reset
# before each POST phase and read after it: where PostgreSQL's time per enrolment goes.
PSQL=(psql -X -q -A -t "postgresql://postgres:postgres@${PG_HOST:-127.0.0.1}:${PG_PORT:-55432}/enrolments")
statements=$("${PSQL[@]}" -c 'create extension if not exists pg_stat_statements' 2>/dev/null && echo yes || echo no)
STATEMENTS_LOG=$(mktemp)

echo "machine: $(nproc) cores, $(uname -sr); load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

export BENCH_JOBCENTRES="${JOBCENTRES[*]}"
for t in "${TOKENS[@]}"; do export "TOKEN_${t%%=*}=${t#*=}"; done
# The baseline's reads; the estimates' readers set their own for their wrk.
export READ_PATH=$BASELINE_PATH
READ_TOKENS=${TOKENS[0]#*=}
export READ_TOKENS
baseline=(-s "$HERE/read.lua" "$ENROLMENT_URL")
enrol=(-s "$HERE/enrol.lua" "$ENROLMENT_URL")
# CPU time (clock ticks) used so far by each part of the system: the local stack's services by their pid files,
# PostgreSQL by database, the broker, and the machine as a whole (/proc/stat), as "name=ticks ..." on one line. wrk has
# exited by the second reading, so its share is in the machine's remainder ("other").
PIDS_DIR="${TRIALS_STACK_DIR:-$REPO/deploy/local/.stack}/pids"
cpu_ticks() {
    local line="machine=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat)"
    local svc pid
    for svc in trial-service enrolment-service outcome-service kafka; do
        pid=$(cat "$PIDS_DIR/$svc.pid" 2>/dev/null || true)
        line+=" $svc=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"
    done
    # Each PostgreSQL backend names its database in its process title ("postgres: USER DATABASE ..."); the rest
    # (checkpointer, WAL writer, autovacuum and other servers' backends) counts as the server's own.
    local db ticks
    declare -A pg=([enrolments]=0 [outcomes]=0 [trials]=0 [server]=0)
    for pid in $(pgrep -x postgres); do
        ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || continue
        db=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | awk '$1 == "postgres:" {print $3}')
        [[ -n $db && -n ${pg[$db]+set} && $db != server ]] || db=server
        pg[$db]=$((pg[$db] + ticks))
    done
    line+=" postgres-enrolments=${pg[enrolments]} postgres-outcomes=${pg[outcomes]} postgres-trials=${pg[trials]}"
    line+=" postgres-server=${pg[server]}"
    echo "$line"
}
# CPU milliseconds per request of each part between two cpu_ticks lines, for REQUESTS requests.
cpu_split() {   # cpu_split BEFORE AFTER REQUESTS
    awk -v before="$1" -v after="$2" -v requests="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        n = split(before, b, " "); split(after, a, " ")
        for (i = 1; i <= n; i++) { split(b[i], kb, "="); split(a[i], ka, "="); used[kb[1]] = ka[2] - kb[2]; order[i] = kb[1] }
        known = 0
        for (i = 2; i <= n; i++) known += used[order[i]]
        out = ""
        for (i = 2; i <= n; i++) out = out sprintf("%s %.2f, ", order[i], used[order[i]] * 1000 / hz / requests)
        printf "%sother %.2f ms CPU per request", out, (used["machine"] - known) * 1000 / hz / requests
    }'
}
CPU_LOG=$(mktemp)
phase() {   # phase NAME CONNECTIONS SECONDS WRK-ARGS...: runs wrk, prints "| name | conns | req/s | p50 | p99 | errors |"
    local name=$1 conns=$2 secs=$3; shift 3
    local before; before=$(cpu_ticks)
    local out; out=$(wrk -t"$THREADS" -c"$conns" -d"${secs}s" --timeout 10s --latency "$@")
    local after; after=$(cpu_ticks)
    local rps p50 p99 errors requests
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$conns" "$rps" "$p50" "$p99" "$errors"
    LAST_RPS=$rps LAST_P99=$p99
    echo "$name, $conns connections: $(cpu_split "$before" "$after" "${requests:-1}")" >>"$CPU_LOG"
}

echo "warming up (${WARMUP_SECONDS}s each) ..."
first=${DESIGNS%% *}
phase warm-up 32 "$WARMUP_SECONDS" "${baseline[@]}" >/dev/null
RUN=0 TRIAL=${TRIAL_OF[$first]} phase warm-up 32 "$WARMUP_SECONDS" "${enrol[@]}" >/dev/null
echo
echo "| phase | connections | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|"
run=0
RATIOS=$(mktemp)
for conns in $CONNECTIONS; do
    phase "baseline: GET enrolment" "$conns" "$SECONDS_PER_PHASE" "${baseline[@]}"
    baseline_rps=$LAST_RPS
    for d in $DESIGNS; do
        [[ $statements == yes ]] && "${PSQL[@]}" -c 'select pg_stat_statements_reset()' >/dev/null
        run=$((run + 1))
        RUN=$run TRIAL=${TRIAL_OF[$d]} phase "POST enrolment ($(label_of "$d"))" "$conns" "$SECONDS_PER_PHASE" "${enrol[@]}"
        rps=$LAST_RPS
        declare "rps_$d=$rps"
        echo "$conns connections: $(label_of "$d") $(awk -v a="$rps" -v b="$baseline_rps" 'BEGIN {printf "%.2f", a / b}')× the baseline" >>"$RATIOS"
        if [[ $statements == yes ]]; then
            {
                echo "POST enrolment ($(label_of "$d")), $conns connections: the enrolments database's statements by total time"
                echo "| calls | total ms | mean ms | rows | statement |"
                echo "|---|---|---|---|---|"
                "${PSQL[@]}" -F ' | ' -c "select calls, round(total_exec_time::numeric, 1), round(mean_exec_time::numeric, 3),
                        rows, regexp_replace(left(query, 110), '\s+', ' ', 'g')
                    from pg_stat_statements where dbid = (select oid from pg_database where datname = 'enrolments')
                    order by total_exec_time desc limit 12" | sed 's/^/| /; s/$/ |/'
                echo
            } >>"$STATEMENTS_LOG"
        fi
    done
    if [[ -n ${rps_blocks:-} && -n ${rps_minimisation:-} ]]; then
        echo "$conns connections: minimisation $(awk -v a="$rps_minimisation" -v b="$rps_blocks" 'BEGIN {printf "%.2f", a / b}')× permuted blocks" >>"$RATIOS"
    fi
done

# Paced: PACED_RATE enrolments/s into the first design's trial (bench/enrol.lua's schedule), while the probe enrols one citizen a
# second into its own trial and polls outcome-service's estimates of that trial every 20 ms until the citizen counts:
# the time from the request to the estimates, through outbox, broker, outcome-service's consumer and rolling refresh.
participants_of_probe() {
    curl -sf -H "Authorization: Bearer $ANALYST" "$OUTCOME_URL/api/v1/trials/$PROBE_TRIAL/estimates" \
        | jq '[.arms[].participants] | add // 0'
}
probe() {   # probe SECONDS OUT: one probe enrolment a second; prints the milliseconds each took to be counted
    local until=$(( $(date +%s) + $1 )) i=0 expected counted t0 t1 born
    expected=$(participants_of_probe)
    while (( $(date +%s) < until )); do
        i=$((i + 1))
        born=$(date -u -d "$today - 21 years - $i days" +%d%m%y)
        t0=$(date +%s%N)
        curl -sf -o /dev/null -H "Authorization: Bearer $FIRST_TOKEN" -H 'Content-Type: application/json' \
            -d "{\"cpr\":\"${born}4950\",\"jobcentre\":\"${JOBCENTRES[0]}\",\"benefitType\":\"DAGPENGE\",\"weeksUnemployed\":1}" \
            "$ENROLMENT_URL/api/v1/trials/$PROBE_TRIAL/enrolments" || continue
        expected=$((expected + 1))
        while counted=$(participants_of_probe) && (( counted < expected )) && (( $(date +%s%N) - t0 < 30000000000 )); do
            sleep 0.02
        done
        t1=$(date +%s%N)
        echo $(( (t1 - t0) / 1000000 )) >>"$2"
        sleep "$(awk -v ms=$(( (t1 - t0) / 1000000 )) 'BEGIN {s = 1 - ms / 1000; print (s > 0 ? s : 0)}')"
    done
}
percentile() {   # percentile P FILE: the P-th percentile (nearest rank) of the numbers in FILE
    sort -n "$2" | awk -v p="$1" '{v[NR] = $1} END {if (NR == 0) {print "n/a"; exit} r = int(p / 100 * NR + 0.999); if (r < 1) r = 1; print v[r]}'
}
# The saturation phases leave a backlog (outbox rows, events outcome-service has still to apply) that would be drained
# during the paced phase and measured as its latency: the paced phase starts once every trial's enrolments are counted
# in outcome-service's estimates (at most SETTLE_SECONDS, 180).
settled() {
    local d enrolled counted
    for d in $DESIGNS; do
        enrolled=$("${PSQL[@]}" -c "select count(*) from enrolment where trial_id = '${TRIAL_OF[$d]}'")
        counted=$(curl -sf -H "Authorization: Bearer $ANALYST" "$OUTCOME_URL/api/v1/trials/${TRIAL_OF[$d]}/estimates" \
            | jq '[.arms[].participants] | add // 0') || return 1
        (( counted >= enrolled )) || return 1
    done
}
settle_from=$(date +%s)
until settled || (( $(date +%s) - settle_from >= ${SETTLE_SECONDS:-180} )); do sleep 1; done
echo "| (backlog of the saturation phases drained after $(( $(date +%s) - settle_from )) s) | | | | | |"
sleep 5
PROBE_LOG=$(mktemp)
run=$((run + 1))
probe "$SECONDS_PER_PHASE" "$PROBE_LOG" &
probe_pid=$!
RUN=$run TRIAL=${TRIAL_OF[$first]} RATE=$PACED_RATE THREADS=$THREADS \
    phase "paced POST enrolment ($(label_of "$first"), target $PACED_RATE/s)" "$PACED_CONNECTIONS" "$SECONDS_PER_PHASE" "${enrol[@]}"
paced_p99=$LAST_P99
wait "$probe_pid" || true
PACED_SUMMARY="paced enrolment: counted in the estimates after p50 $(percentile 50 "$PROBE_LOG") ms, p95 $(percentile 95 "$PROBE_LOG") ms, max $(percentile 100 "$PROBE_LOG") ms ($(wc -l <"$PROBE_LOG") probes; target p95 ≤ 1000 ms)"
rm -f "$PROBE_LOG"

# Mixed: a day's work at once: the paced enrolment while analysts read the trial's estimates as fast as they can and a
# register feed posts outcomes of the trial's participants in bulk; each part first alone, then all together. The bulk lines name participants by
# enrolment id (taken from the enrolments database), one job exit each, the two halves disjoint so that neither post
# is of duplicates.
MIXED_SUMMARY=()
if [[ $MIXED == yes ]]; then
    estimates_path="/api/v1/trials/${TRIAL_OF[$first]}/estimates"
    estimates=(-s "$HERE/read.lua" "$OUTCOME_URL")
    BULK_DIR=$(mktemp -d)
    "${PSQL[@]}" -c "select id from enrolment where trial_id = '${TRIAL_OF[$first]}' and sequence is not null
                     order by sequence limit $((2 * BULK_LINES))" \
        | awk -v dir="$BULK_DIR" -v half="$BULK_LINES" -v on="$today" '{
              f = (NR <= half) ? "alone" : "mixed"
              printf "{\"enrolmentId\":\"%s\",\"type\":\"JOB_EXIT\",\"occurredOn\":\"%s\",\"source\":\"BENCH\",\"sourceId\":\"bench-%s-%d\"}\n", $1, on, f, NR >> (dir "/" f ".ndjson")
          }'
    bulk() {   # bulk FILE: posts it, prints lines per second
        local lines t0 t1
        lines=$(wc -l <"$1")
        t0=$(date +%s%N)
        curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/x-ndjson' \
            --data-binary "@$1" "$OUTCOME_URL/api/v1/trials/${TRIAL_OF[$first]}/outcomes/bulk" || { echo "failed"; return; }
        t1=$(date +%s%N)
        awk -v n="$lines" -v ns=$((t1 - t0)) 'BEGIN {printf "%.0f", n / (ns / 1e9)}'
    }
    READ_PATH=$estimates_path READ_TOKENS=$ANALYST_TOKENS \
        phase "baseline: GET estimates (analyst)" "$ESTIMATE_CONNECTIONS" "$SECONDS_PER_PHASE" "${estimates[@]}"
    estimates_alone=$LAST_RPS
    bulk_alone=$(bulk "$BULK_DIR/alone.ndjson")
    echo "| bulk outcomes alone ($BULK_LINES lines, lines/s) | 1 | $bulk_alone | | | |"
    READ_PATH=$estimates_path READ_TOKENS=$ANALYST_TOKENS \
        wrk -t1 -c"$ESTIMATE_CONNECTIONS" -d"${SECONDS_PER_PHASE}s" --latency "${estimates[@]}" >"$BULK_DIR/estimates.txt" &
    reads_pid=$!
    ( sleep 2; bulk "$BULK_DIR/mixed.ndjson" >"$BULK_DIR/bulk.txt" ) &
    bulk_pid=$!
    run=$((run + 1))
    RUN=$run TRIAL=${TRIAL_OF[$first]} RATE=$PACED_RATE THREADS=$THREADS \
        phase "mixed: paced POST enrolment ($(label_of "$first"), target $PACED_RATE/s)" "$PACED_CONNECTIONS" "$SECONDS_PER_PHASE" "${enrol[@]}"
    mixed_p99=$LAST_P99
    wait "$reads_pid" "$bulk_pid" || true
    estimates_mixed=$(awk '/^Requests\/sec/ {print $2}' "$BULK_DIR/estimates.txt")
    printf '| mixed: GET estimates (analyst) | %s | %s | %s | %s | |\n' "$ESTIMATE_CONNECTIONS" "$estimates_mixed" \
        "$(awk '$1 == "50%" {print $2}' "$BULK_DIR/estimates.txt")" "$(awk '$1 == "99%" {print $2}' "$BULK_DIR/estimates.txt")"
    echo "| mixed: bulk outcomes ($BULK_LINES lines, lines/s) | 1 | $(cat "$BULK_DIR/bulk.txt") | | | |"
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (b > 0 ? "%.2f" : "n/a"), a / b}'; }
    MIXED_SUMMARY+=("mixed: paced enrolment p99 $mixed_p99 (alone $paced_p99), estimate reads $(ratio "$estimates_mixed" "$estimates_alone")× alone, bulk ingest $(ratio "$(cat "$BULK_DIR/bulk.txt")" "$bulk_alone")× alone")
    rm -rf "$BULK_DIR"
fi

echo
echo "Ratios (each beside its baseline from the same run):"
sed 's/^/- /' "$RATIOS"
rm -f "$RATIOS"
echo "- $PACED_SUMMARY"
for line in "${MIXED_SUMMARY[@]}"; do echo "- $line"; done
echo
echo "Where the CPU went (the services, PostgreSQL by database, the broker; other = wrk and the rest of the machine):"
sed 's/^/- /' "$CPU_LOG"
rm -f "$CPU_LOG"
if [[ $statements == yes ]]; then
    echo
    cat "$STATEMENTS_LOG"
fi
rm -f "$STATEMENTS_LOG"
echo
rss=""
for svc in trial-service enrolment-service outcome-service; do
    pid=$(cat "$PIDS_DIR/$svc.pid" 2>/dev/null || true)
    rss+="$svc $(awk '/^VmRSS:/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo "?"), "
done
echo "resident memory after the run: ${rss%, } (target ≤ 300 MB each)"
echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
