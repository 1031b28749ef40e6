/*
 * The "primes" guest component: a heavy initialiser and cheap queries. `_initialize` (which
 * wit-component calls once, when the component is instantiated) runs a sieve of Eratosthenes over
 * the odd numbers below LIMIT = 2^24 and counts the primes of every block; the exports then only
 * look things up. Written against the Canonical ABI by hand (no wit-bindgen, no libc, no WASI).
 *
 * Tables (in .bss, so they cost no bytes in the binary, only pages of memory):
 *  - composite: bit i is set when the odd number 2i+1 is not prime (1 counts as not prime);
 *  - before: before[b] is the number of odd primes below 2 * BLOCK_BITS * b.
 *
 * ABI notes (component-model design/mvp/CanonicalABI.md): option<u32> and list<u32> results take
 * two flat values, more than MAX_FLAT_RESULTS (1), so those exports return a pointer to a return
 * area; the factor list lives in the bump heap until cabi_post_factor resets it.
 */

#include <stddef.h>
#include <stdint.h>

#include "bump.h"

#define LIMIT (1u << 24)              /* the tables cover 0 <= n < LIMIT */
#define ODD_BITS (LIMIT / 2)          /* bit i <-> 2i+1 */
#define WORDS (ODD_BITS / 64)
#define BLOCK_WORDS 8u                /* a block: 512 bits, 1,024 numbers */
#define BLOCK_BITS (BLOCK_WORDS * 64)
#define BLOCKS (WORDS / BLOCK_WORDS)
#define LARGEST_U32_PRIME 4294967291u

static uint64_t composite[WORDS];
static uint32_t before[BLOCKS + 1];
static int ready;

static inline int odd_composite(uint32_t i) { return (composite[i >> 6] >> (i & 63)) & 1; }

static void sieve(void) {
    composite[0] |= 1; /* 1 */
    for (uint32_t i = 1;; i++) {
        uint32_t p = 2 * i + 1;
        if ((uint64_t)p * p >= LIMIT) break;
        if (odd_composite(i)) continue;
        /* odd multiples of p from p*p: p*p, p*p + 2p, ...: bit steps of p */
        for (uint32_t j = (p * p) / 2; j < ODD_BITS; j += p) composite[j >> 6] |= (uint64_t)1 << (j & 63);
    }
    uint32_t count = 0;
    for (uint32_t b = 0; b < BLOCKS; b++) {
        before[b] = count;
        for (uint32_t w = 0; w < BLOCK_WORDS; w++)
            count += 64 - (uint32_t)__builtin_popcountll(composite[b * BLOCK_WORDS + w]);
    }
    before[BLOCKS] = count;
}

/* Run by wit-component's glue at instantiation (BuildTargets.md: WASI reactors' `_initialize`). */
__attribute__((export_name("_initialize")))
void _initialize(void) {
    sieve();
    ready = 1;
}

/* Odd primes among the bits [0, m), m <= ODD_BITS. */
static uint32_t odd_primes_below_bit(uint32_t m) {
    uint32_t b = m / BLOCK_BITS;
    uint32_t count = before[b];
    uint32_t w = b * BLOCK_WORDS;
    uint32_t end = m / 64;
    for (; w < end; w++) count += 64 - (uint32_t)__builtin_popcountll(composite[w]);
    uint32_t rest = m & 63;
    if (rest) count += rest - (uint32_t)__builtin_popcountll(composite[w] & (((uint64_t)1 << rest) - 1));
    return count;
}

static uint64_t mul_mod(uint64_t a, uint64_t b, uint64_t m) { return (a * b) % m; } /* a, b < 2^32 */

static uint64_t pow_mod(uint64_t base, uint32_t e, uint32_t m) {
    uint64_t r = 1;
    base %= m;
    while (e) {
        if (e & 1) r = mul_mod(r, base, m);
        base = mul_mod(base, base, m);
        e >>= 1;
    }
    return r;
}

