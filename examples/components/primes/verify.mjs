// Checks primes.wasm against known values by running it through jco's transpiler, which also runs
// `_initialize` at instantiation (as wit-component's glue asks).
// Usage (from anywhere, after `npm install` in examples/components): node primes/verify.mjs
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadComponent } from '../load-component.mjs';

const primes = await loadComponent(fileURLToPath(new URL('primes.wasm', import.meta.url)));
const list = (xs) => Array.from(xs);

const checks = [
  [() => primes.isPrime(0), false],
  [() => primes.isPrime(1), false],
  [() => primes.isPrime(2), true],
  [() => primes.isPrime(16777213), true], // the largest prime below 2^24
  [() => primes.isPrime(16777259), true], // the smallest above (Miller-Rabin)
  [() => primes.isPrime(25326001), false], // a strong pseudoprime to bases 2, 3 and 5
  [() => primes.isPrime(3215031751), false], // ... to bases 2, 3, 5 and 7
  [() => primes.isPrime(4294967291), true],
  [() => primes.isPrime(4294967295), false],
  [() => primes.countPrimes(1), 0],
  [() => primes.countPrimes(2), 1],
  [() => primes.countPrimes(1000000), 78498],
  [() => primes.countPrimes(16777215), 1077871],
  [() => primes.countPrimes(16777216), undefined],
  [() => primes.nthPrime(0), undefined],
  [() => primes.nthPrime(1), 2],
  [() => primes.nthPrime(10001), 104743],
  [() => primes.nthPrime(1000000), 15485863],
  [() => primes.nthPrime(1077871), 16777213],
  [() => primes.nthPrime(1077872), undefined],
  [() => primes.nextPrime(0), 2],
  [() => primes.nextPrime(16777214), 16777259],
  [() => primes.nextPrime(4294967291), 4294967291],
  [() => primes.nextPrime(4294967292), undefined],
  [() => list(primes.factor(0)), []],
  [() => list(primes.factor(1)), []],
  [() => list(primes.factor(360)), [2, 2, 2, 3, 3, 5]],
  [() => list(primes.factor(4294967295)), [3, 5, 17, 257, 65537]],
  [() => list(primes.factor(4294967291)), [4294967291]],
  [() => list(primes.factor(4292870399)), [65519, 65521]],
];
for (const [call, expected] of checks) assert.deepEqual(call(), expected, String(call));

// The table agrees with trial division on every number below 20,000.
let count = 0;
for (let n = 0; n < 20000; n++) {
  let p = n >= 2;
  for (let d = 2; d * d <= n && p; d++) p = n % d !== 0;
  assert.equal(primes.isPrime(n), p, `isPrime(${n})`);
  if (p) count++;
  assert.equal(primes.countPrimes(n), count, `countPrimes(${n})`);
}

console.log(`primes: ${checks.length + 1} checks passed`);
