-- The request mix of tests/load/soak.sh for wrk: every published address (the PATHS file, one a
-- line) as gzip, identity and br 200s and 304s (If-None-Match with the address's current gzip
-- ETag, from the ETAGS file the soak's HEAD loop keeps current, read again every 500 requests).
-- No HEADs: wrk 4.1 waits for a HEAD's body (Content-Length bytes that never come) and stalls the
-- connection, so the soak sends its HEADs with curl beside wrk. Counts the statuses; done()
-- prints "statuses 200=N 304=N other=N".
-- Usage: wrk -s soak-mix.lua URL -- PATHS ETAGS

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local paths = {}
local etags = {}
local etags_file
local sent = 0

local function load_etags()
  local file = io.open(etags_file, "r")
  if not file then return end
  for line in file:lines() do
    local path, etag = line:match("^(%S+) (.+)$")
    if path then etags[path] = etag end
  end
  file:close()
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(paths, line) end
  end
  etags_file = args[2]
  load_etags()
  math.randomseed(os.time() + #tostring({}))
  ok = 0
  not_modified = 0
  other = 0
end

function request()
  sent = sent + 1
  if sent % 500 == 0 then load_etags() end
  local path = paths[math.random(#paths)]
  local r = math.random(100)
  if r <= 35 then
    return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
  elseif r <= 50 then
    return wrk.format("GET", path, {})
  elseif r <= 60 then
    return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip, deflate, br" })
  else
    return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip", ["If-None-Match"] = etags[path] or '"none"' })
  end
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  elseif status == 304 then
    not_modified = not_modified + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("ok")
    b = b + thread:get("not_modified")
    c = c + thread:get("other")
  end
  io.write(string.format("statuses 200=%d 304=%d other=%d\n", a, b, c))
end
