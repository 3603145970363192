-- wrk script of the reads: every request GETs READ_PATH with the tokens READ_TOKENS holds (space-separated) in turn,
-- so that no token meets the per-token rate limit. The baseline reads one enrolment with its jobcentre's tokens; the
-- mixed phase reads a trial's estimates with analysts' tokens.

function init(args)
    tokens = {}
    for token in string.gmatch(os.getenv("READ_TOKENS"), "%S+") do
        table.insert(tokens, token)
    end
    path = os.getenv("READ_PATH")
    n = 0
end

function request()
    n = n + 1
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] })
end
