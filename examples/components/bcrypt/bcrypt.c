/*
 * The "bcrypt" guest component: OpenBSD's bcrypt password hash ($2b$; $2a$ and $2y$ accepted for
 * verification), written by hand in freestanding C (no libc, no WASI, no wit-bindgen). See
 * wit/bcrypt.wit.
 *
 * bcrypt (Provos and Mazieres, "A Future-Adaptable Password Scheme", 1999):
 *   state = Blowfish's initial state (the hex digits of pi, pi_tables.h, made by gen-pi.py)
 *   ExpandKey(state, salt, key)
 *   repeat 2^cost times: ExpandKey(state, 0, key); ExpandKey(state, 0, salt)
 *   encrypt "OrpheanBeholderScryDoubt" (three 64-bit blocks, ECB) 64 times
 *   output: "$2b$" cost "$" radix-64(salt, 16 bytes) radix-64(ciphertext, first 23 bytes)
 * The key is the password's bytes plus a terminating zero byte, used cyclically for 72 bytes, so a
 * password longer than 72 bytes is truncated to its first 72 (bytes after a zero byte still count:
 * WIT strings may hold U+0000, and this treats them as data, as bcryptjs and jBCrypt do).
 *
 * Canonical ABI shapes (component-model design/mvp/CanonicalABI.md):
 *  - hash(password: string, cost: u32, salt: list<u8>) -> result<string, string>: flat params
 *    (ptr, len, cost, salt_ptr, salt_len); return area {u8 tag; at 4: {ptr, len}}.
 *  - verify(password: string, hash: string) -> result<bool, string>: flat params (ptr, len, ptr, len);
 *    return area {u8 tag; at 4: u8 ok | {ptr, len} err}.
 */

#include <stddef.h>
#include <stdint.h>

#include "bump.h"
#include "pi_tables.h"

#define EXPORT(name) __attribute__((export_name("cm32p2|weft:examples/hasher@0.1|" name)))

__attribute__((export_name("cm32p2_realloc")))
void *bcrypt_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    return bump_realloc(old_ptr, old_size, align, new_size);
}

typedef struct { const uint8_t *ptr; uint32_t len; } wstr;

static wstr make_str(const char *s) {
    uint32_t n = 0;
    while (s[n] != 0) n++;
    return (wstr){(const uint8_t *)s, n};
}

/* ---- Blowfish ----
 * The state lives at fixed addresses, so every S-box lookup is one load from a constant base. */

static uint32_t P[18];
static uint32_t S[1024]; /* S[0..255] is the first S-box, S[256..511] the second, ... */

/* Hides a value from the optimizer, so that an S-box address stays `(byte << 2) + base` in the Wasm.
 * Left alone, LLVM folds the shift into the byte extraction (`(x >> 22) & 0x3FC` instead of
 * `(x >> 24) << 2`), and then a JVM JIT cannot see that the address is a word index times 4: it has to
 * divide the address by 4 again before the load, two more operations on the path every round waits
 * for. In the `(byte << 2) + base` shape, HotSpot's C2 turns `address >>> 2` (Weft's word-array memory)
 * back into `byte + base / 4` and folds both into the load's addressing mode, as native code does. */
static inline uint32_t opaque(uint32_t v) {
    __asm__("" : "+r"(v));
    return v;
}

#define F(x)                                                                                  \
    (((S[opaque((x) >> 24)] + S[256 + opaque(((x) >> 16) & 0xFF)]) ^ S[512 + opaque(((x) >> 8) & 0xFF)]) + \
     S[768 + opaque((x) & 0xFF)])

/* Encrypts the block (*lp, *rp) in place: 16 Feistel rounds, two per loop iteration. Not unrolled
 * further: see "Function sizes" in README.md. */
static inline void bf_encrypt(uint32_t *lp, uint32_t *rp) {
    uint32_t l = *lp ^ P[0], r = *rp;
    for (int k = 1; k < 17; k += 2) {
        r ^= F(l) ^ P[k];
        l ^= F(r) ^ P[k + 1];
    }
    *lp = r ^ P[17];
    *rp = l;
}

/* Helpers stay separate, small functions: a runtime that compiles each Wasm function to one JVM
 * method (Chicory/Endive) inlines a method's memory accesses only up to a budget, and V8 tiers up a
 * small hot function after a few calls instead of running one long call in its baseline compiler. */
#define NOINLINE __attribute__((noinline))

/* One block: returns l << 32 | r. */
static NOINLINE uint64_t bf_block(uint32_t l, uint32_t r) {
    bf_encrypt(&l, &r);
    return ((uint64_t)l << 32) | r;
}

/* ExpandKey(state, 0, key), first half: XOR the key into P, then re-encrypt P with itself. */
static NOINLINE void expand_key_p(const uint32_t *key) {
    for (int i = 0; i < 18; i++) P[i] ^= key[i];
    uint32_t l = 0, r = 0;
    for (int i = 0; i < 18; i += 2) {
        uint64_t lr = bf_block(l, r);
        P[i] = l = (uint32_t)(lr >> 32);
        P[i + 1] = r = (uint32_t)lr;
    }
}

