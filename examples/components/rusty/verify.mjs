// Calls every function of rusty.wasm through jco's transpiler (the reference runtime), checks each
// result against the expected value written below, and records the calls as test vectors in Weft's
// JSON value mapping (the same format and conventions as kitchen/vectors.json, see kitchen/README.md).
//
//   node rusty/verify.mjs          check, then (re)write rusty/vectors.json
//   node rusty/verify.mjs --check  check, and fail if vectors.json differs from the output
//
// Arguments and expected results are written in jco's JS representation; `toJson` converts them,
// guided by the WIT type of each parameter and result.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadComponent } from '../load-component.mjs';

// ---- WIT types, as far as the conversion needs them ----

const prim = (name) => ({ kind: name });
const [u32, s64, f64, string] = ['u32', 's64', 'f64', 'string'].map(prim);
const list = (elem) => ({ kind: 'list', elem });
const option = (inner) => ({ kind: 'option', inner });
const result = (ok, err) => ({ kind: 'result', ok, err });
const record = (fields) => ({ kind: 'record', fields }); // [[wit-name, type], ...]
const enumType = (cases) => ({ kind: 'enum', cases });

const summary = record([['count', u32], ['mean', f64], ['min', f64], ['max', f64]]);
const sign = enumType(['negative', 'zero', 'positive']);

// name -> [parameter types, result type]
const TEXT = 'weft:examples/text@0.1.0#';
const signatures = {
  [`${TEXT}word-count`]: [[string], u32],
  [`${TEXT}split-words`]: [[string], list(string)],
  [`${TEXT}stats`]: [[list(f64)], option(summary)],
  [`${TEXT}classify`]: [[s64], sign],
  [`${TEXT}parse-int`]: [[string], result(s64, string)],
};

// ---- jco JS values -> Weft JSON text ----

const camel = (kebab) => kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

