-- PATCH settings with a merge patch that alternates, so every request is a real change:
-- validation, the org row, an audit entry and an outbox event in one transaction, then the relay to Kafka.
local values = {"basic", "enhanced"}
local n = 0
request = function()
  n = n + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end  -- keep -H Authorization
  headers["Content-Type"] = "application/merge-patch+json"
  return wrk.format("PATCH", nil, headers, '{"aiSummaries":"' .. values[(n % 2) + 1] .. '"}')
end