/* ExpandKey(state, 0, key), second half: refill the S-boxes, carrying on from the last P block.
 * This is the hot loop: 2^(cost + 1) calls of 512 block encryptions each. P is read from memory
 * (L1-resident, off the rounds' critical path): a local copy makes 18 values live across the loop,
 * more than a JIT's register allocator keeps in registers, and the round values then get spilled. */
static NOINLINE void expand_key_s(void) {
    uint32_t l = P[16], r = P[17];
    for (int i = 0; i < 1024; i += 2) {
        bf_encrypt(&l, &r);
        S[i] = l;
        S[i + 1] = r;
    }
}

/* ExpandKey(state, 0, key). Two functions rather than one, so that the hot loop has a function of
 * its own, with nothing before it. */
static void expand_key(const uint32_t *key) {
    expand_key_p(key);
    expand_key_s();
}

/* ExpandKey(state, salt, key): as above, but each block is XORed with the next 64 salt bits first.
 * Runs once per hash, so it simply calls bf_block. */
static NOINLINE void expand_key_salted(const uint32_t *key, const uint32_t *salt) {
    for (int i = 0; i < 18; i++) P[i] ^= key[i];
    uint32_t l = 0, r = 0;
    for (int i = 0, j = 0; i < 18 + 1024; i += 2, j ^= 2) {
        uint64_t lr = bf_block(l ^ salt[j], r ^ salt[j + 1]);
        l = (uint32_t)(lr >> 32);
        r = (uint32_t)lr;
        uint32_t *dst = i < 18 ? P + i : S + (i - 18);
        dst[0] = l;
        dst[1] = r;
    }
}

/* ---- bcrypt ---- */

static const char B64[65] = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* bcrypt's radix-64: like base64 (3 bytes -> 4 characters, most significant bits first) but with
 * its own alphabet and no padding. */
static uint32_t b64_encode(const uint8_t *in, uint32_t n, uint8_t *out) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i += 3) {
        uint32_t b0 = in[i], b1 = i + 1 < n ? in[i + 1] : 0, b2 = i + 2 < n ? in[i + 2] : 0;
        out[k++] = (uint8_t)B64[b0 >> 2];
        out[k++] = (uint8_t)B64[((b0 & 3) << 4) | (b1 >> 4)];
        if (i + 1 < n) out[k++] = (uint8_t)B64[((b1 & 15) << 2) | (b2 >> 6)];
        if (i + 2 < n) out[k++] = (uint8_t)B64[b2 & 63];
    }
    return k;
}

static int b64_value(uint8_t c) {
    if (c == '.') return 0;
    if (c == '/') return 1;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 2;
    if (c >= 'a' && c <= 'z') return c - 'a' + 28;
    if (c >= '0' && c <= '9') return c - '0' + 54;
    return -1;
}

/* Decodes 22 characters into the 16-byte salt (the last character's low 4 bits are unused).
 * Returns 0 on a character outside the alphabet. */
static int decode_salt(const uint8_t *in, uint8_t *out) {
    int v[24];
    for (int i = 0; i < 22; i++) {
        v[i] = b64_value(in[i]);
        if (v[i] < 0) return 0;
    }
    v[22] = v[23] = 0;
    for (int g = 0, k = 0; g < 6; g++) {
        const int *c = v + 4 * g;
        uint32_t bits = ((uint32_t)c[0] << 18) | ((uint32_t)c[1] << 12) | ((uint32_t)c[2] << 6) | (uint32_t)c[3];
        out[k++] = (uint8_t)(bits >> 16);
        if (k == 16) break;
        out[k++] = (uint8_t)(bits >> 8);
        out[k++] = (uint8_t)bits;
    }
    return 1;
}

