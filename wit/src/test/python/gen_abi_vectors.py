#!/usr/bin/env python3
"""Generates differential test vectors for Weft's canonical ABI from the spec's reference.

The reference is design/mvp/canonical-abi/definitions.py of WebAssembly/component-model. It is
not committed here: put a copy somewhere and pass its directory, e.g.

    git --git-dir=<component-model>/.git show HEAD:design/mvp/canonical-abi/definitions.py \
        > "$DIR/definitions.py"        # any scratch folder outside the project
    python3 wit/src/test/python/gen_abi_vectors.py "$DIR" > wit/src/test/resources/abi/vectors.json

Each vector holds a random type, a random value, an encoding, and what the reference computes:
size, alignment, flat types, the memory after `store` and the flat values of `lower_flat`
("lower" vectors); or random flat values and memory bytes with the reference's `lift_flat`
result or trap ("lift" vectors, most of them hostile). AbiVectorsTest replays them in Java.
Deterministic: the same seed gives the same file.
"""
import base64
import json
import math
import random
import struct
import sys

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else '/tmp')
import definitions as d  # noqa: E402

d.DETERMINISTIC_PROFILE = True
SEED = 20261123
rng = random.Random(SEED)
ENCODINGS = ['utf8', 'utf16', 'latin1+utf16']
PRIMS = ['bool', 's8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64', 'f32', 'f64', 'char', 'string']
PRIM_TYPES = {
    'bool': d.BoolType, 's8': d.S8Type, 'u8': d.U8Type, 's16': d.S16Type, 'u16': d.U16Type,
    's32': d.S32Type, 'u32': d.U32Type, 's64': d.S64Type, 'u64': d.U64Type, 'f32': d.F32Type,
    'f64': d.F64Type, 'char': d.CharType, 'string': d.StringType,
}


# ---- types: a JSON form (read by the Java test) and the reference's form ----

def rand_type(depth=0):
    if depth >= 3 or rng.random() < 0.35:
        return {'k': rng.choice(PRIMS)}
    k = rng.choice(['list', 'list', 'fixed', 'record', 'tuple', 'variant', 'enum', 'option',
                    'result', 'flags'])
    if k == 'list':
        return {'k': 'list', 'e': rand_type(depth + 1)}
    if k == 'fixed':
        return {'k': 'fixed', 'e': rand_type(depth + 1), 'n': rng.randint(1, 4)}
    if k == 'record':
        return {'k': 'record', 'fields': [['f%d' % i, rand_type(depth + 1)]
                                          for i in range(rng.randint(1, 4))]}
    if k == 'tuple':
        return {'k': 'tuple', 'types': [rand_type(depth + 1) for _ in range(rng.randint(1, 4))]}
    if k == 'variant':
        return {'k': 'variant', 'cases': [['c%d' % i, rand_type(depth + 1) if rng.random() < 0.7 else None]
                                          for i in range(rng.randint(1, 4))]}
    if k == 'enum':
        n = rng.choice([1, 2, 3, 255, 256, 257, 300])
        return {'k': 'enum', 'names': ['e%d' % i for i in range(n)]}
    if k == 'option':
        return {'k': 'option', 't': rand_type(depth + 1)}
    if k == 'result':
        return {'k': 'result',
                'ok': rand_type(depth + 1) if rng.random() < 0.7 else None,
                'err': rand_type(depth + 1) if rng.random() < 0.7 else None}
    n = rng.choice([1, 3, 8, 9, 16, 17, 31, 32])
    return {'k': 'flags', 'names': ['g%d' % i for i in range(n)]}


def ref_type(t):
    k = t['k']
    if k in PRIM_TYPES:
        return PRIM_TYPES[k]()
    if k == 'list':
        return d.ListType(ref_type(t['e']))
    if k == 'fixed':
        return d.ListType(ref_type(t['e']), t['n'])
    if k == 'record':
        return d.RecordType([d.FieldType(n, ref_type(ft)) for n, ft in t['fields']])
    if k == 'tuple':
        return d.TupleType([ref_type(x) for x in t['types']])
    if k == 'variant':
        return d.VariantType([d.CaseType(n, ref_type(ct) if ct else None) for n, ct in t['cases']])
    if k == 'enum':
        return d.EnumType(t['names'])
    if k == 'option':
        return d.OptionType(ref_type(t['t']))
    if k == 'result':
        return d.ResultType(ref_type(t['ok']) if t['ok'] else None,
                            ref_type(t['err']) if t['err'] else None)
    if k == 'flags':
        return d.FlagsType(t['names'])
    raise ValueError(k)


# ---- values: the reference's form, and Weft's JSON mapping of it ----

def rand_char():
    r = rng.random()
    if r < 0.5:
        return chr(rng.randint(0x20, 0x7e))
    if r < 0.7:
        return chr(rng.randint(0xa0, 0xff))
    if r < 0.9:
        c = rng.randint(0x100, 0xfffd)
        return chr(c) if not 0xd800 <= c <= 0xdfff else 'x'
    return chr(rng.randint(0x10000, 0x10ffff))


