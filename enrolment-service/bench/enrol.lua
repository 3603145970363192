-- wrk script: every request enrols a new citizen — a valid CPR number of someone aged 18–29, never repeated in a run —
-- for one of the benchmark's jobcentres, with that jobcentre's own token.
-- Environment: TRIAL (id), BENCH_JOBCENTRES ("101 147 ..."), TOKEN_<code> (the bearer tokens of each jobcentre,
-- space-separated, used in turn), RUN (0, 1, ...: each wrk run of one benchmark gets its own citizens), RATE (if set,
-- requests per second in all: each thread sends its share on a fixed schedule, a paced load instead of as fast as the
-- connections go; THREADS, the wrk threads, must be set with it).

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("id", counter)
    table.insert(threads, thread)
end

function init(args)
    jobcentres = {}
    for code in string.gmatch(os.getenv("BENCH_JOBCENTRES"), "%S+") do
        local tokens = {}
        for token in string.gmatch(os.getenv("TOKEN_" .. code), "%S+") do
            table.insert(tokens, token)
        end
        table.insert(jobcentres, { code = code, tokens = tokens })
    end
    path = "/api/v1/trials/" .. os.getenv("TRIAL") .. "/enrolments"
    -- Noon UTC eighteen years ago: every birth date counted back from here makes an 18- to 29-year-old today.
    local now = os.date("!*t")
    eighteen = os.time({ year = now.year - 18, month = now.month, day = now.day, hour = 12 })
    n = 0
    run = tonumber(os.getenv("RUN") or "0")
end

-- Defined only for a paced run: wrk asks a script that has delay() before every request. Each request of a thread
-- takes the thread's next slot on the schedule, whatever the latency of the ones before, so the rate holds as long as
-- a connection is free.
local rate = tonumber(os.getenv("RATE") or "0")
if rate > 0 then
    local ffi = require("ffi")
    ffi.cdef [[
        typedef struct { long tv_sec; long tv_nsec; } timespec;
        int clock_gettime(int clock, timespec *now);
    ]]
    local now = ffi.new("timespec")
    local function millis()
        ffi.C.clock_gettime(1, now)   -- CLOCK_MONOTONIC
        return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
    end
    local interval = 1000 * tonumber(os.getenv("THREADS") or "1") / rate
    local slot
    function delay()
        local t = millis()
        slot = math.max((slot or t) + interval, t - 1000)
        return math.max(0, math.floor(slot - t))
    end
end

-- The k-th citizen of this thread: birth dates cycle over 4,000 days; the serial encodes the run, the thread and the
-- cycle ((run × 2 + thread) × 25 + cycle), so with two threads and up to 19 runs the citizens of one benchmark are
-- distinct for 100,000 requests per thread and run.
local function cpr(k)
    local born = eighteen - (1 + k % 4000) * 86400
    local year = tonumber(os.date("!%Y", born))
    local serial = ((run * 2 + id - 1) * 25 + math.floor(k / 4000) % 25) % 1000
    return os.date("!%d%m%y", born) .. (year >= 2000 and "4" or "0") .. string.format("%03d", serial)
end

function request()
    n = n + 1
    local jc = jobcentres[(n % #jobcentres) + 1]
    local body = string.format('{"cpr":"%s","jobcentre":"%s","benefitType":"DAGPENGE","weeksUnemployed":%d}',
        cpr(n), jc.code, n % 40)
    local token = jc.tokens[(math.floor(n / #jobcentres) % #jc.tokens) + 1]
    return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json" }, body)
end