static uint32_t be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Computes the 60-character hash "$2<minor>$<cost>$<salt><hash>" into out. */
static NOINLINE void bcrypt_raw(const uint8_t *pw, uint32_t pw_len, uint32_t cost, const uint8_t salt[16], uint8_t minor,
                       uint8_t out[60]) {
    /* Key: the password and a zero byte, repeated to 72 bytes, as 18 big-endian words. */
    uint32_t key[18];
    uint32_t cycle = pw_len + 1;
    for (int i = 0, pos = 0; i < 18; i++) {
        uint32_t w = 0;
        for (int b = 0; b < 4; b++, pos++) {
            uint32_t at = (uint32_t)pos % cycle; /* pos < 72, so the password beyond 72 bytes is unused */
            w = (w << 8) | (at < pw_len ? pw[at] : 0);
        }
        key[i] = w;
    }
    uint32_t salt_words[4], salt_key[18];
    for (int i = 0; i < 4; i++) salt_words[i] = be32(salt + 4 * i);
    for (int i = 0; i < 18; i++) salt_key[i] = salt_words[i % 4];

    for (int i = 0; i < 18; i++) P[i] = PI_P[i];
    for (int i = 0; i < 1024; i++) S[i] = PI_S[i];
    expand_key_salted(key, salt_words);
    uint32_t rounds = 1u << cost;
    for (uint32_t i = 0; i < rounds; i++) {
        expand_key(key);
        expand_key(salt_key);
    }

    static const uint8_t MAGIC[24] = "OrpheanBeholderScryDoubt";
    uint32_t block[6];
    for (int i = 0; i < 6; i++) block[i] = be32(MAGIC + 4 * i);
    for (int n = 0; n < 64; n++) {
        for (int i = 0; i < 6; i += 2) {
            uint64_t lr = bf_block(block[i], block[i + 1]);
            block[i] = (uint32_t)(lr >> 32);
            block[i + 1] = (uint32_t)lr;
        }
    }
    uint8_t ctext[24];
    for (int i = 0; i < 6; i++) {
        ctext[4 * i] = (uint8_t)(block[i] >> 24);
        ctext[4 * i + 1] = (uint8_t)(block[i] >> 16);
        ctext[4 * i + 2] = (uint8_t)(block[i] >> 8);
        ctext[4 * i + 3] = (uint8_t)block[i];
    }

    out[0] = '$';
    out[1] = '2';
    out[2] = minor;
    out[3] = '$';
    out[4] = (uint8_t)('0' + cost / 10);
    out[5] = (uint8_t)('0' + cost % 10);
    out[6] = '$';
    b64_encode(salt, 16, out + 7);    /* 22 characters */
    b64_encode(ctext, 23, out + 29);  /* 31 characters */

    /* Do not leave key material behind in memory. */
    for (int i = 0; i < 18; i++) key[i] = P[i] = 0;
    for (int i = 0; i < 1024; i++) S[i] = 0;
}

/* ---- Exports ---- */

typedef struct { uint8_t is_err; wstr val; } result_str;
_Static_assert(offsetof(result_str, val) == 4 && sizeof(result_str) == 12, "result<string, string> layout");

typedef struct { uint8_t is_err; union { uint8_t ok; wstr err; } u; } result_bool;
_Static_assert(offsetof(result_bool, u) == 4 && sizeof(result_bool) == 12, "result<bool, string> layout");

EXPORT("hash")
result_str *bcrypt_hash(const uint8_t *pw, uint32_t pw_len, uint32_t cost, const uint8_t *salt, uint32_t salt_len) {
    result_str *r = bump_alloc(4, sizeof *r);
    r->is_err = 1;
    if (cost < 4 || cost > 31) {
        r->val = make_str("cost must be between 4 and 31");
    } else if (salt_len != 16) {
        r->val = make_str("salt must be exactly 16 bytes");
    } else {
        uint8_t *out = bump_alloc(1, 60);
        bcrypt_raw(pw, pw_len, cost, salt, 'b', out);
        r->is_err = 0;
        r->val = (wstr){out, 60};
    }
    return r;
}

__attribute__((export_name("cm32p2|weft:examples/hasher@0.1|hash_post"))) void bcrypt_hash_post(void *ret) {
    (void)ret;
    heap_reset();
}

EXPORT("verify")
result_bool *bcrypt_verify(const uint8_t *pw, uint32_t pw_len, const uint8_t *h, uint32_t h_len) {
    result_bool *r = bump_alloc(4, sizeof *r);
    r->is_err = 1;
    uint8_t salt[16];
    uint32_t cost = 0;
    if (h_len != 60 || h[0] != '$' || h[1] != '2' || h[3] != '$' || h[6] != '$') {
        r->u.err = make_str("not a bcrypt hash: expected \"$2b$NN$\" and 53 characters (60 in all)");
        return r;
    }
    if (h[2] != 'a' && h[2] != 'b' && h[2] != 'y') {
        r->u.err = make_str("unsupported bcrypt variant: only $2a$, $2b$ and $2y$ are accepted");
        return r;
    }
    if (h[4] < '0' || h[4] > '9' || h[5] < '0' || h[5] > '9' ||
        (cost = (uint32_t)(h[4] - '0') * 10 + (uint32_t)(h[5] - '0')) < 4 || cost > 31) {
        r->u.err = make_str("invalid bcrypt cost: must be two digits from 04 to 31");
        return r;
    }
    int valid = decode_salt(h + 7, salt);
    for (int i = 29; i < 60; i++) valid &= b64_value(h[i]) >= 0;
    if (!valid) {
        r->u.err = make_str("invalid character in bcrypt salt or hash");
        return r;
    }
    /* Recompute with the same variant letter and compare all 60 characters in constant time (a salt
     * spelled with non-zero unused bits therefore does not verify, as with OpenBSD's checkpass). */
    uint8_t out[60];
    bcrypt_raw(pw, pw_len, cost, salt, h[2], out);
    uint8_t diff = 0;
    for (int i = 0; i < 60; i++) diff |= (uint8_t)(out[i] ^ h[i]);
    r->is_err = 0;
    r->u.ok = diff == 0;
    return r;
}

__attribute__((export_name("cm32p2|weft:examples/hasher@0.1|verify_post"))) void bcrypt_verify_post(void *ret) {
    (void)ret;
    heap_reset();
}