def rand_float(bits):
    r = rng.random()
    if r < 0.1:
        return math.nan
    if r < 0.2:
        return rng.choice([math.inf, -math.inf, 0.0, -0.0])
    f = rng.uniform(-1e6, 1e6)
    if bits == 32:
        f = struct.unpack('<f', struct.pack('<f', f))[0]
    return f


def rand_value(t):
    k = t['k']
    if k == 'bool':
        return rng.random() < 0.5
    if k in ('s8', 'u8', 's16', 'u16', 's32', 'u32', 's64', 'u64'):
        bits = int(k[1:])
        if k[0] == 'u':
            return rng.choice([0, (1 << bits) - 1, rng.randrange(1 << bits)])
        return rng.choice([-(1 << (bits - 1)), (1 << (bits - 1)) - 1, rng.randrange(-(1 << (bits - 1)), 1 << (bits - 1))])
    if k == 'f32':
        return rand_float(32)
    if k == 'f64':
        return rand_float(64)
    if k == 'char':
        return rand_char()
    if k == 'string':
        s = ''.join(rand_char() for _ in range(rng.randint(0, 12)))
        return (s, 'utf8', len(s.encode('utf-8')))
    if k == 'list':
        return [rand_value(t['e']) for _ in range(rng.randint(0, 4))]
    if k == 'fixed':
        return [rand_value(t['e']) for _ in range(t['n'])]
    if k == 'record':
        return {n: rand_value(ft) for n, ft in t['fields']}
    if k == 'tuple':
        return {str(i): rand_value(x) for i, x in enumerate(t['types'])}
    if k == 'variant':
        n, ct = rng.choice(t['cases'])
        return {n: rand_value(ct) if ct else None}
    if k == 'enum':
        return {rng.choice(t['names']): None}
    if k == 'option':
        return {'none': None} if rng.random() < 0.3 else {'some': rand_value(t['t'])}
    if k == 'result':
        if rng.random() < 0.5:
            return {'ok': rand_value(t['ok']) if t['ok'] else None}
        return {'error': rand_value(t['err']) if t['err'] else None}
    if k == 'flags':
        return {n: rng.random() < 0.5 for n in t['names']}
    raise ValueError(k)


def json_float(f):
    if math.isnan(f):
        return 'NaN'
    if math.isinf(f):
        return 'Infinity' if f > 0 else '-Infinity'
    return f


def to_json(v, t):
    """Weft's public JSON mapping (ValueJson) of a reference value."""
    k = t['k']
    if k in ('f32', 'f64'):
        return json_float(v)
    if k == 'string':
        return v[0]
    if k in PRIM_TYPES:
        return v
    if k in ('list', 'fixed'):
        return [to_json(x, t['e']) for x in v]
    if k == 'record':
        return {n: to_json(v[n], ft) for n, ft in t['fields']}
    if k == 'tuple':
        return [to_json(v[str(i)], x) for i, x in enumerate(t['types'])]
    if k == 'variant':
        [(n, x)] = v.items()
        ct = dict((a, b) for a, b in t['cases'])[n]
        return {'tag': n, 'val': to_json(x, ct)} if ct else {'tag': n}
    if k == 'enum':
        [n] = v.keys()
        return n
    if k == 'option':
        nested = t['t']['k'] == 'option'
        if 'none' in v:
            return {'tag': 'none'} if nested else None
        inner = to_json(v['some'], t['t'])
        return {'tag': 'some', 'val': inner} if nested else inner
    if k == 'result':
        [(n, x)] = v.items()
        side = t['ok'] if n == 'ok' else t['err']
        tag = 'ok' if n == 'ok' else 'err'
        return {'tag': tag, 'val': to_json(x, side)} if side else {'tag': tag}
    if k == 'flags':
        return [n for n in t['names'] if v[n]]
    raise ValueError(k)


# ---- running the reference ----

class Cx(d.LiftLowerContext):
    """A context whose realloc is a bump allocator starting at 8, like the Java test's."""

    def __init__(self, encoding, size):
        opts = d.LiftLowerOptions(string_encoding=encoding, memory=d.MemInst(bytearray(size), 'i32'))
        super().__init__(opts, None)
        self.top = 8

    def reallocate(self, old, old_size, align, new_size):
        if old != 0 and new_size <= old_size:
            return old
        self.top = d.align_to(self.top, align)
        p = self.top
        self.top += new_size
        if old != 0:
            self.opts.memory.bytes[p:p + old_size] = self.opts.memory.bytes[old:old + old_size]
        return p


def flat_bits(v, ft):
    if ft == 'f32' and isinstance(v, float):
        return struct.unpack('<I', struct.pack('<f', v))[0]
    if ft == 'f64' and isinstance(v, float):
        return struct.unpack('<Q', struct.pack('<d', v))[0]
    return v


def from_bits(b, ft):
    if ft == 'f32':
        return struct.unpack('<f', struct.pack('<I', b))[0]
    if ft == 'f64':
        return struct.unpack('<d', struct.pack('<Q', b))[0]
    return b


