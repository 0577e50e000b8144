-- POST /api/auth/login with the bootstrap admin's password, each request from another client address
-- (X-Forwarded-For, believed from loopback), so the per-account-and-address throttle does not answer instead.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("LOGIN_BODY")
local n = 0
request = function()
  n = n + 1
  local headers = { ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), n % 250 + 1) }
  return wrk.format(nil, nil, headers)
end