/* Miller-Rabin with bases 2, 7 and 61: exact for every n < 4,759,123,141 (Jaeschke 1993). */
static int miller_rabin(uint32_t n) {
    static const uint32_t bases[] = {2, 7, 61};
    uint32_t d = n - 1;
    int s = 0;
    while ((d & 1) == 0) {
        d >>= 1;
        s++;
    }
    for (int k = 0; k < 3; k++) {
        uint64_t x = pow_mod(bases[k], d, n);
        if (x == 1 || x == n - 1) continue;
        int witness = 1;
        for (int r = 1; r < s && witness; r++) {
            x = mul_mod(x, x, n);
            if (x == n - 1) witness = 0;
        }
        if (witness) return 0;
    }
    return 1;
}

static int prime(uint32_t n) {
    if (!ready) __builtin_trap(); /* initialisation did not run */
    if (n < LIMIT) return n == 2 || ((n & 1) && !odd_composite(n / 2));
    return (n & 1) && miller_rabin(n);
}

__attribute__((export_name("is-prime")))
int is_prime(uint32_t n) { return prime(n); }

/* Return area of an option<u32>: {discriminant (u8, padded), value}. */
static uint32_t option_area[2];

static uint32_t *some(uint32_t v) {
    option_area[0] = 1;
    option_area[1] = v;
    return option_area;
}

static uint32_t *none(void) {
    option_area[0] = 0;
    option_area[1] = 0;
    return option_area;
}

__attribute__((export_name("count-primes")))
uint32_t *count_primes(uint32_t n) {
    if (!ready) __builtin_trap();
    if (n >= LIMIT) return none();
    if (n < 2) return some(0);
    return some(1 + odd_primes_below_bit((n + 1) / 2));
}

__attribute__((export_name("nth-prime")))
uint32_t *nth_prime(uint32_t k) {
    if (!ready) __builtin_trap();
    if (k == 0 || k - 1 > before[BLOCKS]) return none();
    if (k == 1) return some(2);
    uint32_t want = k - 1; /* the want-th odd prime, counting from 1 */
    uint32_t lo = 0, hi = BLOCKS; /* the last block b with before[b] < want */
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (before[mid] < want) lo = mid;
        else hi = mid;
    }
    uint32_t seen = before[lo];
    for (uint32_t i = lo * BLOCK_BITS;; i++) {
        if (!odd_composite(i) && ++seen == want) return some(2 * i + 1);
    }
}

__attribute__((export_name("next-prime")))
uint32_t *next_prime(uint32_t n) {
    if (n > LARGEST_U32_PRIME) return none();
    if (n <= 2) return some(2);
    for (uint32_t m = n | 1;; m += 2) {
        if (prime(m)) return some(m);
    }
}

__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    return bump_realloc(old_ptr, old_size, align, new_size);
}

static uint32_t list_area[2];

__attribute__((export_name("factor")))
uint32_t *factor(uint32_t n) {
    if (!ready) __builtin_trap();
    uint32_t *out = bump_alloc(4, 32 * sizeof(uint32_t)); /* a u32 has at most 32 prime factors */
    uint32_t len = 0;
    if (n >= 2) {
        while ((n & 1) == 0) {
            out[len++] = 2;
            n >>= 1;
        }
        for (uint32_t i = 1; (2 * i + 1) <= n / (2 * i + 1); i++) {
            if (odd_composite(i)) continue;
            uint32_t p = 2 * i + 1;
            while (n % p == 0) {
                out[len++] = p;
                n /= p;
            }
        }
        if (n > 1) out[len++] = n;
    }
    list_area[0] = (uint32_t)(uintptr_t)out;
    list_area[1] = len;
    return list_area;
}

__attribute__((export_name("cabi_post_factor")))
void cabi_post_factor(uint32_t *ret) {
    (void)ret;
    heap_reset();
}