function floatJson(x) {
  if (Number.isNaN(x)) return '"NaN"';
  if (x === Infinity) return '"Infinity"';
  if (x === -Infinity) return '"-Infinity"';
  if (Object.is(x, -0)) return '-0.0';
  const text = String(x);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

function toJson(t, v) {
  switch (t.kind) {
    case 'u32':
      if (!Number.isInteger(v)) throw new TypeError(`not an integer: ${v}`);
      return String(v);
    case 's64':
      return BigInt(v).toString(); // a raw number token, exact
    case 'f64':
      return floatJson(v);
    case 'string':
      return JSON.stringify(v);
    case 'list':
      return `[${Array.from(v, (e) => toJson(t.elem, e)).join(',')}]`;
    case 'record':
      return `{${t.fields.map(([n, ft]) => `${JSON.stringify(n)}:${toJson(ft, v[camel(n)])}`).join(',')}}`;
    case 'enum':
      if (!t.cases.includes(v)) throw new TypeError(`no enum case ${v}`);
      return JSON.stringify(v);
    case 'option':
      return v === undefined || v === null ? 'null' : toJson(t.inner, v);
    case 'result':
      return `{"tag":${JSON.stringify(v.tag)},"val":${toJson(v.tag === 'ok' ? t.ok : t.err, v.val)}}`;
    default:
      throw new TypeError(`unknown type ${t.kind}`);
  }
}

// ---- The calls ----

const ok = (val) => ({ tag: 'ok', val });
const err = (val) => ({ tag: 'err', val });
const f64s = (...xs) => new Float64Array(xs);
const sum = (count, mean, min, max) => ({ count, mean, min, max });

// [function, [args], expected result]
const T = TEXT;
const cases = [
  [`${T}word-count`, [''], 0],
  [`${T}word-count`, [' \t\n '], 0],
  [`${T}word-count`, ['hello'], 1],
  [`${T}word-count`, ['  two  words '], 2],
  [`${T}word-count`, ['tab\tnew\nline\r\nend'], 4],
  [`${T}word-count`, ['héllo wörld ✓'], 3],
  [`${T}word-count`, ['a\u3000b\u00a0c\u2028d'], 4], // ideographic space, no-break space, line separator
  [`${T}word-count`, ['x\u200by\ufeffz'], 1], // zero-width space and BOM are not White_Space
  [`${T}word-count`, ['日本語 テキスト 😀😀'], 3],

  [`${T}split-words`, [''], []],
  [`${T}split-words`, [' \t\r\n '], []],
  [`${T}split-words`, ['one'], ['one']],
  [`${T}split-words`, ['  lead and  trail  '], ['lead', 'and', 'trail']],
  [`${T}split-words`, ['héllo\u2003wörld\u00a0✓'], ['héllo', 'wörld', '✓']],
  [`${T}split-words`, ['a😀b\u3000日本 x\0y'], ['a😀b', '日本', 'x\0y']],

  [`${T}stats`, [f64s()], undefined],
  [`${T}stats`, [f64s(2)], sum(1, 2, 2, 2)],
  [`${T}stats`, [f64s(1, 2, 3, 4)], sum(4, 2.5, 1, 4)],
  [`${T}stats`, [f64s(10, -1.5, 0.5)], sum(3, 3, -1.5, 10)],
  [`${T}stats`, [f64s(0.1, 0.2)], sum(2, 0.15000000000000002, 0.1, 0.2)],
  [`${T}stats`, [f64s(1e308, 1e308)], sum(2, Infinity, 1e308, 1e308)],
  [`${T}stats`, [f64s(NaN, 1, -1)], sum(3, NaN, -1, 1)],
  [`${T}stats`, [f64s(NaN)], sum(1, NaN, NaN, NaN)],
  [`${T}stats`, [f64s(-0, 0)], sum(2, 0, -0, -0)], // ties keep the first
  [`${T}stats`, [f64s(Infinity, -Infinity, Number.MIN_VALUE)], sum(3, NaN, -Infinity, Infinity)],
  [`${T}stats`, [new Float64Array(100).map((_, i) => 99 - i)], sum(100, 49.5, 0, 99)],

  [`${T}classify`, [-9223372036854775808n], 'negative'],
  [`${T}classify`, [-1n], 'negative'],
  [`${T}classify`, [0n], 'zero'],
  [`${T}classify`, [1n], 'positive'],
  [`${T}classify`, [9223372036854775807n], 'positive'],
  [`${T}classify`, [4294967296n], 'positive'],
  [`${T}classify`, [-4294967296n], 'negative'],

  [`${T}parse-int`, ['0'], ok(0n)],
  [`${T}parse-int`, ['42'], ok(42n)],
  [`${T}parse-int`, ['-42'], ok(-42n)],
  [`${T}parse-int`, ['+7'], ok(7n)],
  [`${T}parse-int`, ['007'], ok(7n)],
  [`${T}parse-int`, ['-0'], ok(0n)],
  [`${T}parse-int`, ['9007199254740993'], ok(9007199254740993n)],
  [`${T}parse-int`, ['9223372036854775807'], ok(9223372036854775807n)],
  [`${T}parse-int`, ['-9223372036854775808'], ok(-9223372036854775808n)],
  [`${T}parse-int`, ['9223372036854775808'], err('out of range')],
  [`${T}parse-int`, ['-9223372036854775809'], err('out of range')],
  [`${T}parse-int`, ['18446744073709551616000'], err('out of range')],
  [`${T}parse-int`, [''], err('empty')],
  [`${T}parse-int`, ['-'], err('no digits')],
  [`${T}parse-int`, ['+'], err('no digits')],
  [`${T}parse-int`, [' 1'], err("invalid character ' '")],
  [`${T}parse-int`, ['12a'], err("invalid character 'a'")],
  [`${T}parse-int`, ['--1'], err("invalid character '-'")],
  [`${T}parse-int`, ['1é'], err("invalid character 'é'")],
  [`${T}parse-int`, ['٣'], err("invalid character '٣'")], // ARABIC-INDIC DIGIT THREE
  [`${T}parse-int`, ['99999999999999999999😀'], err("invalid character '😀'")],
];

// ---- Run, check, record ----

const here = new URL('.', import.meta.url);
const component = await loadComponent(fileURLToPath(new URL('rusty.wasm', here)));
const text = component.text;

function call(name, args) {
  const [, resultType] = signatures[name];
  const f = text[camel(name.split('#')[1])];
  if (resultType.kind !== 'result') return f(...args);
  // jco returns a top-level result's ok value and throws a ComponentError carrying the err value.
  try {
    return ok(f(...args));
  } catch (e) {
    if (!('payload' in e)) throw e;
    return err(e.payload);
  }
}

const lines = [];
let failures = 0;
const covered = new Set();
for (const [name, args, expected] of cases) {
  const [paramTypes, resultType] = signatures[name];
  if (args.length !== paramTypes.length) throw new Error(`${name}: wrong argument count`);
  const got = toJson(resultType, call(name, args));
  const want = toJson(resultType, expected);
  if (got !== want) {
    failures++;
    console.error(`FAIL ${name}: got ${got}, expected ${want}`);
  }
  covered.add(name);
  const argsJson = args.map((a, i) => toJson(paramTypes[i], a)).join(',');
  lines.push(`  {"function":${JSON.stringify(name)},"args":[${argsJson}],"result":${got}}`);
}
for (const name of Object.keys(signatures)) {
  if (!covered.has(name)) {
    failures++;
    console.error(`FAIL ${name}: no vectors`);
  }
}

// Not recorded: many calls with large arguments, so the bump allocator must grow memory and be
// reset between calls (memory would otherwise run out: 200 calls of ~1 MiB each).
const big = 'word '.repeat(200_000);
for (let i = 0; i < 200; i++) {
  assert.equal(text.wordCount(big), 200_000);
  if (i % 50 === 0) assert.equal(text.splitWords(big).length, 200_000);
  assert.equal(text.stats(new Float64Array(131_072).fill(1)).count, 131_072);
  assert.throws(() => text.parseInt(`${'1'.repeat(1_000_000)}x`), (e) => e.payload === "invalid character 'x'");
}

const out = `[\n${lines.join(',\n')}\n]\n`;
JSON.parse(out); // well-formed JSON

const vectorsUrl = new URL('vectors.json', here);
if (process.argv.includes('--check')) {
  const recorded = await readFile(vectorsUrl, 'utf8').catch(() => '');
  if (recorded !== out) {
    failures++;
    console.error('FAIL vectors.json is not what verify.mjs produces: rerun it without --check');
  }
} else if (failures === 0) {
  await writeFile(vectorsUrl, out);
}
console.log(`rusty: ${cases.length - failures} passed, ${failures} failed (plus the allocator checks)`);
process.exit(failures === 0 ? 0 : 1);
