-- wrk script of the baseline: every request reads the one enrolment BASELINE_PATH names, with the tokens of its
-- jobcentre (TOKEN_<BASELINE_JOBCENTRE>, space-separated) in turn, so that no token meets the per-token rate limit.

function init(args)
    tokens = {}
    for token in string.gmatch(os.getenv("TOKEN_" .. os.getenv("BASELINE_JOBCENTRE")), "%S+") do
        table.insert(tokens, token)
    end
    path = os.getenv("BASELINE_PATH")
    n = 0
end

function request()
    n = n + 1
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] })
end
