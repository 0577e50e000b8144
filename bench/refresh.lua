-- POST /api/auth/refresh, one chain of one-time refresh tokens per wrk thread (one connection each): every answer's
-- refreshToken is the next request's, as a client does. REFRESH_TOKENS holds one starting token per thread.
local tokens = {}
for t in string.gmatch(os.getenv("REFRESH_TOKENS"), "[^,]+") do tokens[#tokens + 1] = t end
local next_index = 0

function setup(thread)
  next_index = next_index + 1
  thread:set("token", tokens[next_index])
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  return wrk.format(nil, nil, nil, '{"refreshToken":"' .. token .. '"}')
end

response = function(status, headers, body)
  local fresh = string.match(body, '"refreshToken":"([^"]+)"')
  if status == 200 and fresh then token = fresh end
end
