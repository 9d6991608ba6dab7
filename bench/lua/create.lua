-- POST /api/consents: a new subject per request (case-management id W<run>-<thread>-<n>), a child and a
-- parent, pinned to the published version of what-it-means-to-me, with its own Idempotency-Key.
local run = os.getenv("BENCH_RUN_ID")
local version = os.getenv("BENCH_NOTICE_VERSION")
local hash = os.getenv("BENCH_NOTICE_HASH")
local today = os.getenv("BENCH_TODAY")
local counter = 0
wrk.headers["Content-Type"] = "application/json"

function request()
  counter = counter + 1
  local id = "W" .. run .. "-" .. (tid or 0) .. "-" .. counter
  local body = '{"subject":{"identifiers":[{"system":"case-management-id","value":"' .. id .. '"}],'
    .. '"dateOfBirth":"2014-03-01"},"notice":{"slug":"what-it-means-to-me","version":' .. version
    .. ',"contentHash":"' .. hash .. '"},"purposes":["research-what-it-means-to-me"],'
    .. '"parties":[{"role":"child","decision":"GIVEN","decidedOn":"' .. today .. '"},'
    .. '{"role":"parent","relationship":"mother","decision":"GIVEN","decidedOn":"' .. today .. '"}],'
    .. '"collectionMethod":"PAPER_FORM","formReceivedOn":"' .. today .. '"}'
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Idempotency-Key"] = "bench-" .. id
  return wrk.format("POST", "/api/consents", headers, body)
end
