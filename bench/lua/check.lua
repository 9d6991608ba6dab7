-- GET /api/consents/check for a random synthetic subject (sql/generate.sql): subject k has the
-- case-management id B<k>; its first notice follows (k / 10) % 10 exactly as the generator chose it.
local nsub = tonumber(os.getenv("BENCH_SUBJECTS"))
local fixed = os.getenv("BENCH_FIXED_SUBJECT")

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
end

local function notice_of(k)
  local m = math.floor(k / 10) % 10
  if m < 6 then
    return "what-it-means-to-me", "research-what-it-means-to-me"
  elseif m < 9 then
    return "children-families-education", "early-years-education"
  end
  local slug = "bench-notice-" .. (k % 3 + 1)
  return slug, slug .. "-purpose"
end

function request()
  local k = fixed and tonumber(fixed) or math.random(1, nsub)
  local slug, purpose = notice_of(k)
  return wrk.format("GET", "/api/consents/check?subject=case-management-id:B" .. k .. "&notice=" .. slug
    .. "&purpose=" .. purpose)
end