def lower_vector(t):
    rt = ref_type(t)
    enc = rng.choice(ENCODINGS)
    v = rand_value(t)
    size = d.elem_size(rt, 'i32')
    align = d.alignment(rt, 'i32')
    flat = d.flatten_type(rt, d.LiftOptions(enc, d.MemInst(bytearray(0), 'i32')))
    cx = Cx(enc, 1 << 16)
    ptr = cx.allocate(align, size)
    d.store(cx, v, rt, ptr)
    stored = bytes(cx.opts.memory.bytes[:cx.top])
    cx2 = Cx(enc, 1 << 16)
    fv = d.lower_flat(cx2, v, rt)
    return {
        'kind': 'lower', 'type': t, 'encoding': enc, 'value': to_json(v, t),
        'size': size, 'align': align, 'flat': flat,
        'ptr': ptr, 'memory': base64.b64encode(stored).decode(),
        'flatValues': [str(flat_bits(x, ft)) for x, ft in zip(fv, flat)],
        'flatMemory': base64.b64encode(bytes(cx2.opts.memory.bytes[:cx2.top])).decode(),
    }


def rand_slot(ft, mem_size):
    r = rng.random()
    if ft in ('i32', 'f32'):
        if r < 0.3:
            return rng.randrange(0, mem_size)
        if r < 0.5:
            return rng.randrange(0, 8)
        if r < 0.6:
            return rng.choice([0xFFFFFFFF, 0x80000000, 0xD800, 0x110000, 0x7FC00001])
        return rng.randrange(1 << 32)
    if r < 0.5:
        return rng.randrange(0, 8)
    return rng.randrange(1 << 64)


def lift_vector(t):
    rt = ref_type(t)
    enc = rng.choice(ENCODINGS)
    mem_size = 256
    flat = d.flatten_type(rt, d.LiftOptions(enc, d.MemInst(bytearray(0), 'i32')))
    slots = [rand_slot(ft, mem_size) for ft in flat]
    cx = Cx(enc, mem_size)
    mem = bytes(rng.randrange(256) if rng.random() < 0.7 else rng.randrange(8) for _ in range(mem_size))
    cx.opts.memory.bytes[:] = mem
    vals = [from_bits(b, ft) for b, ft in zip(slots, flat)]
    out = {'kind': 'lift', 'type': t, 'encoding': enc, 'flat': flat,
           'flatValues': [str(b) for b in slots], 'memory': base64.b64encode(mem).decode()}
    try:
        v = d.lift_flat(cx, d.CoreValueIter(vals), rt)
        out['value'] = to_json(v, t)
        out['trap'] = False
    except d.Trap:
        out['trap'] = True
    return out


def function_vector():
    """A random function: the reference's core signature, and its parameters lowered then lifted."""
    n = rng.randint(0, 20)
    params = [rand_type(2) for _ in range(n)]
    result = rand_type(2) if rng.random() < 0.8 else None
    enc = rng.choice(ENCODINGS)
    ft = d.FuncType([('p%d' % i, ref_type(t)) for i, t in enumerate(params)],
                    [ref_type(result)] if result else [])
    opts = d.CanonicalOptions(string_encoding=enc, memory=d.MemInst(bytearray(0), 'i32'))
    lift_sig = d.flatten_functype(opts, ft, 'lift')
    lower_sig = d.flatten_functype(opts, ft, 'lower')
    values = [rand_value(t) for t in params]
    cx = Cx(enc, 1 << 16)
    flat_types = d.flatten_types(ft.param_types(), cx.opts)
    flat = d.lower_flat_values(cx, d.MAX_FLAT_PARAMS, values, ft.param_types())
    spilled = len(flat_types) > d.MAX_FLAT_PARAMS
    kinds = ['i32'] if spilled else flat_types
    return {
        'kind': 'function', 'params': params, 'result': result, 'encoding': enc,
        'liftSignature': [lift_sig.params, lift_sig.results],
        'lowerSignature': [lower_sig.params, lower_sig.results],
        'values': [to_json(v, t) for v, t in zip(values, params)],
        'flatValues': [str(flat_bits(x, k)) for x, k in zip(flat, kinds)],
        'memory': base64.b64encode(bytes(cx.opts.memory.bytes[:cx.top])).decode(),
    }


def main():
    vectors = []
    functions = 0
    while functions < 150:
        try:
            vectors.append(function_vector())
            functions += 1
        except (AssertionError, d.Trap, RecursionError):
            continue
    lowers = 0
    while lowers < 350:
        t = rand_type()
        try:
            vectors.append(lower_vector(t))
            lowers += 1
        except (AssertionError, d.Trap, RecursionError):
            continue
    lifts = 0
    while lifts < 500:
        t = rand_type()
        try:
            vectors.append(lift_vector(t))
            lifts += 1
        except (AssertionError, RecursionError):
            continue
    json.dump({'seed': SEED, 'vectors': vectors}, sys.stdout, indent=None, separators=(',', ':'))
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
