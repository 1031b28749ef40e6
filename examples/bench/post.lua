-- wrk script: POST a JSON body (WRK_BODY, default the hello flow's input) and print one summary line.
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY") or '{"name": "World"}'
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%d,"duration_us":%d,"non2xx":%d,"errors":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
