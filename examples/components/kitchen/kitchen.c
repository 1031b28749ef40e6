/*
 * The "kitchen" guest component: one or more functions per value kind of the
 * Canonical ABI, written by hand in freestanding C (no libc, no WASI, no
 * wit-bindgen). See wit/kitchen.wit for what each function does.
 *
 * How the ABI shows up here (component-model design/mvp/CanonicalABI.md):
 *  - Parameters arrive flattened ("flatten_functype"): a string or list is
 *    (ptr, len); a variant is its discriminant followed by the joined flat
 *    types of its cases; more than MAX_FLAT_PARAMS (16) flat values are
 *    instead stored by the host as a tuple in memory and passed as one pointer.
 *  - A result that flattens to more than MAX_FLAT_RESULTS (1) value is stored
 *    in a "return area" in linear memory, and the core function returns a
 *    pointer to it. The host then calls the post-return function, which here
 *    frees the whole call's memory.
 *  - The memory layouts below are C structs; for these types C's natural
 *    layout is the Canonical ABI's (fields aligned to their size, variant
 *    payloads aligned to the largest case alignment). _Static_asserts pin the
 *    offsets the ABI's "elem_size"/"alignment" give.
 *
 * Core export names follow wit-component's current mangling ("cm32p2|...");
 * the greet component uses the legacy names instead.
 */

#include <stddef.h>
#include <stdint.h>

#include "bump.h"

#define KINDS(name) "cm32p2|weft:examples/kinds@0.1|" name
#define EXPORT(name) __attribute__((export_name(KINDS(name))))
/* A post-return function that frees the call's memory, after the host has read the results. */
#define POST_RETURN(cname, wname)                                          \
    __attribute__((export_name(KINDS(wname) "_post"))) void cname(void *ret) { \
        (void)ret;                                                         \
        heap_reset();                                                      \
    }

__attribute__((export_name("cm32p2_realloc")))
void *kitchen_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    return bump_realloc(old_ptr, old_size, align, new_size);
}

/* ---- Memory layouts ---- */

typedef struct { const unsigned char *ptr; uint32_t len; } wstr;
typedef struct { const void *ptr; uint32_t len; } wlist;
typedef struct { int32_t x, y; } point;
typedef struct { uint8_t is_some; wstr val; } opt_str;
typedef struct { uint8_t is_some; uint32_t val; } opt_u32;
typedef struct {
    wstr name;
    uint8_t age;
    opt_str nick;
    wlist tags; /* of wstr */
    point home;
} person;
typedef struct { uint8_t is_some; person val; } opt_person;

_Static_assert(sizeof(wstr) == 8 && _Alignof(wstr) == 4, "string layout");
_Static_assert(sizeof(opt_str) == 12 && offsetof(opt_str, val) == 4, "option<string> layout");
_Static_assert(offsetof(person, age) == 8 && offsetof(person, nick) == 12 &&
                   offsetof(person, tags) == 24 && offsetof(person, home) == 32 &&
                   sizeof(person) == 40,
               "person layout");
_Static_assert(sizeof(opt_person) == 44 && offsetof(opt_person, val) == 4, "option<person> layout");

static wstr make_str(const char *s) {
    uint32_t n = 0;
    while (s[n] != 0) n++;
    return (wstr){(const unsigned char *)s, n};
}

static float f32_from_bits(uint32_t bits) { return __builtin_bit_cast(float, bits); }
static double f64_from_bits(uint64_t bits) { return __builtin_bit_cast(double, bits); }

static int str_eq(wstr s, const char *lit) {
    wstr l = make_str(lit);
    if (s.len != l.len) return 0;
    for (uint32_t i = 0; i < s.len; i++)
        if (s.ptr[i] != l.ptr[i]) return 0;
    return 1;
}

/* Number of Unicode scalar values; the host guarantees valid UTF-8. */
static uint32_t count_scalars(wstr s) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < s.len; i++)
        if ((s.ptr[i] & 0xC0) != 0x80) n++;
    return n;
}

