// Calls every function of kitchen.wasm through jco's transpiler (the reference runtime), checks each
// result against the expected value written below, and records the calls as test vectors in Weft's
// JSON value mapping (see README.md).
//
//   node kitchen/record-vectors.mjs          check, then (re)write kitchen/vectors.json
//   node kitchen/record-vectors.mjs --check  check, and fail if vectors.json differs from the output
//
// Arguments and expected results are written in jco's JS representation; `toJson` converts them,
// guided by the WIT type of each parameter and result.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadComponent } from '../load-component.mjs';

// ---- WIT types, as far as the conversion needs them ----

const prim = (name) => ({ kind: name });
const [bool, u8, u16, u32, u64, s8, s16, s32, s64, f32, f64, char, string] = [
  'bool', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'f32', 'f64', 'char', 'string',
].map(prim);
const list = (elem) => ({ kind: 'list', elem });
const option = (inner) => ({ kind: 'option', inner });
const result = (ok, err) => ({ kind: 'result', ok, err }); // ok/err undefined when absent
const tuple = (...elems) => ({ kind: 'tuple', elems });
const record = (fields) => ({ kind: 'record', fields }); // [[wit-name, type], ...]
const variant = (cases) => ({ kind: 'variant', cases }); // [[wit-name, type or undefined], ...]
const enumType = (cases) => ({ kind: 'enum', cases });
const flags = (names) => ({ kind: 'flags', names });

const point = record([['x', s32], ['y', s32]]);
const person = record([
  ['name', string], ['age', u8], ['nick', option(string)], ['tags', list(string)], ['home', point],
]);
const mixed = variant([
  ['none'], ['small', s32], ['real', f32], ['big', s64], ['text', string], ['pair', tuple(u8, f64)],
]);
const color = enumType(['red', 'green', 'blue', 'ultra-violet']);
const parseError = variant([['empty'], ['unknown', string]]);
const perms = flags(['read', 'write', 'exec']);
const medium = flags(Array.from({ length: 12 }, (_, i) => `b${i}`));
const many = flags(Array.from({ length: 32 }, (_, i) => `x${i}`));
const spilled = record([
  ['a', u8], ['b', s8], ['c', u16], ['d', s16], ['e', u32], ['f', s32], ['g', u64], ['h', s64],
  ['i', f32], ['j', f64], ['k', char], ['l', bool], ['m', string], ['n', list(u8)],
  ['o', option(u32)], ['p', color], ['q', perms],
]);

// name -> [parameter types, result type (undefined for none)]
const KINDS = 'weft:examples/kinds@0.1.0#';
const signatures = {
  [`${KINDS}negate-bool`]: [[bool], bool],
  [`${KINDS}inc-u8`]: [[u8], u8],
  [`${KINDS}inc-u16`]: [[u16], u16],
  [`${KINDS}inc-u32`]: [[u32], u32],
  [`${KINDS}inc-u64`]: [[u64], u64],
  [`${KINDS}inc-s8`]: [[s8], s8],
  [`${KINDS}inc-s16`]: [[s16], s16],
  [`${KINDS}inc-s32`]: [[s32], s32],
  [`${KINDS}inc-s64`]: [[s64], s64],
  [`${KINDS}negate-f32`]: [[f32], f32],
  [`${KINDS}negate-f64`]: [[f64], f64],
  [`${KINDS}next-char`]: [[char], char],
  [`${KINDS}ints`]: [[u8, u16, u32, u64, s8, s16, s32, s64], tuple(u8, u16, u32, u64, s8, s16, s32, s64)],
  [`${KINDS}floats`]: [[f32, f64], tuple(f64, f32)],
  [`${KINDS}reverse-string`]: [[string], string],
  [`${KINDS}reverse-bytes`]: [[list(u8)], list(u8)],
  [`${KINDS}reverse-strings`]: [[list(string)], list(string)],
  [`${KINDS}scale`]: [[list(f64), f64], list(f64)],
  [`${KINDS}sum-u64`]: [[list(u64)], u64],
  [`${KINDS}flatten`]: [[list(list(u32))], list(u32)],
  [`${KINDS}move-points`]: [[list(point), s32, s32], list(point)],
  [`${KINDS}birthday`]: [[person], person],
  [`${KINDS}oldest`]: [[list(person)], option(person)],
  [`${KINDS}swap`]: [[tuple(string, u32, f64)], tuple(f64, u32, string)],
  [`${KINDS}rotate-mixed`]: [[mixed], mixed],
  [`${KINDS}next-color`]: [[color], color],
  [`${KINDS}toggle-perms`]: [[perms], perms],
  [`${KINDS}toggle-medium`]: [[medium], medium],
  [`${KINDS}toggle-many`]: [[many], many],
  [`${KINDS}double-opt`]: [[option(u32)], option(u32)],
  [`${KINDS}nested-opt`]: [[option(option(string))], option(option(string))],
  [`${KINDS}checked-div`]: [[s32, s32], result(s32, string)],
  [`${KINDS}require-text`]: [[string], result(undefined, string)],
  [`${KINDS}parity`]: [[u32], result(undefined, undefined)],
  [`${KINDS}parse-color`]: [[string], result(color, parseError)],
  [`${KINDS}halve-all`]: [[list(u32)], list(result(u32, string))],
  [`${KINDS}first-ok`]: [[list(result(u32, string))], option(u32)],
  [`${KINDS}spill`]: [
    [u8, s8, u16, s16, u32, s32, u64, s64, f32, f64, char, bool, string, list(u8), option(u32), color, perms],
    spilled,
  ],
  [`${KINDS}sink`]: [[string], undefined],
  describe: [[], string],
};

