'use strict';
// A warm loop of native bcrypt hashes (npm `bcrypt`, the optimized Node peer's library), printing
// median wall and process CPU time per hash as one JSON line, like dev.weft.bench.BcryptTiming.
//   node bcrypt-native.js PEERS_DIR [cost] [warm-up] [runs]
const path = require('node:path');
const [dirArg, costArg, warmArg, runsArg] = process.argv.slice(2);
const dir = path.resolve(dirArg);
const bcrypt = require(path.join(dir, 'node_modules', 'bcrypt'));
const cost = Number(costArg || 12), warm = Number(warmArg || 3), runs = Number(runsArg || 10);
// the salt BcryptTiming uses (bytes i * 37 + 11), in bcrypt's radix-64
const salt = `$2b$${String(cost).padStart(2, '0')}$Ax/Tcn9C4O2xUF0gv8uPLe`;
for (let i = 0; i < warm; i++) bcrypt.hashSync('hunter2-pw', salt);
const wall = [], cpu = [];
let hash;
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage(), t0 = process.hrtime.bigint();
  hash = bcrypt.hashSync('hunter2-pw', salt);
  wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
console.log(JSON.stringify({ impl: `native bcrypt ${require(path.join(dir, 'node_modules', 'bcrypt', 'package.json')).version}, Node ${process.version}`,
  cost, runs, wall_med_ms: +med(wall).toFixed(1), cpu_med_ms: +med(cpu).toFixed(1), result: hash }));