/* Writes the decimal digits of v (at most 20 plus a sign) and returns the count. */
static uint32_t format_u64(unsigned char *out, uint64_t v) {
    unsigned char tmp[20];
    uint32_t n = 0;
    do {
        tmp[n++] = (unsigned char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (uint32_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

static wstr format_s64(int64_t v) {
    unsigned char *out = bump_alloc(1, 21);
    uint32_t n = 0;
    uint64_t magnitude = (uint64_t)v;
    if (v < 0) {
        out[n++] = '-';
        magnitude = 0 - magnitude; /* also right for INT64_MIN */
    }
    n += format_u64(out + n, magnitude);
    return (wstr){out, n};
}

static wstr concat(const char *prefix, wstr tail) {
    wstr p = make_str(prefix);
    unsigned char *out = bump_alloc(1, p.len + tail.len);
    copy_bytes(out, p.ptr, p.len);
    copy_bytes(out + p.len, tail.ptr, tail.len);
    return (wstr){out, p.len + tail.len};
}

static wstr upper_ascii(wstr s) {
    unsigned char *out = bump_alloc(1, s.len);
    for (uint32_t i = 0; i < s.len; i++) {
        unsigned char c = s.ptr[i];
        out[i] = (c >= 'a' && c <= 'z') ? (unsigned char)(c - 'a' + 'A') : c;
    }
    return (wstr){out, s.len};
}

static void *ret_alloc(size_t align, size_t size) { return bump_alloc(align, size); }

/* ---- Scalars: one flat value in, one out, so no return area and no post-return. ---- */

EXPORT("negate-bool") int32_t negate_bool(int32_t x) { return x == 0; }
EXPORT("inc-u8") int32_t inc_u8(int32_t x) { return (uint8_t)(x + 1); }
EXPORT("inc-u16") int32_t inc_u16(int32_t x) { return (uint16_t)(x + 1); }
EXPORT("inc-u32") uint32_t inc_u32(uint32_t x) { return x + 1; }
EXPORT("inc-u64") uint64_t inc_u64(uint64_t x) { return x + 1; }
/* Signed results must come back sign-extended to i32: convert through the narrow type. */
EXPORT("inc-s8") int32_t inc_s8(int32_t x) { return (int8_t)(uint8_t)((uint32_t)x + 1); }
EXPORT("inc-s16") int32_t inc_s16(int32_t x) { return (int16_t)(uint16_t)((uint32_t)x + 1); }
EXPORT("inc-s32") int32_t inc_s32(int32_t x) { return (int32_t)((uint32_t)x + 1); }
EXPORT("inc-s64") int64_t inc_s64(int64_t x) { return (int64_t)((uint64_t)x + 1); }
EXPORT("negate-f32") float negate_f32(float x) { return -x; }
EXPORT("negate-f64") double negate_f64(double x) { return -x; }

EXPORT("next-char") uint32_t next_char(uint32_t c) {
    if (c == 0x10FFFF) return 0;
    if (c == 0xD7FF) return 0xE000; /* skip the surrogates, which are not scalar values */
    return c + 1;
}

typedef struct {
    uint8_t a; uint16_t b; uint32_t c; uint64_t d;
    int8_t e; int16_t f; int32_t g; int64_t h;
} ints_t;
_Static_assert(offsetof(ints_t, d) == 8 && offsetof(ints_t, e) == 16 && offsetof(ints_t, h) == 24 &&
                   sizeof(ints_t) == 32,
               "tuple<u8, u16, u32, u64, s8, s16, s32, s64> layout");

EXPORT("ints")
ints_t *ints(int32_t a, int32_t b, uint32_t c, uint64_t d, int32_t e, int32_t f, int32_t g, int64_t h) {
    ints_t *r = ret_alloc(8, sizeof *r);
    r->a = (uint8_t)inc_u8(a);
    r->b = (uint16_t)inc_u16(b);
    r->c = inc_u32(c);
    r->d = inc_u64(d);
    r->e = (int8_t)inc_s8(e);
    r->f = (int16_t)inc_s16(f);
    r->g = inc_s32(g);
    r->h = inc_s64(h);
    return r;
}
POST_RETURN(ints_post, "ints")

typedef struct { double a; float b; } floats_t;
_Static_assert(offsetof(floats_t, b) == 8 && sizeof(floats_t) == 16, "tuple<f64, f32> layout");

EXPORT("floats") floats_t *floats(float a, double b) {
    floats_t *r = ret_alloc(8, sizeof *r);
    r->a = b;
    r->b = a;
    return r;
}
POST_RETURN(floats_post, "floats")

/* ---- Strings and lists ---- */

EXPORT("reverse-string") wstr *reverse_string(const unsigned char *ptr, uint32_t len) {
    unsigned char *out = bump_alloc(1, len);
    uint32_t i = 0;
    while (i < len) {
        uint32_t n = 1; /* length of the UTF-8 sequence starting at i */
        while (i + n < len && (ptr[i + n] & 0xC0) == 0x80) n++;
        copy_bytes(out + len - i - n, ptr + i, n);
        i += n;
    }
    wstr *r = ret_alloc(4, sizeof *r);
    *r = (wstr){out, len};
    return r;
}
POST_RETURN(reverse_string_post, "reverse-string")

EXPORT("reverse-bytes") wlist *reverse_bytes(const uint8_t *ptr, uint32_t len) {
    uint8_t *out = bump_alloc(1, len);
    for (uint32_t i = 0; i < len; i++) out[i] = ptr[len - 1 - i];
    wlist *r = ret_alloc(4, sizeof *r);
    *r = (wlist){out, len};
    return r;
}
POST_RETURN(reverse_bytes_post, "reverse-bytes")

/* The result's strings point at the argument's bytes, which live until post-return. */
EXPORT("reverse-strings") wlist *reverse_strings(const wstr *ptr, uint32_t len) {
    wstr *out = bump_alloc(4, (size_t)len * sizeof(wstr));
    for (uint32_t i = 0; i < len; i++) out[i] = ptr[len - 1 - i];
    wlist *r = ret_alloc(4, sizeof *r);
    *r = (wlist){out, len};
    return r;
}
POST_RETURN(reverse_strings_post, "reverse-strings")

EXPORT("scale") wlist *scale(const double *ptr, uint32_t len, double k) {
    double *out = bump_alloc(8, (size_t)len * sizeof(double));
    for (uint32_t i = 0; i < len; i++) out[i] = ptr[i] * k;
    wlist *r = ret_alloc(4, sizeof *r);
    *r = (wlist){out, len};
    return r;
}
POST_RETURN(scale_post, "scale")

EXPORT("sum-u64") uint64_t sum_u64(const uint64_t *ptr, uint32_t len) {
    uint64_t sum = 0;
    for (uint32_t i = 0; i < len; i++) sum += ptr[i];
    heap_reset(); /* the argument is dead and the result is not in memory */
    return sum;
}

EXPORT("flatten") wlist *flatten(const wlist *ptr, uint32_t len) {
    uint32_t total = 0;
    for (uint32_t i = 0; i < len; i++) total += ptr[i].len;
    uint32_t *out = bump_alloc(4, (size_t)total * sizeof(uint32_t));
    uint32_t n = 0;
    for (uint32_t i = 0; i < len; i++) {
        const uint32_t *inner = ptr[i].ptr;
        for (uint32_t j = 0; j < ptr[i].len; j++) out[n++] = inner[j];
    }
    wlist *r = ret_alloc(4, sizeof *r);
    *r = (wlist){out, total};
    return r;
}
POST_RETURN(flatten_post, "flatten")

/* ---- Records and tuples ---- */

EXPORT("move-points") wlist *move_points(const point *ptr, uint32_t len, int32_t dx, int32_t dy) {
    point *out = bump_alloc(4, (size_t)len * sizeof(point));
    for (uint32_t i = 0; i < len; i++) {
        out[i].x = (int32_t)((uint32_t)ptr[i].x + (uint32_t)dx);
        out[i].y = (int32_t)((uint32_t)ptr[i].y + (uint32_t)dy);
    }
    wlist *r = ret_alloc(4, sizeof *r);
    *r = (wlist){out, len};
    return r;
}
POST_RETURN(move_points_post, "move-points")

/* person flattens to 10 values: name (2), age, nick (3), tags (2), home (2). */
EXPORT("birthday")
person *birthday(const unsigned char *name_ptr, uint32_t name_len, int32_t age, int32_t nick_is_some,
                 const unsigned char *nick_ptr, uint32_t nick_len, const wstr *tags_ptr,
                 uint32_t tags_len, int32_t home_x, int32_t home_y) {
    wstr *tags = bump_alloc(4, ((size_t)tags_len + 1) * sizeof(wstr));
    copy_bytes(tags, tags_ptr, (size_t)tags_len * sizeof(wstr));
    tags[tags_len] = make_str("birthday");
    person *r = ret_alloc(4, sizeof *r);
    r->name = (wstr){name_ptr, name_len};
    r->age = (uint8_t)(age + 1);
    r->nick.is_some = (uint8_t)nick_is_some;
    r->nick.val = nick_is_some ? (wstr){nick_ptr, nick_len} : (wstr){0, 0};
    r->tags = (wlist){tags, tags_len + 1};
    r->home = (point){(int32_t)((uint32_t)home_x + 1), home_y};
    return r;
}
POST_RETURN(birthday_post, "birthday")

EXPORT("oldest") opt_person *oldest(const person *ptr, uint32_t len) {
    opt_person *r = ret_alloc(4, sizeof *r);
    r->is_some = 0;
    for (uint32_t i = 0; i < len; i++) {
        if (!r->is_some || ptr[i].age > r->val.age) {
            r->is_some = 1;
            r->val = ptr[i];
        }
    }
    return r;
}
POST_RETURN(oldest_post, "oldest")

typedef struct { double a; uint32_t b; wstr c; } swapped;
_Static_assert(offsetof(swapped, b) == 8 && offsetof(swapped, c) == 12 && sizeof(swapped) == 24,
               "tuple<f64, u32, string> layout");

EXPORT("swap") swapped *swap(const unsigned char *s_ptr, uint32_t s_len, uint32_t n, double d) {
    swapped *r = ret_alloc(8, sizeof *r);
    *r = (swapped){d, n, (wstr){s_ptr, s_len}};
    return r;
}
POST_RETURN(swap_post, "swap")

/* ---- Variants, enums and flags ---- */

enum { MIXED_NONE, MIXED_SMALL, MIXED_REAL, MIXED_BIG, MIXED_TEXT, MIXED_PAIR };
typedef struct {
    uint8_t tag;
    union {
        int32_t small;
        float real;
        int64_t big;
        wstr text;
        struct { uint8_t a; double d; } pair;
    } u;
} mixed;
_Static_assert(offsetof(mixed, u) == 8 && sizeof(mixed) == 24, "variant mixed layout");

static int32_t saturate_f32_to_s32(float f) {
    if (f != f) return 0;
    if (f >= 2147483648.0f) return INT32_MAX;
    if (f < -2147483648.0f) return INT32_MIN;
    return (int32_t)f;
}

/*
 * mixed flattens to [i32, i64, i64]: the payloads' flat types are joined
 * position by position (i32 with f32 -> i32, i32 with i64 -> i64, i32 with
 * f64 -> i64), and each case reads its values back by wrapping/bit-casting.
 */
EXPORT("rotate-mixed") mixed *rotate_mixed(int32_t tag, int64_t p0, int64_t p1) {
    mixed *r = ret_alloc(8, sizeof *r);
    switch (tag) {
    case MIXED_SMALL:
        r->tag = MIXED_BIG;
        r->u.big = (int64_t)(int32_t)p0 * ((int64_t)1 << 32);
        break;
    case MIXED_REAL:
        r->tag = MIXED_SMALL;
        r->u.small = saturate_f32_to_s32(f32_from_bits((uint32_t)p0));
        break;
    case MIXED_BIG:
        r->tag = MIXED_TEXT;
        r->u.text = format_s64(p0);
        break;
    case MIXED_TEXT: {
        wstr s = {(const unsigned char *)(uintptr_t)(uint32_t)p0, (uint32_t)p1};
        r->tag = MIXED_PAIR;
        r->u.pair.a = (uint8_t)s.len;
        r->u.pair.d = (double)count_scalars(s) + 0.5;
        break;
    }
    case MIXED_PAIR:
        r->tag = MIXED_REAL;
        r->u.real = (float)(f64_from_bits((uint64_t)p1) + (double)(uint8_t)p0);
        break;
    default:
        r->tag = MIXED_NONE;
        break;
    }
    return r;
}
POST_RETURN(rotate_mixed_post, "rotate-mixed")

EXPORT("next-color") int32_t next_color(int32_t c) { return (c + 1) % 4; }
EXPORT("toggle-perms") int32_t toggle_perms(int32_t p) { return ~p & 0x7; }
EXPORT("toggle-medium") int32_t toggle_medium(int32_t f) { return ~f & 0xFFF; }
EXPORT("toggle-many") uint32_t toggle_many(uint32_t f) { return ~f; }

/* ---- Options and results ---- */

EXPORT("double-opt") opt_u32 *double_opt(int32_t is_some, uint32_t val) {
    opt_u32 *r = ret_alloc(4, sizeof *r);
    r->is_some = (uint8_t)is_some;
    r->val = is_some ? val * 2 : 0;
    return r;
}
POST_RETURN(double_opt_post, "double-opt")

typedef struct { uint8_t is_some; opt_str val; } opt_opt_str;
_Static_assert(offsetof(opt_opt_str, val) == 4 && sizeof(opt_opt_str) == 16,
               "option<option<string>> layout");

EXPORT("nested-opt")
opt_opt_str *nested_opt(int32_t outer, int32_t inner, const unsigned char *ptr, uint32_t len) {
    opt_opt_str *r = ret_alloc(4, sizeof *r);
    *r = (opt_opt_str){0};
    if (!outer) {
        r->is_some = 1; /* some(none) */
    } else if (inner) {
        r->is_some = 1;
        r->val.is_some = 1;
        r->val.val = upper_ascii((wstr){ptr, len});
    } /* some(none) -> none */
    return r;
}
POST_RETURN(nested_opt_post, "nested-opt")

typedef struct { uint8_t is_err; union { int32_t ok; wstr err; } u; } result_s32_str;
_Static_assert(offsetof(result_s32_str, u) == 4 && sizeof(result_s32_str) == 12,
               "result<s32, string> layout");

EXPORT("checked-div") result_s32_str *checked_div(int32_t a, int32_t b) {
    result_s32_str *r = ret_alloc(4, sizeof *r);
    if (b == 0) {
        r->is_err = 1;
        r->u.err = make_str("division by zero");
    } else if (a == INT32_MIN && b == -1) {
        r->is_err = 1;
        r->u.err = make_str("overflow");
    } else {
        r->is_err = 0;
        r->u.ok = a / b;
    }
    return r;
}
POST_RETURN(checked_div_post, "checked-div")

typedef struct { uint8_t is_err; wstr err; } result_unit_str;
_Static_assert(offsetof(result_unit_str, err) == 4 && sizeof(result_unit_str) == 12,
               "result<_, string> layout");

EXPORT("require-text") result_unit_str *require_text(const unsigned char *ptr, uint32_t len) {
    (void)ptr;
    result_unit_str *r = ret_alloc(4, sizeof *r);
    *r = (result_unit_str){0};
    if (len == 0) {
        r->is_err = 1;
        r->err = make_str("empty");
    }
    return r;
}
POST_RETURN(require_text_post, "require-text")

/* `result` with no payloads flattens to a single i32 discriminant: 0 = ok, 1 = err. */
EXPORT("parity") int32_t parity(uint32_t n) { return (int32_t)(n & 1); }

typedef struct { uint8_t tag; wstr unknown; } parse_error;
typedef struct { uint8_t is_err; union { uint8_t ok; parse_error err; } u; } parse_result;
_Static_assert(sizeof(parse_error) == 12 && offsetof(parse_result, u) == 4 &&
                   sizeof(parse_result) == 16,
               "result<color, parse-error> layout");

EXPORT("parse-color") parse_result *parse_color(const unsigned char *ptr, uint32_t len) {
    static const char *const names[] = {"red", "green", "blue", "ultra-violet"};
    wstr s = {ptr, len};
    parse_result *r = ret_alloc(4, sizeof *r);
    *r = (parse_result){0};
    for (uint8_t i = 0; i < 4; i++) {
        if (str_eq(s, names[i])) {
            r->u.ok = i;
            return r;
        }
    }
    r->is_err = 1;
    if (len == 0) {
        r->u.err.tag = 0; /* empty */
    } else {
        r->u.err.tag = 1; /* unknown(s) */
        r->u.err.unknown = s;
    }
    return r;
}
POST_RETURN(parse_color_post, "parse-color")

typedef struct { uint8_t is_err; union { uint32_t ok; wstr err; } u; } result_u32_str;
_Static_assert(sizeof(result_u32_str) == 12, "result<u32, string> layout");

EXPORT("halve-all") wlist *halve_all(const uint32_t *ptr, uint32_t len) {
    result_u32_str *out = bump_alloc(4, (size_t)len * sizeof(result_u32_str));
    for (uint32_t i = 0; i < len; i++) {
        if (ptr[i] % 2 == 0) {
            out[i].is_err = 0;
            out[i].u.ok = ptr[i] / 2;
        } else {
            out[i].is_err = 1;
            out[i].u.err = concat("odd: ", format_s64(ptr[i]));
        }
    }
    wlist *r = ret_alloc(4, sizeof *r);
    *r = (wlist){out, len};
    return r;
}
POST_RETURN(halve_all_post, "halve-all")

EXPORT("first-ok") opt_u32 *first_ok(const result_u32_str *ptr, uint32_t len) {
    opt_u32 *r = ret_alloc(4, sizeof *r);
    *r = (opt_u32){0};
    for (uint32_t i = 0; i < len; i++) {
        if (!ptr[i].is_err) {
            r->is_some = 1;
            r->val = ptr[i].u.ok;
            break;
        }
    }
    return r;
}
POST_RETURN(first_ok_post, "first-ok")

/* ---- Calling convention corners ---- */

/* The parameters of `spill` as the host stores them (a tuple), which is also the layout of the
 * `spilled` record it returns. */
typedef struct {
    uint8_t a; int8_t b; uint16_t c; int16_t d; uint32_t e; int32_t f; uint64_t g; int64_t h;
    float i; double j; uint32_t k; uint8_t l; wstr m; wlist n; opt_u32 o; uint8_t p; uint8_t q;
} spilled;
_Static_assert(offsetof(spilled, g) == 16 && offsetof(spilled, i) == 32 && offsetof(spilled, j) == 40 &&
                   offsetof(spilled, k) == 48 && offsetof(spilled, l) == 52 &&
                   offsetof(spilled, m) == 56 && offsetof(spilled, n) == 64 &&
                   offsetof(spilled, o) == 72 && offsetof(spilled, p) == 80 &&
                   offsetof(spilled, q) == 81 && sizeof(spilled) == 88,
               "spilled layout");

/* 20 flat parameters > MAX_FLAT_PARAMS, so the only core parameter is a pointer to them. */
EXPORT("spill") spilled *spill(const spilled *args) {
    spilled *r = ret_alloc(8, sizeof *r);
    *r = *args;
    return r;
}
POST_RETURN(spill_post, "spill")

EXPORT("sink") void sink(const unsigned char *ptr, uint32_t len) {
    (void)ptr;
    (void)len;
    heap_reset();
}

/* ---- The world's own export ---- */

__attribute__((export_name("cm32p2||describe"))) wstr *describe(void) {
    wstr *r = ret_alloc(4, sizeof *r);
    *r = make_str("weft kitchen 0.1.0");
    return r;
}
__attribute__((export_name("cm32p2||describe_post"))) void describe_post(void *ret) {
    (void)ret;
    heap_reset();
}
