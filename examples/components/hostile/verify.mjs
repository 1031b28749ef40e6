// Calls every export of hostile.wasm through jco's transpiler and compares what happens with
//  - `spec`: what the Canonical ABI requires (README.md), which is what Weft must do, and
//  - `jco`:  what jco 1.35 was seen to do; where it differs from the spec, the line says so.
// The script fails when jco's behaviour changes from what is recorded here, so that the lies keep
// happening as documented (a lie the component stopped telling would show up as a change).
// Usage (after `npm install` in examples/components): node hostile/verify.mjs
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { loadComponent } from '../load-component.mjs';

const h = await loadComponent(fileURLToPath(new URL('hostile.wasm', import.meta.url)));

const TRAP = 'trap';
const SAME = Symbol('same as spec');
// [name, call, spec, jco]
const checks = [
  ['string-out-of-bounds', () => h.stringOutOfBounds(), TRAP, SAME],
  ['string-huge-length', () => h.stringHugeLength(), TRAP, SAME],
  ['string-pointer-wraps', () => h.stringPointerWraps(), TRAP, SAME],
  ['string-invalid-utf8', () => h.stringInvalidUtf8(), TRAP, 'ok\ufffd\ufffd'],
  ['list-unaligned', () => h.listUnaligned(), TRAP, SAME],
  ['list-out-of-bounds', () => h.listOutOfBounds()?.length, TRAP, 'some length < 0x01000000'],
  ['return-area-unaligned', () => h.returnAreaUnaligned(), TRAP, 'hi'],
  ['return-area-out-of-bounds', () => h.returnAreaOutOfBounds(), TRAP, SAME],
  ['bad-discriminant', () => h.badDiscriminant(), TRAP, SAME],
  ['bad-enum', () => h.badEnum(), TRAP, SAME],
  ['bad-option', () => h.badOption(), TRAP, SAME],
  ['char-surrogate', () => h.charSurrogate(), TRAP, SAME],
  ['char-too-big', () => h.charTooBig(), TRAP, SAME],
  ['bad-bool', () => h.badBool(), true, TRAP],
  ['flags-extra-bits', () => h.flagsExtraBits(), { one: true, two: true, three: true }, TRAP],
  ['realloc-out-of-bounds("abc")', () => h.reallocOutOfBounds('abc'), TRAP, SAME],
  ['realloc-unaligned([1, 2, 3])', () => h.reallocUnaligned(new Uint32Array([1, 2, 3])), TRAP, 3],
  ['ok', () => h.ok(), 42, SAME],
];

const show = (v) => (v === TRAP ? 'trap' : JSON.stringify(v)).slice(0, 60);
let passed = 0;
let failed = 0;
for (const [name, call, spec, jcoExpected] of checks) {
  let outcome;
  let message = '';
  try {
    outcome = call();
  } catch (e) {
    outcome = TRAP;
    message = ` (${e.message})`;
  }
  const jco = jcoExpected === SAME ? spec : jcoExpected;
  const good = typeof jco === 'string' && jco.startsWith('some length')
    ? Number.isInteger(outcome) && outcome < 0x01000000
    : isDeepStrictEqual(outcome, jco);
  good ? passed++ : failed++;
  const note = jcoExpected === SAME ? '' : `  [spec: ${show(spec)}; jco deviates]`;
  console.log(`${good ? 'ok  ' : 'FAIL'} ${name}: ${show(outcome)}${message}${note}`);
}
// After all the lies the instance still answers: nothing was left corrupted on the host side.
if (h.ok() === 42) passed++;
else failed++;
console.log(`hostile: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
