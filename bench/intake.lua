-- wrk script for the intake scenario: POST /api/v1/proposals as the committee, a new title per request.
-- Reads BENCH_TOKEN and BENCH_SESSION from the environment; done() prints one machine-readable line.
local token = os.getenv("BENCH_TOKEN")
local session = os.getenv("BENCH_SESSION")
local threads = {}
local counter = 0
local prefix = ""

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix = string.format("%d-%d-%d", os.time(), thread_id, math.random(1000000))
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local body = '{"sessionId":"' .. session .. '",'
    .. '"title":"关于确保经济稳增长，创新产业集群服务模式的提案（' .. prefix .. '-' .. counter .. '）",'
    .. '"content":"建议优先发展产业集群，创新产业集群服务模式，加快中小企业数字化转型。",'
    .. '"proposer":{"id":"member-zhang","name":"张委员","sector":"经济界"},'
    .. '"coProposers":[{"id":"member-li","name":"李委员"}],"topics":["INDUSTRY_CLUSTERS"]}'
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  -- completed requests, non-2xx/3xx answers, socket errors, requests per second, p50 and p99 in ms
  io.write(string.format("wrk-result\t%d\t%d\t%d\t%.1f\t%.1f\t%.1f\n",
    summary.requests, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
