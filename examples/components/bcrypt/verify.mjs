// Checks bcrypt.wasm through jco's transpiler (the reference runtime):
//  1. published bcrypt test vectors (OpenWall crypt_blowfish / John the Ripper, as also used by
//     PHP, Bouncy Castle and passlib) hash and verify as published;
//  2. vectors.json (the same plus a few edge cases) matches the component;
//  3. when the npm package `bcryptjs` is installed outside the project (default $TMPDIR/bcref, or the
//     BCRYPT_REF_DIR environment variable), random passwords and salts give the same hash as bcryptjs,
//     and the edge-case vectors' expected hashes are bcryptjs's;
//  4. verify's answers for wrong passwords, other variants and malformed hashes, and hash's errors.
// Usage, from anywhere after `npm install` in examples/components:
//   node bcrypt/verify.mjs            check
//   node bcrypt/verify.mjs --record   rewrite vectors.json (needs bcryptjs), then check
//   node bcrypt/verify.mjs --bench    also time one cost-12 hash
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadComponent } from '../load-component.mjs';

const here = (f) => fileURLToPath(new URL(f, import.meta.url));
const { hasher } = await loadComponent(here('bcrypt.wasm'));

const B64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** bcrypt's radix-64 (its own alphabet, most significant bits first, no padding) -> bytes. */
function decode64(s, nbytes) {
  let bits = 0n;
  for (const c of s) {
    const v = B64.indexOf(c);
    assert.ok(v >= 0, `bad radix-64 character ${c}`);
    bits = (bits << 6n) | BigInt(v);
  }
  const total = s.length * 6;
  bits >>= BigInt(total - nbytes * 8);
  return Uint8Array.from({ length: nbytes }, (_, i) => Number((bits >> BigInt(8 * (nbytes - 1 - i))) & 0xffn));
}
function encode64(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i], b1 = bytes[i + 1] ?? 0, b2 = bytes[i + 2] ?? 0;
    out += B64[b0 >> 2] + B64[((b0 & 3) << 4) | (b1 >> 4)];
    if (i + 1 < bytes.length) out += B64[((b1 & 15) << 2) | (b2 >> 6)];
    if (i + 2 < bytes.length) out += B64[b2 & 63];
  }
  return out;
}
const saltOf = (hash) => decode64(hash.slice(7, 29), 16);
const asB = (hash) => '$2b$' + hash.slice(4);

// Published vectors: [password, hash]. Passwords are JS strings (hashed as UTF-8).
const PUBLISHED = [
  // OpenWall crypt_blowfish wrapper.c (also PHP's crypt_blowfish.phpt, Bouncy Castle's OpenBSDBCryptTest)
  ['U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW'],
  ['U*U*', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK'],
  ['U*U*U', '$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a'],
  ['0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored',
    '$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui'],
  ['', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy'],
  // John the Ripper 1.7.9 (as in passlib's tests)
  ['U*U*U*U*', '$2a$05$c92SVSfjeiCD6F2nAD6y0uBpJDjdRkt0EgeC4/31Rf2LUZbDRDE.O'],
  ['*U*U*U*U', '$2a$05$.WRrXibc1zPgIdRXYfv.4uu6TD1KWf0VnHzq/0imhUhuxSxCyeBs2'],
  // openwall.info/wiki/john/sample-hashes
  ['password', '$2a$05$bvIG6Nmid91Mu9RcmmWZfO5HJIMCT8riNW0hEp8f6/FuA2/mHZFpe'],
  // non-ASCII, cost 10 (a vector of several bcrypt test suites)
  ['ππππππππ', '$2a$10$.TtQJ4Jr6isd4Hp.mVfZeuh6Gws4rOQ/vdBczhDx.19NFK0Y84Dle'],
];
// Edge cases whose expected hashes come from bcryptjs: [password, cost, salt bytes].
const seq = (start) => Uint8Array.from({ length: 16 }, (_, i) => (start + 17 * i) & 0xff);
const EDGE = [
  ['Zoë ✓ 😀 пароль', 4, seq(0)],
  ['a' + 'é'.repeat(36), 4, seq(1)], // 73 bytes: the 72-byte cut splits the last "é"
  ['x'.repeat(200), 6, seq(2)], // far beyond 72 bytes
  ['a\u0000b', 4, seq(3)], // an embedded U+0000 is data (C bcrypt would stop at it)
];

let checks = 0;
for (const [pw, ref] of PUBLISHED) {
  const cost = Number(ref.slice(4, 6));
  assert.equal(hasher.hash(pw, cost, saltOf(ref)), asB(ref), `hash of ${JSON.stringify(pw)}`);
  assert.equal(hasher.verify(pw, ref), true);
  assert.equal(hasher.verify(pw, asB(ref)), true);
  assert.equal(hasher.verify(pw, '$2y$' + ref.slice(4)), true);
  assert.equal(hasher.verify(Buffer.byteLength(pw) >= 72 ? '!' + pw.slice(1) : pw + '!', ref), false);
  if (Buffer.byteLength(pw) >= 72) assert.equal(hasher.verify(pw + '!', ref), true); // bytes past 72 are ignored
  checks += 5;
}

// ---- Reference implementation ----

const refDir = process.env.BCRYPT_REF_DIR ?? join(tmpdir(), 'bcref');
let bcryptjs = null;
if (existsSync(join(refDir, 'node_modules/bcryptjs'))) bcryptjs = createRequire(join(refDir, 'package.json'))('bcryptjs');
const refHash = (pw, cost, salt) => bcryptjs.hashSync(pw, `$2b$${String(cost).padStart(2, '0')}$${encode64(salt)}`);

// ---- vectors.json ----

const vectorsPath = here('vectors.json');
if (process.argv.includes('--record')) {
  assert.ok(bcryptjs, `--record needs bcryptjs in ${refDir}`);
  const vectors = [
    ...PUBLISHED.map(([password, ref]) => ({
      password, cost: Number(ref.slice(4, 6)), salt: Buffer.from(saltOf(ref)).toString('base64'),
      hash: asB(ref), source: `published: ${ref}`,
    })),
    ...EDGE.map(([password, cost, salt]) => ({
      password, cost, salt: Buffer.from(salt).toString('base64'), hash: refHash(password, cost, salt),
      source: 'bcryptjs',
    })),
  ];
  writeFileSync(vectorsPath, '[\n' + vectors.map((v) => '  ' + JSON.stringify(v)).join(',\n') + '\n]\n');
  console.log(`recorded ${vectorsPath}`);
}
const vectors = JSON.parse(readFileSync(vectorsPath, 'utf8'));
for (const v of vectors) {
  const salt = Uint8Array.from(Buffer.from(v.salt, 'base64'));
  assert.equal(hasher.hash(v.password, v.cost, salt), v.hash, `vector ${JSON.stringify(v.password)}`);
  assert.equal(hasher.verify(v.password, v.hash), true);
  checks += 2;
}

// ---- Cross-check against bcryptjs ----

let refSummary = `bcryptjs cross-check skipped (no ${join(refDir, 'node_modules/bcryptjs')})`;
if (bcryptjs) {
  for (const [pw, cost, salt] of EDGE) assert.equal(hasher.hash(pw, cost, salt), refHash(pw, cost, salt));
  let seed = 2024;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) >>> 0; return (seed >>> 8) % n; };
  const CHARS = ['a', 'Z', '0', ' ', '$', '.', '/', '*', 'é', 'ß', '€', '✓', '漢', '😀', '\u0000', '\u007f'];
  let n = 0;
  for (let i = 0; i < 60; i++) {
    const len = [0, 1, 71, 72, 73][i % 5] ?? 0;
    let pw = '';
    const target = i % 5 === 0 ? rand(90) : len;
    while (Buffer.byteLength(pw) < target) pw += CHARS[rand(CHARS.length)];
    const salt = Uint8Array.from({ length: 16 }, () => rand(256));
    const cost = 4 + (i % 3 === 0 ? 1 : 0);
    const mine = hasher.hash(pw, cost, salt);
    assert.equal(mine, refHash(pw, cost, salt), `random ${JSON.stringify(pw)}`);
    assert.equal(bcryptjs.compareSync(pw, mine), true);
    n++;
  }
  refSummary = `${n} random passwords/salts (0-90 UTF-8 bytes, around the 72-byte cut) and ` +
    `${EDGE.length} edge cases equal bcryptjs ${bcryptjs.version ?? ''}`.trim();
}

