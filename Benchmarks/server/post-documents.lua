-- wrk script: POSTs the bodies in the file named by DOCSIFT_BODIES (one JSON request body per
-- line: a document, or a batch of DOCSIFT_DOCUMENTS_PER_REQUEST documents) to DOCSIFT_ROUTE,
-- cycling; reports documents/s and latency percentiles in a form run.sh reads.
local path = os.getenv("DOCSIFT_BODIES")
local route = os.getenv("DOCSIFT_ROUTE") or "/v1/label"
local documents_per_request = tonumber(os.getenv("DOCSIFT_DOCUMENTS_PER_REQUEST") or "1")
local bodies = {}
for line in io.lines(path) do
  if #line > 0 then bodies[#bodies + 1] = line end
end
local next_body = 0
local headers = { ["Content-Type"] = "application/json" }

request = function()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", route, headers, bodies[next_body])
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f per_second=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f failed=%d\n",
    summary.requests, seconds, summary.requests * documents_per_request / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, failed))
end
