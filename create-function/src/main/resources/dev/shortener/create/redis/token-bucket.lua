-- One token bucket, refilled and taken from atomically (Redis runs a script as one step, so two environments
-- can never both take the last token).
-- KEYS[1]  the bucket
-- ARGV[1]  burst: the most tokens the bucket holds
-- ARGV[2]  tokens added per minute
-- ARGV[3]  now, epoch milliseconds, from the caller: tests control time, and Redis TIME is not needed
-- ARGV[4]  how long to keep the bucket, milliseconds (by then it would be full again anyway)
-- ARGV[5]  the most tokens to take (a bulk request's items), as many as the bucket holds; 1 when absent
-- Returns {tokens taken, 0} when at least one was taken, else {0, milliseconds until one is there}.
local burst = tonumber(ARGV[1])
local perMinute = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local keepFor = tonumber(ARGV[4])
local most = tonumber(ARGV[5]) or 1

local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
  at = now
elseif now > at then
  -- A caller whose clock is behind the last one adds nothing and leaves 'at' alone: time never runs backwards.
  tokens = math.min(burst, tokens + (now - at) * perMinute / 60000)
  at = now
end

local allowed = 0
local retryAfter = 0
if tokens >= 1 then
  allowed = math.min(most, math.floor(tokens))
  tokens = tokens - allowed
else
  retryAfter = math.ceil((1 - tokens) * 60000 / perMinute)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], keepFor)
return {allowed, retryAfter}
