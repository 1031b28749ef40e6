'use strict';
// Prints showcase.sh's table (Markdown) from the JSON lines of the peers' harness and of Weft's
// cases (the same fields: bench, server, wrk {requests, duration_us, lat_p50_us...}, body_bytes,
// rss_peak_kb, seq {seq_ms_per_run}). One group per workload (QR; signup at cost 12, cost 4, no
// hashing); "weft / row" is Weft's req/s in that group over the row's req/s (Weft's first row, when
// a group has several), and a last line gives the cost-12 medians when there are several rounds.
//   node showcase-table.js results.jsonl
const fs = require('node:fs');

const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const rps = (r) => (r.wrk && r.wrk.duration_us ? r.wrk.requests / (r.wrk.duration_us / 1e6) : NaN);
const workload = (r) => {
  if (r.bench === 'qrcode') return 'QR code';
  const m = /\((cost \d+|no bcrypt)\)/.exec(r.server);
  return `signup, ${m ? m[1].replace('no bcrypt', 'no hashing') : '?'}`;
};
const order = ['QR code', 'signup, cost 12', 'signup, cost 4', 'signup, no hashing'];
const groups = new Map(order.map((w) => [w, []]));
for (const r of rows) {
  const w = workload(r);
  if (!groups.has(w)) groups.set(w, []);
  groups.get(w).push(r);
}

const num = (v, d) => (v === undefined || v === null || Number.isNaN(v) ? '-' : Number(v).toFixed(d));
const auto = (v) => num(v, v < 10 ? 2 : v < 100 ? 1 : 0);
const head = ['workload', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'body B', 'RSS peak MB',
  'seq ms/run', 'weft / row'];
const out = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
for (const [w, rs] of groups) {
  if (!rs.length) continue;
  const weft = rs.find((r) => r.server.startsWith('weft'));
  // Weft first, then the peers in the harness's order
  for (const r of [...rs].sort((a, b) => (b === weft) - (a === weft))) {
    const x = r.wrk || {};
    const errors = r.failed ? 'FAILED' : x.requests === undefined ? '-'
      : x.err_status + x.err_connect + x.err_read + x.err_write + x.err_timeout;
    const ratio = weft && !Number.isNaN(rps(weft)) && rps(r) > 0 ? `${(rps(weft) / rps(r)).toFixed(2)}x` : '-';
    const name = r === weft ? `**${r.server}**` : r.server;
    out.push(`| ${[w, name, auto(rps(r)), auto(x.lat_p50_us / 1000), auto(x.lat_p99_us / 1000), errors,
      r.body_bytes ?? '-', r.rss_peak_kb ? (r.rss_peak_kb / 1024).toFixed(0) : '-',
      r.seq ? auto(r.seq.seq_ms_per_run) : '-', r === weft ? '1.00x' : ratio].join(' | ')} |`);
  }
}
// With PAIRS12, cost 12 has several alternating Weft and optimized-Node measurements: their medians.
const median = (xs) => {
  const v = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const cost12 = groups.get('signup, cost 12') || [];
const weft12 = cost12.filter((r) => r.server.startsWith('weft ')).map(rps);
const node12 = cost12.filter((r) => r.server.startsWith('node optimized')).map(rps);
if (weft12.length > 1 && node12.length > 0) {
  const w = median(weft12);
  const n = median(node12);
  out.push('', `signup, cost 12, medians over the alternating measurements: Weft ${auto(w)} req/s (${weft12.length}), `
    + `node optimized ${auto(n)} req/s (${node12.length}): ${(w / n).toFixed(3)}x`);
}
console.log(out.join('\n'));