// ---- jco JS values -> Weft JSON text ----

const camel = (kebab) => kebab.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

function floatJson(x, single) {
  if (Number.isNaN(x)) return '"NaN"';
  if (x === Infinity) return '"Infinity"';
  if (x === -Infinity) return '"-Infinity"';
  if (Object.is(x, -0)) return '-0.0';
  let text = String(x);
  if (single) {
    // The shortest decimal that reads back as the same f32 (JS prints the f32 widened to f64).
    for (let p = 1; p <= 9; p++) {
      const candidate = Number(x.toPrecision(p));
      if (Math.fround(candidate) === x) {
        text = String(candidate);
        break;
      }
    }
  }
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

function toJson(t, v) {
  switch (t.kind) {
    case 'bool':
      return v ? 'true' : 'false';
    case 'u8': case 'u16': case 'u32': case 's8': case 's16': case 's32':
      if (!Number.isInteger(v)) throw new TypeError(`not an integer: ${v}`);
      return String(v);
    case 'u64': case 's64':
      return BigInt(v).toString(); // a raw number token, exact
    case 'f32': return floatJson(v, true);
    case 'f64': return floatJson(v, false);
    case 'char': case 'string':
      return JSON.stringify(v);
    case 'list':
      if (t.elem.kind === 'u8') return JSON.stringify(Buffer.from(v).toString('base64'));
      return `[${Array.from(v, (e) => toJson(t.elem, e)).join(',')}]`;
    case 'tuple':
      return `[${t.elems.map((e, i) => toJson(e, v[i])).join(',')}]`;
    case 'record':
      return `{${t.fields.map(([n, ft]) => `${JSON.stringify(n)}:${toJson(ft, v[camel(n)])}`).join(',')}}`;
    case 'variant': {
      const c = t.cases.find(([n]) => n === v.tag);
      if (!c) throw new TypeError(`no case ${v.tag}`);
      return tagged(v.tag, c[1], v.val);
    }
    case 'enum':
      if (!t.cases.includes(v)) throw new TypeError(`no enum case ${v}`);
      return JSON.stringify(v);
    case 'flags':
      return JSON.stringify(t.names.filter((n) => v[camel(n)]));
    case 'option':
      // jco gives option<option<T>> as {tag, val} on the outside, like Weft's mapping.
      if (t.inner.kind === 'option') return tagged(v.tag, v.tag === 'some' ? t.inner : undefined, v.val);
      return v === undefined || v === null ? 'null' : toJson(t.inner, v);
    case 'result':
      return tagged(v.tag, v.tag === 'ok' ? t.ok : t.err, v.val);
    default:
      throw new TypeError(`unknown type ${t.kind}`);
  }
}

function tagged(tag, payloadType, val) {
  const head = `{"tag":${JSON.stringify(tag)}`;
  return payloadType === undefined ? `${head}}` : `${head},"val":${toJson(payloadType, val)}}`;
}

// ---- The calls ----

const fr = Math.fround;
const F32_MAX = fr(3.4028234663852886e38);
const F32_MIN_SUBNORMAL = fr(1.401298464324817e-45);
const bytes = (...b) => new Uint8Array(b);
const ok = (val) => ({ tag: 'ok', val });
const err = (val) => ({ tag: 'err', val });
const person1 = { name: 'Ann', age: 30, nick: 'annie', tags: ['a', 'b'], home: { x: 1, y: 2 } };
const person2 = { name: 'Bø', age: 255, nick: undefined, tags: [], home: { x: 2147483647, y: -1 } };
const person3 = { name: '', age: 0, nick: '', tags: ['', 'ü'], home: { x: -5, y: 0 } };
const allPerms = { read: true, write: true, exec: true };
const noPerms = { read: false, write: false, exec: false };
const mediumOf = (...set) => Object.fromEntries(medium.names.map((n) => [n, set.includes(n)]));
const manyOf = (...set) => Object.fromEntries(many.names.map((n) => [n, set.includes(n)]));
const allMany = many.names;

// [function, [args], expected result]
const K = KINDS;
const cases = [
  [`${K}negate-bool`, [true], false],
  [`${K}negate-bool`, [false], true],

  [`${K}inc-u8`, [0], 1], [`${K}inc-u8`, [127], 128], [`${K}inc-u8`, [254], 255], [`${K}inc-u8`, [255], 0],
  [`${K}inc-u16`, [0], 1], [`${K}inc-u16`, [32767], 32768], [`${K}inc-u16`, [65535], 0],
  [`${K}inc-u32`, [0], 1], [`${K}inc-u32`, [2147483647], 2147483648], [`${K}inc-u32`, [4294967295], 0],
  [`${K}inc-u64`, [0n], 1n], [`${K}inc-u64`, [9007199254740992n], 9007199254740993n],
  [`${K}inc-u64`, [9223372036854775807n], 9223372036854775808n], [`${K}inc-u64`, [18446744073709551615n], 0n],
  [`${K}inc-s8`, [-128], -127], [`${K}inc-s8`, [-1], 0], [`${K}inc-s8`, [0], 1], [`${K}inc-s8`, [127], -128],
  [`${K}inc-s16`, [-32768], -32767], [`${K}inc-s16`, [-1], 0], [`${K}inc-s16`, [32767], -32768],
  [`${K}inc-s32`, [-2147483648], -2147483647], [`${K}inc-s32`, [-1], 0], [`${K}inc-s32`, [2147483647], -2147483648],
  [`${K}inc-s64`, [-9223372036854775808n], -9223372036854775807n], [`${K}inc-s64`, [-1n], 0n],
  [`${K}inc-s64`, [-9007199254740993n], -9007199254740992n],
  [`${K}inc-s64`, [9223372036854775807n], -9223372036854775808n],

  [`${K}negate-f32`, [1.5], -1.5], [`${K}negate-f32`, [2], -2], [`${K}negate-f32`, [fr(0.1)], fr(-0.1)],
  [`${K}negate-f32`, [0], -0], [`${K}negate-f32`, [-0], 0], [`${K}negate-f32`, [NaN], NaN],
  [`${K}negate-f32`, [Infinity], -Infinity], [`${K}negate-f32`, [-Infinity], Infinity],
  [`${K}negate-f32`, [F32_MAX], -F32_MAX], [`${K}negate-f32`, [F32_MIN_SUBNORMAL], -F32_MIN_SUBNORMAL],
  [`${K}negate-f64`, [1.5], -1.5], [`${K}negate-f64`, [0.1], -0.1], [`${K}negate-f64`, [0], -0],
  [`${K}negate-f64`, [-0], 0], [`${K}negate-f64`, [NaN], NaN], [`${K}negate-f64`, [-Infinity], Infinity],
  [`${K}negate-f64`, [Number.MAX_VALUE], -Number.MAX_VALUE], [`${K}negate-f64`, [Number.MIN_VALUE], -Number.MIN_VALUE],
  [`${K}negate-f64`, [1e21], -1e21], [`${K}negate-f64`, [-123456789.125], 123456789.125],

  [`${K}next-char`, ['a'], 'b'], [`${K}next-char`, ['\0'], '\u0001'], [`${K}next-char`, ['\u007f'], '\u0080'],
  [`${K}next-char`, ['é'], 'ê'], [`${K}next-char`, ['\ud7ff'], '\ue000'], [`${K}next-char`, ['\uffff'], '\u{10000}'],
  [`${K}next-char`, ['😀'], '😁'], [`${K}next-char`, ['\u{10ffff}'], '\0'],

  [`${K}ints`, [0, 0, 0, 0n, 0, 0, 0, 0n], [1, 1, 1, 1n, 1, 1, 1, 1n]],
  [`${K}ints`, [255, 65535, 4294967295, 18446744073709551615n, -1, -1, -1, -1n], [0, 0, 0, 0n, 0, 0, 0, 0n]],
  [`${K}ints`, [127, 32767, 2147483647, 9223372036854775807n, 127, 32767, 2147483647, 9223372036854775807n],
    [128, 32768, 2147483648, 9223372036854775808n, -128, -32768, -2147483648, -9223372036854775808n]],
  [`${K}ints`, [1, 2, 3, 4n, -5, -6, -7, -8n], [2, 3, 4, 5n, -4, -5, -6, -7n]],

  [`${K}floats`, [1.5, 2.25], [2.25, 1.5]],
  [`${K}floats`, [fr(0.1), 0.1], [0.1, fr(0.1)]],
  [`${K}floats`, [-0, NaN], [NaN, -0]],
  [`${K}floats`, [Infinity, -Infinity], [-Infinity, Infinity]],
  [`${K}floats`, [F32_MIN_SUBNORMAL, Number.MAX_VALUE], [Number.MAX_VALUE, F32_MIN_SUBNORMAL]],

  [`${K}reverse-string`, [''], ''], [`${K}reverse-string`, ['a'], 'a'], [`${K}reverse-string`, ['abc'], 'cba'],
  [`${K}reverse-string`, ['héllo'], 'olléh'], [`${K}reverse-string`, ['a✓😀b'], 'b😀✓a'],
  [`${K}reverse-string`, ['x\0y'], 'y\0x'], [`${K}reverse-string`, ['日本語'], '語本日'],

  [`${K}reverse-bytes`, [bytes()], bytes()], [`${K}reverse-bytes`, [bytes(0)], bytes(0)],
  [`${K}reverse-bytes`, [bytes(1, 2, 3)], bytes(3, 2, 1)], [`${K}reverse-bytes`, [bytes(0, 255, 128, 7)], bytes(7, 128, 255, 0)],
  [`${K}reverse-bytes`, [Uint8Array.from({ length: 300 }, (_, i) => i & 0xff)],
    Uint8Array.from({ length: 300 }, (_, i) => (299 - i) & 0xff)],

  [`${K}reverse-strings`, [[]], []], [`${K}reverse-strings`, [['only']], ['only']],
  [`${K}reverse-strings`, [['a', 'b', 'c']], ['c', 'b', 'a']], [`${K}reverse-strings`, [['', 'é', '']], ['', 'é', '']],
  [`${K}reverse-strings`, [['first ✓', '', '😀 last']], ['😀 last', '', 'first ✓']],

  [`${K}scale`, [new Float64Array([]), 2], []], [`${K}scale`, [new Float64Array([1, 2, 3]), 2], [2, 4, 6]],
  [`${K}scale`, [new Float64Array([1, -1]), -0], [-0, 0]], [`${K}scale`, [new Float64Array([0.1, 1e308]), 10], [1, Infinity]],
  [`${K}scale`, [new Float64Array([0, 1]), Infinity], [NaN, Infinity]], [`${K}scale`, [new Float64Array([1.5]), NaN], [NaN]],

  [`${K}sum-u64`, [new BigUint64Array([])], 0n], [`${K}sum-u64`, [new BigUint64Array([1n, 2n, 3n])], 6n],
  [`${K}sum-u64`, [new BigUint64Array([18446744073709551615n])], 18446744073709551615n],
  [`${K}sum-u64`, [new BigUint64Array([18446744073709551615n, 2n])], 1n],
  [`${K}sum-u64`, [new BigUint64Array([9007199254740993n, 9007199254740993n])], 18014398509481986n],

  [`${K}flatten`, [[]], []], [`${K}flatten`, [[new Uint32Array([])]], []],
  [`${K}flatten`, [[new Uint32Array([1, 2]), new Uint32Array([]), new Uint32Array([3])]], [1, 2, 3]],
  [`${K}flatten`, [[new Uint32Array([4294967295]), new Uint32Array([0, 2147483648])]], [4294967295, 0, 2147483648]],

  [`${K}move-points`, [[], 1, 1], []],
  [`${K}move-points`, [[{ x: 1, y: 2 }, { x: -3, y: 4 }], 10, -10], [{ x: 11, y: -8 }, { x: 7, y: -6 }]],
  [`${K}move-points`, [[{ x: 2147483647, y: -2147483648 }], 1, -1], [{ x: -2147483648, y: 2147483647 }]],
  [`${K}move-points`, [[{ x: 0, y: 0 }], 0, 0], [{ x: 0, y: 0 }]],

  [`${K}birthday`, [person1], { ...person1, age: 31, tags: ['a', 'b', 'birthday'], home: { x: 2, y: 2 } }],
  [`${K}birthday`, [person2], { ...person2, age: 0, tags: ['birthday'], home: { x: -2147483648, y: -1 } }],
  [`${K}birthday`, [person3], { ...person3, age: 1, tags: ['', 'ü', 'birthday'], home: { x: -4, y: 0 } }],

  [`${K}oldest`, [[]], undefined],
  [`${K}oldest`, [[person1]], person1],
  [`${K}oldest`, [[person1, person2, person3]], person2],
  [`${K}oldest`, [[person3, person1, { ...person1, name: 'Twin' }]], person1],
  [`${K}oldest`, [[person3, person3]], person3],

  [`${K}swap`, [['s', 7, 1.25]], [1.25, 7, 's']],
  [`${K}swap`, [['', 0, -0]], [-0, 0, '']],
  [`${K}swap`, [['✓ yes', 4294967295, NaN]], [NaN, 4294967295, '✓ yes']],
  [`${K}swap`, [['x', 1, Number.MIN_VALUE]], [Number.MIN_VALUE, 1, 'x']],

  [`${K}rotate-mixed`, [{ tag: 'none' }], { tag: 'none' }],
  [`${K}rotate-mixed`, [{ tag: 'small', val: 3 }], { tag: 'big', val: 12884901888n }],
  [`${K}rotate-mixed`, [{ tag: 'small', val: -2147483648 }], { tag: 'big', val: -9223372036854775808n }],
  [`${K}rotate-mixed`, [{ tag: 'small', val: 2147483647 }], { tag: 'big', val: 9223372032559808512n }],
  [`${K}rotate-mixed`, [{ tag: 'big', val: 0n }], { tag: 'text', val: '0' }],
  [`${K}rotate-mixed`, [{ tag: 'big', val: -9223372036854775808n }], { tag: 'text', val: '-9223372036854775808' }],
  [`${K}rotate-mixed`, [{ tag: 'big', val: 9223372036854775807n }], { tag: 'text', val: '9223372036854775807' }],
  [`${K}rotate-mixed`, [{ tag: 'text', val: '' }], { tag: 'pair', val: [0, 0.5] }],
  [`${K}rotate-mixed`, [{ tag: 'text', val: 'héllo ✓' }], { tag: 'pair', val: [10, 7.5] }],
  [`${K}rotate-mixed`, [{ tag: 'text', val: 'é'.repeat(200) }], { tag: 'pair', val: [144, 200.5] }],
  [`${K}rotate-mixed`, [{ tag: 'pair', val: [3, 1.5] }], { tag: 'real', val: 4.5 }],
  [`${K}rotate-mixed`, [{ tag: 'pair', val: [255, -0.1] }], { tag: 'real', val: fr(254.9) }],
  [`${K}rotate-mixed`, [{ tag: 'pair', val: [0, 1e300] }], { tag: 'real', val: Infinity }],
  [`${K}rotate-mixed`, [{ tag: 'real', val: -3.75 }], { tag: 'small', val: -3 }],
  [`${K}rotate-mixed`, [{ tag: 'real', val: fr(1e10) }], { tag: 'small', val: 2147483647 }],
  [`${K}rotate-mixed`, [{ tag: 'real', val: -Infinity }], { tag: 'small', val: -2147483648 }],
  [`${K}rotate-mixed`, [{ tag: 'real', val: NaN }], { tag: 'small', val: 0 }],

  [`${K}next-color`, ['red'], 'green'], [`${K}next-color`, ['green'], 'blue'],
  [`${K}next-color`, ['blue'], 'ultra-violet'], [`${K}next-color`, ['ultra-violet'], 'red'],

  [`${K}toggle-perms`, [noPerms], allPerms], [`${K}toggle-perms`, [allPerms], noPerms],
  [`${K}toggle-perms`, [{ read: true, write: false, exec: true }], { read: false, write: true, exec: false }],
  [`${K}toggle-perms`, [{ write: true }], { read: true, write: false, exec: true }],
  [`${K}toggle-medium`, [mediumOf()], mediumOf(...medium.names)],
  [`${K}toggle-medium`, [mediumOf(...medium.names)], mediumOf()],
  [`${K}toggle-medium`, [mediumOf('b0', 'b7', 'b8', 'b11')],
    mediumOf('b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b9', 'b10')],
  [`${K}toggle-many`, [manyOf()], manyOf(...allMany)],
  [`${K}toggle-many`, [manyOf(...allMany)], manyOf()],
  [`${K}toggle-many`, [manyOf('x0', 'x31')], manyOf(...allMany.filter((n) => n !== 'x0' && n !== 'x31'))],
  [`${K}toggle-many`, [manyOf(...allMany.filter((_, i) => i % 2 === 0))], manyOf(...allMany.filter((_, i) => i % 2 === 1))],

  [`${K}double-opt`, [undefined], undefined], [`${K}double-opt`, [0], 0], [`${K}double-opt`, [21], 42],
  [`${K}double-opt`, [2147483648], 0], [`${K}double-opt`, [4294967295], 4294967294],

  [`${K}nested-opt`, [{ tag: 'none' }], { tag: 'some', val: undefined }],
  [`${K}nested-opt`, [{ tag: 'some', val: undefined }], { tag: 'none' }],
  [`${K}nested-opt`, [{ tag: 'some', val: '' }], { tag: 'some', val: '' }],
  [`${K}nested-opt`, [{ tag: 'some', val: 'abc' }], { tag: 'some', val: 'ABC' }],
  [`${K}nested-opt`, [{ tag: 'some', val: 'héllo ✓' }], { tag: 'some', val: 'HéLLO ✓' }],

  [`${K}checked-div`, [7, 2], ok(3)], [`${K}checked-div`, [-7, 2], ok(-3)], [`${K}checked-div`, [7, -2], ok(-3)],
  [`${K}checked-div`, [0, 5], ok(0)], [`${K}checked-div`, [1, 0], err('division by zero')],
  [`${K}checked-div`, [-2147483648, -1], err('overflow')], [`${K}checked-div`, [-2147483648, 1], ok(-2147483648)],
  [`${K}checked-div`, [2147483647, -1], ok(-2147483647)],

  [`${K}require-text`, ['x'], ok()], [`${K}require-text`, [' '], ok()], [`${K}require-text`, ['😀'], ok()],
  [`${K}require-text`, [''], err('empty')],

  [`${K}parity`, [0], ok()], [`${K}parity`, [1], err()], [`${K}parity`, [4294967294], ok()],
  [`${K}parity`, [4294967295], err()],

  [`${K}parse-color`, ['red'], ok('red')], [`${K}parse-color`, ['ultra-violet'], ok('ultra-violet')],
  [`${K}parse-color`, ['blue'], ok('blue')], [`${K}parse-color`, [''], err({ tag: 'empty' })],
  [`${K}parse-color`, ['Red'], err({ tag: 'unknown', val: 'Red' })],
  [`${K}parse-color`, ['grün'], err({ tag: 'unknown', val: 'grün' })],

  [`${K}halve-all`, [new Uint32Array([])], []],
  [`${K}halve-all`, [new Uint32Array([4, 7])], [ok(2), err('odd: 7')]],
  [`${K}halve-all`, [new Uint32Array([0, 1, 4294967295, 4294967294])],
    [ok(0), err('odd: 1'), err('odd: 4294967295'), ok(2147483647)]],

  [`${K}first-ok`, [[]], undefined], [`${K}first-ok`, [[err('a'), err('')]], undefined],
  [`${K}first-ok`, [[err('x'), ok(3), ok(4)]], 3], [`${K}first-ok`, [[ok(0)]], 0],
  [`${K}first-ok`, [[err('é'), ok(4294967295)]], 4294967295],

  [`${K}spill`,
    [1, -2, 3, -4, 5, -6, 7n, -8n, 9.5, 10.25, '€', true, 'm', bytes(1, 2), undefined, 'blue', { exec: true }],
    { a: 1, b: -2, c: 3, d: -4, e: 5, f: -6, g: 7n, h: -8n, i: 9.5, j: 10.25, k: '€', l: true, m: 'm',
      n: bytes(1, 2), o: undefined, p: 'blue', q: { read: false, write: false, exec: true } }],
  [`${K}spill`,
    [255, -128, 65535, -32768, 4294967295, -2147483648, 18446744073709551615n, -9223372036854775808n,
      -0, NaN, '\u{10ffff}', false, '', bytes(), 4294967295, 'ultra-violet', allPerms],
    { a: 255, b: -128, c: 65535, d: -32768, e: 4294967295, f: -2147483648, g: 18446744073709551615n,
      h: -9223372036854775808n, i: -0, j: NaN, k: '\u{10ffff}', l: false, m: '', n: bytes(), o: 4294967295,
      p: 'ultra-violet', q: allPerms }],
  [`${K}spill`,
    [0, 0, 0, 0, 0, 0, 0n, 0n, Infinity, -Infinity, '\0', true, 'héllo ✓', bytes(0, 255), 0, 'red', noPerms],
    { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0n, h: 0n, i: Infinity, j: -Infinity, k: '\0', l: true,
      m: 'héllo ✓', n: bytes(0, 255), o: 0, p: 'red', q: noPerms }],

  [`${K}sink`, [''], undefined], [`${K}sink`, ['anything ✓'], undefined],

  ['describe', [], 'weft kitchen 0.1.0'],
];

// ---- Run, check, record ----

const here = new URL('.', import.meta.url);
const component = await loadComponent(fileURLToPath(new URL('kitchen.wasm', here)));

function call(name, args) {
  const [iface, fn] = name.includes('#') ? [component.kinds, name.split('#')[1]] : [component, name];
  const [, resultType] = signatures[name];
  const f = iface[camel(fn)];
  if (resultType?.kind !== 'result') return f(...args);
  // jco returns a top-level result's ok value and throws a ComponentError carrying the err value.
  try {
    return { tag: 'ok', val: f(...args) };
  } catch (e) {
    if (!('payload' in e)) throw e;
    return { tag: 'err', val: e.payload };
  }
}

const lines = [];
let failures = 0;
const covered = new Set();
for (const [name, args, expected] of cases) {
  const [paramTypes, resultType] = signatures[name];
  if (args.length !== paramTypes.length) throw new Error(`${name}: wrong argument count`);
  const actual = call(name, args);
  const show = (v) => (resultType === undefined ? (v === undefined ? 'null' : 'not nothing') : toJson(resultType, v));
  const [got, want] = [show(actual), show(expected)];
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
const text = `[\n${lines.join(',\n')}\n]\n`;
JSON.parse(text); // well-formed JSON

const vectorsUrl = new URL('vectors.json', here);
if (process.argv.includes('--check')) {
  const recorded = await readFile(vectorsUrl, 'utf8').catch(() => '');
  if (recorded !== text) {
    failures++;
    console.error('FAIL vectors.json is not what record-vectors.mjs produces: rerun it without --check');
  }
} else if (failures === 0) {
  await writeFile(vectorsUrl, text);
}
console.log(`kitchen: ${cases.length - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
