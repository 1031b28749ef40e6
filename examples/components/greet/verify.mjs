// Checks greet.wasm against its WIT contract by running it through jco's transpiler.
// Usage (from anywhere, after `npm install` in examples/components): node greet/verify.mjs
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadComponent } from '../load-component.mjs';

const greet = await loadComponent(fileURLToPath(new URL('greet.wasm', import.meta.url)));

const checks = [
  [() => greet.greet('World'), 'Hello, World!'],
  [() => greet.greet(''), 'Hello, !'],
  [() => greet.greet('Zoë'), 'Hello, Zoë!'],
  [() => greet.shout('Hello, World!'), 'HELLO, WORLD!'],
  [() => greet.shout('héllo ✓ az{'), 'HéLLO ✓ AZ{'],
  [() => greet.shout(''), ''],
  [() => greet.countChars('héllo ✓'), 7],
  [() => greet.countChars(''), 0],
  [() => greet.countChars('a😀b'), 3],
];
for (const [call, expected] of checks) assert.deepEqual(call(), expected);

// Many calls with a large argument: the allocator must grow memory and reuse it between calls.
const big = 'x'.repeat(300_000);
for (let i = 0; i < 50; i++) assert.equal(greet.shout(big).length, big.length);
assert.equal(greet.countChars(big), big.length);

console.log(`greet: ${checks.length + 2} checks passed`);