// ---- Errors and other variants ----

const ok = '$2b$04$' + encode64(seq(9)) + encode64(new Uint8Array(23)).slice(0, 31);
const errs = [
  [() => hasher.hash('x', 3, seq(0)), /cost must be between 4 and 31/],
  [() => hasher.hash('x', 32, seq(0)), /cost must be between 4 and 31/],
  [() => hasher.hash('x', 4, new Uint8Array(15)), /salt must be exactly 16 bytes/],
  [() => hasher.verify('x', ''), /not a bcrypt hash/],
  [() => hasher.verify('x', ok.slice(0, 59)), /not a bcrypt hash/],
  [() => hasher.verify('x', '$2x$' + ok.slice(4)), /unsupported bcrypt variant/],
  [() => hasher.verify('x', '$2$04$' + ok.slice(7) + 'x'), /not a bcrypt hash|unsupported/],
  [() => hasher.verify('x', '$2b$03$' + ok.slice(7)), /invalid bcrypt cost/],
  [() => hasher.verify('x', '$2b$4a$' + ok.slice(7)), /invalid bcrypt cost/],
  [() => hasher.verify('x', ok.slice(0, 10) + '!' + ok.slice(11)), /invalid character/],
  [() => hasher.verify('x', ok.slice(0, 40) + '+' + ok.slice(41)), /invalid character/],
];
for (const [call, re] of errs) {
  assert.throws(call, (e) => { assert.match(String(e.payload), re); return true; });
  checks++;
}
assert.equal(hasher.verify('x', ok), false); // well formed, wrong password
const good = hasher.hash('secret', 4, seq(5));
assert.equal(hasher.verify('secret', good), true);
// The salt's last character carries 2 bits; spelling it with other unused bits does not verify.
const last = B64.indexOf(good[28]);
assert.equal(hasher.verify('secret', good.slice(0, 28) + B64[last ^ 1] + good.slice(29)), false);
checks += 3;

console.log(`bcrypt: ${PUBLISHED.length} published vectors, ${vectors.length} vectors.json entries, ` +
  `${checks} checks passed; ${refSummary}`);

if (process.argv.includes('--bench')) {
  hasher.hash('warm up', 8, seq(7));
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const h = hasher.hash('correct horse battery staple', 12, seq(7));
    console.log(`  cost 12: ${(performance.now() - t0).toFixed(0)} ms (${h})`);
  }
  if (bcryptjs) {
    const t0 = performance.now();
    bcryptjs.hashSync('correct horse battery staple', '$2b$12$' + encode64(seq(7)));
    console.log(`  bcryptjs cost 12 for comparison: ${(performance.now() - t0).toFixed(0)} ms`);
  }
}
