/*
 * The "qrcode" guest component: a QR code encoder (ISO/IEC 18004, byte mode, versions 1-40, all four
 * error correction levels, all eight masks) and a PNG encoder with its own deflate (LZ77 + Huffman),
 * written by hand in freestanding C (no libc, no WASI, no wit-bindgen). See wit/qrcode.wit.
 *
 * One translation unit on purpose: the bump allocator in bump.h keeps its state in a static variable,
 * so every allocation must come from the same file.
 *
 * Canonical ABI shapes used here (component-model design/mvp/CanonicalABI.md):
 *  - encode(text: string, ecc: ecc) -> result<matrix, string>: flat params (ptr, len, ecc); the result
 *    goes to a return area {u8 tag; at offset 4: ok = {u32 size, ptr, len} | err = {ptr, len}}.
 *  - render(m: matrix, width: u32) -> result<list<u8>, string>: flat params (size, ptr, len, width);
 *    return area {u8 tag; at offset 4: {ptr, len}}.
 *  - Every call's memory (arguments and results) is dropped in the post-return function.
 */

#include <stddef.h>
#include <stdint.h>

#include "bump.h"

/* Big helpers stay separate functions: a runtime that compiles each Wasm function to one JVM method
 * (Chicory) leaves methods over 8000 bytes of bytecode to the interpreter, and V8 tiers up hot small
 * functions sooner than one big one. */
#define NOINLINE __attribute__((noinline))

#define QR_EXPORT(name) __attribute__((export_name("cm32p2|weft:examples/qr@0.1|" name)))
#define PNG_EXPORT(name) __attribute__((export_name("cm32p2|weft:examples/png@0.1|" name)))

__attribute__((export_name("cm32p2_realloc")))
void *qrcode_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    return bump_realloc(old_ptr, old_size, align, new_size);
}

typedef struct { const uint8_t *ptr; uint32_t len; } wstr;

static wstr make_str(const char *s) {
    uint32_t n = 0;
    while (s[n] != 0) n++;
    return (wstr){(const uint8_t *)s, n};
}

/* ======================================================================================
 * QR code encoder
 * ====================================================================================== */

#define QR_MAX_SIZE 177
#define QR_MAX_CODEWORDS 3706 /* total codewords of a version 40 symbol */

/* Error correction codewords per block, by level (L, M, Q, H) and version (index 0 unused).
 * ISO/IEC 18004:2015 Table 9. */
static const uint8_t ECC_PER_BLOCK[4][41] = {
    {0,  7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {0,  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {0,  13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {0,  17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
};

/* Number of error correction blocks, by level and version. ISO/IEC 18004:2015 Table 9. */
static const uint8_t NUM_BLOCKS[4][41] = {
    {0, 1,  1,  1,  1,  1,  2,  2,  2,  2,  4,  4,  4,  4,  4,  6,  6,  6,  6,  7,  8,
     8, 9,  9,  10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {0,  1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,  10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {0,  1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8,  10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {0,  1,  1,  2,  4,  4,  4,  5,  6,  8,  8,  11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
};

/* The two format-information bits of each level, in WIT enum order (low, medium, quartile, high). */
static const uint8_t ECC_FORMAT_BITS[4] = {1, 0, 3, 2};
static const char ECC_NAMES[4][9] = {"low", "medium", "quartile", "high"};

static uint32_t qr_size(int version) { return (uint32_t)(17 + 4 * version); }

static int num_align(int version) { return version == 1 ? 0 : version / 7 + 2; }

/* Modules left for data and error correction once every function pattern is placed. */
static uint32_t raw_data_modules(int version) {
    int32_t size = (int32_t)qr_size(version);
    int32_t n = num_align(version);
    int32_t m = size * size - 3 * 64 /* finders + separators */ - 31 /* format info + dark module */
                - 2 * (size - 16);  /* timing patterns */
    if (n > 0) m -= 25 * (n * n - 3) - 10 * (n - 2); /* alignment patterns, less their overlap with timing */
    if (version >= 7) m -= 36;                         /* two version-information blocks */
    return (uint32_t)m;
}

static uint32_t total_codewords(int version) { return raw_data_modules(version) / 8; }

static uint32_t data_codewords(int version, int ecc) {
    return total_codewords(version) - (uint32_t)ECC_PER_BLOCK[ecc][version] * NUM_BLOCKS[ecc][version];
}

/* Alignment pattern centre coordinates (the same list for rows and columns); returns the count. */
static int align_positions(int version, uint8_t *out) {
    int n = num_align(version);
    if (n == 0) return 0;
    int size = (int)qr_size(version);
    /* Spacing: the distance from the last centre (size - 7) back to 6, split evenly, rounded up to an
     * even number; version 32 is the one exception in the standard's table. */
    int step = version == 32 ? 26 : ((size - 13) + 2 * (n - 1) - 1) / (2 * (n - 1)) * 2;
    out[0] = 6;
    for (int i = n - 1, pos = size - 7; i >= 1; i--, pos -= step) out[i] = (uint8_t)pos;
    return n;
}

/* ---- GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1, and Reed-Solomon ---- */

static uint8_t gf_exp[512];
static uint8_t gf_log[256];
static int gf_ready;

NOINLINE static void gf_init(void) {
    uint32_t x = 1;
    for (int i = 0; i < 255; i++) {
        gf_exp[i] = (uint8_t)x;
        gf_log[x] = (uint8_t)i;
        x <<= 1;
        if (x & 0x100) x ^= 0x11D;
    }
    for (int i = 255; i < 512; i++) gf_exp[i] = gf_exp[i - 255];
    gf_ready = 1;
}

static uint8_t gf_mul(uint8_t a, uint8_t b) {
    if (a == 0 || b == 0) return 0;
    return gf_exp[gf_log[a] + gf_log[b]];
}

/* Generator polynomial prod_{i<degree} (x - a^i), without its leading 1, highest power first. */
NOINLINE static void rs_generator(int degree, uint8_t *gen) {
    for (int i = 0; i < degree; i++) gen[i] = 0;
    gen[degree - 1] = 1; /* the polynomial "1", stored in the last slot */
    uint8_t root = 1;
    for (int i = 0; i < degree; i++) {
        /* multiply by (x + root): shift up by one and add root * old */
        for (int j = 0; j < degree; j++) {
            gen[j] = gf_mul(gen[j], root);
            if (j + 1 < degree) gen[j] ^= gen[j + 1];
        }
        root = gf_mul(root, 2);
    }
}

/* Remainder of data(x) * x^degree divided by the generator: the error correction codewords. */
NOINLINE static void rs_remainder(const uint8_t *data, uint32_t len, const uint8_t *gen_log, const uint8_t *gen,
                         int degree, uint8_t *out) {
    for (int i = 0; i < degree; i++) out[i] = 0;
    for (uint32_t k = 0; k < len; k++) {
        uint8_t factor = data[k] ^ out[0];
        for (int i = 0; i + 1 < degree; i++) out[i] = out[i + 1];
        out[degree - 1] = 0;
        if (factor != 0) {
            uint32_t lf = gf_log[factor];
            for (int i = 0; i < degree; i++)
                if (gen[i] != 0) out[i] ^= gf_exp[lf + gen_log[i]];
        }
    }
}

/* ---- Symbol construction ---- */

static uint8_t qr_mods[QR_MAX_SIZE * QR_MAX_SIZE]; /* unmasked symbol, 0/1 */
static uint8_t qr_func[QR_MAX_SIZE * QR_MAX_SIZE]; /* 1 = function pattern (not data) */
static uint8_t qr_data[QR_MAX_CODEWORDS];
static uint8_t qr_final[QR_MAX_CODEWORDS];

static void set_func(uint32_t size, int x, int y, int dark) {
    qr_mods[(uint32_t)y * size + (uint32_t)x] = (uint8_t)(dark != 0);
    qr_func[(uint32_t)y * size + (uint32_t)x] = 1;
}

/* A finder pattern centred at (cx, cy) with its separator, clipped to the symbol. */
static void draw_finder(uint32_t size, int cx, int cy) {
    for (int dy = -4; dy <= 4; dy++) {
        for (int dx = -4; dx <= 4; dx++) {
            int x = cx + dx, y = cy + dy;
            if (x < 0 || y < 0 || x >= (int)size || y >= (int)size) continue;
            int adx = dx < 0 ? -dx : dx, ady = dy < 0 ? -dy : dy;
            int d = adx > ady ? adx : ady; /* Chebyshev distance: rings 0..4 */
            set_func(size, x, y, d != 2 && d != 4);
        }
    }
}

static void draw_alignment(uint32_t size, int cx, int cy) {
    for (int dy = -2; dy <= 2; dy++) {
        for (int dx = -2; dx <= 2; dx++) {
            int adx = dx < 0 ? -dx : dx, ady = dy < 0 ? -dy : dy;
            int d = adx > ady ? adx : ady;
            set_func(size, cx + dx, cy + dy, d != 1);
        }
    }
}

/* BCH(15,5) format information for a level and mask, already XORed with the mask 0x5412. */
static uint32_t format_bits(int ecc, int mask) {
    uint32_t data = ((uint32_t)ECC_FORMAT_BITS[ecc] << 3) | (uint32_t)mask;
    uint32_t rem = data << 10;
    for (int i = 14; i >= 10; i--)
        if (rem & (1u << i)) rem ^= 0x537u << (i - 10);
    return ((data << 10) | rem) ^ 0x5412u;
}

/* Writes the 15 format bits (both copies) into grid g; bit 14 is the most significant. */
NOINLINE static void draw_format(uint8_t *g, uint32_t size, uint32_t bits) {
    int s = (int)size;
#define PUT(x, y, i) g[(uint32_t)(y) * size + (uint32_t)(x)] = (uint8_t)((bits >> (i)) & 1)
    /* Copy 1, around the top-left finder. */
    for (int i = 0; i <= 5; i++) PUT(8, i, i);
    PUT(8, 7, 6);
    PUT(8, 8, 7);
    PUT(7, 8, 8);
    for (int i = 9; i < 15; i++) PUT(14 - i, 8, i);
    /* Copy 2, split between the top-right and bottom-left finders. */
    for (int i = 0; i < 8; i++) PUT(s - 1 - i, 8, i);
    for (int i = 8; i < 15; i++) PUT(8, s - 15 + i, i);
#undef PUT
}

/* Draws every function pattern of a version and marks the reserved areas (format, version). */
NOINLINE static void draw_function_patterns(int version) {
    uint32_t size = qr_size(version);
    int s = (int)size;
    for (uint32_t i = 0; i < size * size; i++) qr_mods[i] = qr_func[i] = 0;
    /* Timing patterns (drawn first; finders and alignment patterns overwrite their ends). */
    for (int i = 0; i < s; i++) {
        set_func(size, 6, i, i % 2 == 0);
        set_func(size, i, 6, i % 2 == 0);
    }
    draw_finder(size, 3, 3);
    draw_finder(size, s - 4, 3);
    draw_finder(size, 3, s - 4);
    uint8_t pos[7];
    int n = align_positions(version, pos);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            /* The three corners that collide with finder patterns are skipped. */
            if ((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0)) continue;
            draw_alignment(size, pos[i], pos[j]);
        }
    }
    /* Reserve the format areas (real bits are drawn per mask) and set the dark module. */
    draw_format(qr_mods, size, 0);
    for (int i = 0; i <= 8; i++) {
        qr_func[8 * size + (uint32_t)i] = 1;
        qr_func[(uint32_t)i * size + 8] = 1;
    }
    for (int i = 0; i < 8; i++) {
        qr_func[8 * size + (uint32_t)(s - 1 - i)] = 1;
        qr_func[(uint32_t)(s - 1 - i) * size + 8] = 1;
    }
    set_func(size, 8, s - 8, 1);
    /* Version information: BCH(18,6) with generator 0x1F25, for versions 7 and up. */
    if (version >= 7) {
        uint32_t rem = (uint32_t)version << 12;
        for (int i = 17; i >= 12; i--)
            if (rem & (1u << i)) rem ^= 0x1F25u << (i - 12);
        uint32_t bits = ((uint32_t)version << 12) | rem;
        for (int i = 0; i < 18; i++) {
            int a = s - 11 + i % 3, b = i / 3;
            int dark = (int)((bits >> i) & 1);
            set_func(size, a, b, dark);
            set_func(size, b, a, dark);
        }
    }
}

/* Places the codeword bits in the two-column zigzag, right to left, skipping the timing column. */
NOINLINE static void place_codewords(uint32_t size, const uint8_t *cw, uint32_t count) {
    uint32_t bit = 0, nbits = count * 8;
    for (int right = (int)size - 1; right >= 1; right -= 2) {
        if (right == 6) right = 5;
        int upward = ((right + 1) & 2) == 0;
        for (int vert = 0; vert < (int)size; vert++) {
            int y = upward ? (int)size - 1 - vert : vert;
            for (int j = 0; j < 2; j++) {
                uint32_t idx = (uint32_t)y * size + (uint32_t)(right - j);
                if (qr_func[idx]) continue;
                /* Remainder bits past the last codeword stay light (0). */
                if (bit < nbits) {
                    qr_mods[idx] = (uint8_t)((cw[bit >> 3] >> (7 - (bit & 7))) & 1);
                    bit++;
                }
            }
        }
    }
}

static int mask_bit(int mask, uint32_t i /* row */, uint32_t j /* column */) {
    switch (mask) {
    case 0: return (i + j) % 2 == 0;
    case 1: return i % 2 == 0;
    case 2: return j % 3 == 0;
    case 3: return (i + j) % 3 == 0;
    case 4: return (i / 2 + j / 3) % 2 == 0;
    case 5: return (i * j) % 2 + (i * j) % 3 == 0;
    case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0;
    default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0;
    }
}

/* ---- Mask evaluation on bit-packed rows and columns ----
 *
 * Each row (and each column) is a bit set: bit x of word x / 64 is module x. The penalty rules then
 * work on 64 modules at a time with shifts, ANDs and popcounts instead of one module at a time. Every
 * line is stored in QR_W + 1 words; the words past the line are zero, so that shifting in from the
 * next word is always defined. */

#define QR_W 3 /* 64-bit words per line: 3 * 64 >= 177 */
#define LINE_WORDS (QR_W + 1)

static uint64_t base_rows[QR_MAX_SIZE][LINE_WORDS], base_cols[QR_MAX_SIZE][LINE_WORDS];
static uint64_t data_rows[QR_MAX_SIZE][LINE_WORDS], data_cols[QR_MAX_SIZE][LINE_WORDS]; /* 1 = maskable */
/* Mask patterns: every mask condition is periodic with period 12 in both the row and the column
 * index, so row y's mask bits are those of row y % 12 (pat_rows), and column x's are those of column
 * x % 12 (pat_cols). Built once, for the largest symbol. */
static uint64_t pat_rows[8][12][LINE_WORDS], pat_cols[8][12][LINE_WORDS];
static int pat_ready;
static uint64_t cand_rows[QR_MAX_SIZE][LINE_WORDS], cand_cols[QR_MAX_SIZE][LINE_WORDS];

/* Module k of the line shifted down by s (0 <= s < 64), as the word w. */
static inline uint64_t shr_at(const uint64_t *a, uint32_t w, uint32_t s) {
    return s == 0 ? a[w] : (a[w] >> s) | (a[w + 1] << (64 - s));
}

/* The bits of word w whose module index is below `limit`. */
static inline uint64_t below(uint32_t w, uint32_t limit) {
    uint32_t base = w * 64;
    if (limit <= base) return 0;
    if (limit - base >= 64) return ~(uint64_t)0;
    return ((uint64_t)1 << (limit - base)) - 1;
}

static inline uint32_t popcount64(uint64_t x) { return (uint32_t)__builtin_popcountll(x); }

/* Rules 1 and 3 over one row or column of n modules.
 * Rule 1: a run of L >= 5 same-coloured modules scores L - 2 (3 + the excess over 5). A run of L has
 * L - 4 starting points of a uniform 5-module window and one first such window, so the sum is
 * (number of uniform windows) + 2 * (number of runs).
 * Rule 3: 40 per 11-module window reading 10111010000 or 00001011101 (a 1:1:3:1:1 finder-like pattern
 * with four light modules on one side), counted inside the symbol. */
NOINLINE static uint32_t line_penalty(const uint64_t *a, uint32_t words, uint32_t n) {
    uint32_t windows5 = 0, runs = 0, finders = 0;
    uint64_t carry = 0;
    for (uint32_t w = 0; w < words; w++) {
        uint64_t x0 = a[w], x1 = shr_at(a, w, 1), x2 = shr_at(a, w, 2), x3 = shr_at(a, w, 3);
        uint64_t x4 = shr_at(a, w, 4), x5 = shr_at(a, w, 5), x6 = shr_at(a, w, 6), x7 = shr_at(a, w, 7);
        uint64_t x8 = shr_at(a, w, 8), x9 = shr_at(a, w, 9), x10 = shr_at(a, w, 10);
        uint64_t uniform = ~((x0 ^ x1) | (x1 ^ x2) | (x2 ^ x3) | (x3 ^ x4)) & below(w, n - 4);
        uint64_t starts = uniform & ~((uniform << 1) | carry);
        carry = uniform >> 63;
        windows5 += popcount64(uniform);
        runs += popcount64(starts);
        uint64_t core_at_0 = x0 & ~x1 & x2 & x3 & x4 & ~x5 & x6;    /* 1011101 at x */
        uint64_t core_at_4 = x4 & ~x5 & x6 & x7 & x8 & ~x9 & x10;   /* 1011101 at x + 4 */
        uint64_t light_0 = ~(x0 | x1 | x2 | x3), light_7 = ~(x7 | x8 | x9 | x10);
        finders += popcount64(((core_at_0 & light_7) | (light_0 & core_at_4)) & below(w, n - 10));
    }
    return windows5 + 2 * runs + 40 * finders;
}

/* Sets module (x, y) of the candidate to `dark` in both the row and the column bit sets. */
static inline void cand_set(uint32_t x, uint32_t y, uint32_t dark) {
    uint64_t bx = (uint64_t)1 << (x & 63), by = (uint64_t)1 << (y & 63);
    if (dark) {
        cand_rows[y][x >> 6] |= bx;
        cand_cols[x][y >> 6] |= by;
    } else {
        cand_rows[y][x >> 6] &= ~bx;
        cand_cols[x][y >> 6] &= ~by;
    }
}

/* Packs the unmasked symbol, its maskable modules and lays out the per-symbol state. */
NOINLINE static void pack_symbol(uint32_t size) {
    for (uint32_t i = 0; i < size; i++) {
        for (uint32_t w = 0; w < LINE_WORDS; w++)
            base_rows[i][w] = base_cols[i][w] = data_rows[i][w] = data_cols[i][w] = 0;
    }
    for (uint32_t y = 0; y < size; y++) {
        for (uint32_t x = 0; x < size; x++) {
            uint32_t idx = y * size + x;
            uint64_t bx = (uint64_t)1 << (x & 63), by = (uint64_t)1 << (y & 63);
            if (qr_mods[idx]) {
                base_rows[y][x >> 6] |= bx;
                base_cols[x][y >> 6] |= by;
            }
            if (!qr_func[idx]) {
                data_rows[y][x >> 6] |= bx;
                data_cols[x][y >> 6] |= by;
            }
        }
    }
}

NOINLINE static void patterns_init(void) {
    for (int mask = 0; mask < 8; mask++) {
        for (uint32_t r = 0; r < 12; r++) {
            for (uint32_t w = 0; w < LINE_WORDS; w++) pat_rows[mask][r][w] = pat_cols[mask][r][w] = 0;
            for (uint32_t k = 0; k < QR_MAX_SIZE; k++) {
                uint64_t bit = (uint64_t)1 << (k & 63);
                if (mask_bit(mask, r, k)) pat_rows[mask][r][k >> 6] |= bit;
                if (mask_bit(mask, k, r)) pat_cols[mask][r][k >> 6] |= bit;
            }
        }
    }
    pat_ready = 1;
}

/* Writes the symbol with the mask applied to its data modules into g. */
NOINLINE static void apply_mask(uint8_t *g, uint32_t size, int mask) {
    for (uint32_t y = 0; y < size; y++) {
        const uint64_t *pat = pat_rows[mask][y % 12];
        const uint8_t *m = qr_mods + y * size, *f = qr_func + y * size;
        uint8_t *out = g + y * size;
        for (uint32_t x = 0; x < size; x++)
            out[x] = (uint8_t)(m[x] ^ ((uint32_t)(pat[x >> 6] >> (x & 63)) & 1 & (f[x] ^ 1)));
    }
}

/* The penalty score of the symbol under one mask, format information included. */
NOINLINE static uint32_t mask_penalty(uint32_t size, int ecc, int mask) {
    uint32_t words = (size + 63) / 64;
    for (uint32_t i = 0; i < size; i++) {
        /* data_rows/data_cols are zero past the symbol, so the patterns need no trimming. */
        const uint64_t *pr = pat_rows[mask][i % 12], *pc = pat_cols[mask][i % 12];
        for (uint32_t w = 0; w < LINE_WORDS; w++) {
            cand_rows[i][w] = base_rows[i][w] ^ (pr[w] & data_rows[i][w]);
            cand_cols[i][w] = base_cols[i][w] ^ (pc[w] & data_cols[i][w]);
        }
    }
    /* Format information, at the positions draw_format uses. */
    uint32_t bits = format_bits(ecc, mask), s = size;
    for (uint32_t i = 0; i <= 5; i++) cand_set(8, i, (bits >> i) & 1);
    cand_set(8, 7, (bits >> 6) & 1);
    cand_set(8, 8, (bits >> 7) & 1);
    cand_set(7, 8, (bits >> 8) & 1);
    for (uint32_t i = 9; i < 15; i++) cand_set(14 - i, 8, (bits >> i) & 1);
    for (uint32_t i = 0; i < 8; i++) cand_set(s - 1 - i, 8, (bits >> i) & 1);
    for (uint32_t i = 8; i < 15; i++) cand_set(8, s - 15 + i, (bits >> i) & 1);

    uint32_t points = 0, dark = 0;
    for (uint32_t i = 0; i < size; i++) {
        points += line_penalty(cand_rows[i], words, size);
        points += line_penalty(cand_cols[i], words, size);
    }
    /* Rule 2: 3 points per 2x2 block of one colour (blocks overlap). */
    uint32_t blocks = 0;
    for (uint32_t y = 0; y + 1 < size; y++) {
        const uint64_t *a = cand_rows[y], *b = cand_rows[y + 1];
        for (uint32_t w = 0; w < words; w++) {
            uint64_t v0 = ~(a[w] ^ b[w]);                 /* column x equal in both rows */
            uint64_t v1 = ~(shr_at(a, w, 1) ^ shr_at(b, w, 1));
            uint64_t h = ~(a[w] ^ shr_at(a, w, 1));       /* x and x + 1 equal in the top row */
            blocks += popcount64(v0 & v1 & h & below(w, size - 1));
        }
        for (uint32_t w = 0; w < words; w++) dark += popcount64(a[w]);
    }
    for (uint32_t w = 0; w < words; w++) dark += popcount64(cand_rows[size - 1][w]);
    points += 3 * blocks;
    /* Rule 4: 10 points per full 5% that the dark share deviates from 50%. */
    uint32_t total = size * size;
    uint32_t diff = dark * 20 > total * 10 ? dark * 20 - total * 10 : total * 10 - dark * 20;
    points += 10 * (diff / total);
    return points;
}

typedef struct {
    uint8_t is_err;
    union {
        struct { uint32_t size; const uint8_t *ptr; uint32_t len; } ok;
        wstr err;
    } u;
} encode_result;
_Static_assert(offsetof(encode_result, u) == 4 && sizeof(encode_result) == 16,
               "result<matrix, string> layout");

static uint32_t format_uint(uint8_t *out, uint32_t v) {
    uint8_t tmp[10];
    uint32_t n = 0;
    do {
        tmp[n++] = (uint8_t)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (uint32_t i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

static uint32_t append(uint8_t *out, uint32_t at, const char *s) {
    while (*s) out[at++] = (uint8_t)*s++;
    return at;
}

QR_EXPORT("encode") encode_result *qr_encode(const uint8_t *text, uint32_t len, uint32_t ecc) {
    encode_result *r = bump_alloc(4, sizeof *r);
    if (!gf_ready) gf_init();
    if (!pat_ready) patterns_init();
    if (ecc > 3) __builtin_trap(); /* the host validates enums; be safe anyway */

    /* Smallest version whose data capacity holds mode (4) + count (8 or 16) + 8 bits per byte. */
    int version = 0;
    for (int v = 1; v <= 40; v++) {
        uint64_t need = 4 + (v <= 9 ? 8 : 16) + 8 * (uint64_t)len;
        if (need <= (uint64_t)data_codewords(v, (int)ecc) * 8) {
            version = v;
            break;
        }
    }
    if (version == 0) {
        uint32_t cap = (data_codewords(40, (int)ecc) * 8 - 20) / 8;
        uint8_t *msg = bump_alloc(1, 160);
        uint32_t n = append(msg, 0, "text too long: ");
        n += format_uint(msg + n, len);
        n = append(msg, n, " bytes, but a version 40 QR code at error correction level ");
        n = append(msg, n, ECC_NAMES[ecc]);
        n = append(msg, n, " holds at most ");
        n += format_uint(msg + n, cap);
        n = append(msg, n, " bytes");
        r->is_err = 1;
        r->u.err = (wstr){msg, n};
        return r;
    }

    /* Data codewords: mode 0100, character count, the bytes, terminator, padding. */
    uint32_t ndata = data_codewords(version, (int)ecc);
    for (uint32_t i = 0; i < ndata; i++) qr_data[i] = 0;
    uint32_t bitpos = 0;
#define PUT_BITS(value, count)                                                         \
    do {                                                                               \
        uint32_t v_ = (value);                                                         \
        for (int b_ = (count) - 1; b_ >= 0; b_--, bitpos++)                            \
            if ((v_ >> b_) & 1) qr_data[bitpos >> 3] |= (uint8_t)(0x80 >> (bitpos & 7)); \
    } while (0)
    PUT_BITS(4, 4);
    PUT_BITS(len, version <= 9 ? 8 : 16);
    /* The header is 12 or 20 bits, so every data byte straddles two codewords: split it in nibbles. */
    uint32_t at = bitpos >> 3;
    for (uint32_t i = 0; i < len; i++) {
        qr_data[at + i] |= (uint8_t)(text[i] >> 4);
        qr_data[at + i + 1] = (uint8_t)(text[i] << 4);
    }
    bitpos += 8 * len;
#undef PUT_BITS
    uint32_t capacity = ndata * 8;
    uint32_t term = capacity - bitpos < 4 ? capacity - bitpos : 4;
    bitpos += term;                  /* terminator zeros (already zero) */
    bitpos = (bitpos + 7) & ~7u;     /* pad to a byte boundary with zeros */
    for (uint32_t i = bitpos >> 3, k = 0; i < ndata; i++, k++) qr_data[i] = (k & 1) ? 0x11 : 0xEC;

    /* Split into blocks, compute each block's error correction, interleave. */
    uint32_t total = total_codewords(version);
    uint32_t nblocks = NUM_BLOCKS[ecc][version];
    uint32_t ecclen = ECC_PER_BLOCK[ecc][version];
    uint32_t short_len = total / nblocks;                 /* codewords in a short block */
    uint32_t nshort = nblocks - total % nblocks;
    uint32_t short_data = short_len - ecclen;
    uint8_t gen[30], gen_log[30];
    rs_generator((int)ecclen, gen);
    for (uint32_t i = 0; i < ecclen; i++) gen_log[i] = gen[i] ? gf_log[gen[i]] : 0;
    uint8_t ecc_bytes[30];
    for (uint32_t b = 0, off = 0; b < nblocks; b++) {
        uint32_t dlen = short_data + (b >= nshort);
        /* Data codeword i of block b goes to position i * nblocks + b (long blocks' extra codeword
         * comes after all the short blocks' data). */
        for (uint32_t i = 0; i < dlen; i++) {
            uint32_t pos = i < short_data ? i * nblocks + b : short_data * nblocks + (b - nshort);
            qr_final[pos] = qr_data[off + i];
        }
        rs_remainder(qr_data + off, dlen, gen_log, gen, (int)ecclen, ecc_bytes);
        for (uint32_t i = 0; i < ecclen; i++) qr_final[ndata + i * nblocks + b] = ecc_bytes[i];
        off += dlen;
    }

    draw_function_patterns(version);
    uint32_t size = qr_size(version);
    place_codewords(size, qr_final, total);

    /* Score all eight masks (with their format information); the first lowest penalty wins. */
    pack_symbol(size);
    uint32_t best_points = 0xFFFFFFFFu;
    int best_mask = 0;
    for (int mask = 0; mask < 8; mask++) {
        uint32_t points = mask_penalty(size, (int)ecc, mask);
        if (points < best_points) {
            best_points = points;
            best_mask = mask;
        }
    }
    uint8_t *best = bump_alloc(1, size * size);
    apply_mask(best, size, best_mask);
    draw_format(best, size, format_bits((int)ecc, best_mask));
    r->is_err = 0;
    r->u.ok.size = size;
    r->u.ok.ptr = best;
    r->u.ok.len = size * size;
    return r;
}

QR_EXPORT("encode_post") void qr_encode_post(void *ret) {
    (void)ret;
    heap_reset();
}

/* ======================================================================================
 * Deflate (RFC 1951) in a zlib wrapper (RFC 1950)
 * ====================================================================================== */

typedef struct {
    uint8_t *out;
    uint32_t pos;
    uint64_t buf;
    uint32_t nbits;
} bitwriter;

static inline void bw_put(bitwriter *w, uint32_t value, uint32_t count) {
    w->buf |= (uint64_t)value << w->nbits;
    w->nbits += count;
    if (w->nbits >= 32) {
        uint32_t v = (uint32_t)w->buf;
        w->out[w->pos] = (uint8_t)v;
        w->out[w->pos + 1] = (uint8_t)(v >> 8);
        w->out[w->pos + 2] = (uint8_t)(v >> 16);
        w->out[w->pos + 3] = (uint8_t)(v >> 24);
        w->pos += 4;
        w->buf >>= 32;
        w->nbits -= 32;
    }
}

static void bw_flush(bitwriter *w) {
    while (w->nbits > 0) {
        w->out[w->pos++] = (uint8_t)w->buf;
        w->buf >>= 8;
        w->nbits = w->nbits > 8 ? w->nbits - 8 : 0;
    }
}

/* One LZ77 symbol: a literal (dist == 0, value = byte) or a match (length 3..258, distance 1..32768). */
typedef struct { uint16_t value; uint16_t dist; } lz_sym;

#define LZ_MIN 3
#define LZ_MAX 258
#define LZ_WINDOW 32768u
#define LZ_CHAIN 32 /* hash-chain candidates tried per position */

typedef uint32_t __attribute__((aligned(1), may_alias)) unaligned_u32;

/* Length of the common prefix of a and b, at most max; compares four bytes at a time. */
static inline uint32_t match_len(const uint8_t *a, const uint8_t *b, uint32_t max) {
    uint32_t n = 0;
    while (n + 4 <= max) {
        uint32_t d = *(const unaligned_u32 *)(a + n) ^ *(const unaligned_u32 *)(b + n);
        if (d != 0) return n + ((uint32_t)__builtin_ctz(d) >> 3); /* wasm is little-endian */
        n += 4;
    }
    while (n < max && a[n] == b[n]) n++;
    return n;
}

/* LZ77 with hash chains over 3-byte prefixes, greedy with one step of lazy evaluation. Every position
 * is indexed (the image's repeated rows make the nearest copy, at distance one row, the usual match,
 * which keeps the distance codes cheap). Returns the symbol count (at most one per input byte). */
NOINLINE static uint32_t lz77(const uint8_t *in, uint32_t n, lz_sym *syms) {
    uint32_t hbits = 8;
    while (hbits < 15 && (1u << hbits) < n) hbits++;
    uint32_t hsize = 1u << hbits, hshift = 32 - hbits;
    int32_t *head = bump_alloc(4, hsize * 4);
    int32_t *prev = bump_alloc(4, ((size_t)n + 1) * 4);
    for (uint32_t i = 0; i < hsize; i++) head[i] = -1;
    uint32_t count = 0, i = 0;

#define HASH_AT(p) (((((uint32_t)in[p] << 16) | ((uint32_t)in[(p) + 1] << 8) | in[(p) + 2]) * 2654435761u) >> hshift)
#define INSERT(p)                                   \
    do {                                            \
        if ((p) + 2 < n) {                          \
            uint32_t h_ = HASH_AT(p);               \
            prev[p] = head[h_];                     \
            head[h_] = (int32_t)(p);                \
        }                                           \
    } while (0)
    /* Longest match for position p among the indexed earlier positions. */
#define FIND(p, best_len, best_dist)                                                        \
    do {                                                                                    \
        best_len = 0;                                                                       \
        best_dist = 0;                                                                      \
        if ((p) + LZ_MIN <= n) {                                                            \
            uint32_t lim_ = n - (p) < LZ_MAX ? n - (p) : LZ_MAX;                            \
            int32_t cand_ = head[HASH_AT(p)];                                               \
            uint32_t chain_ = LZ_CHAIN;                                                     \
            while (cand_ >= 0 && (p) - (uint32_t)cand_ <= LZ_WINDOW && chain_-- > 0) {      \
                const uint8_t *a_ = in + cand_, *b_ = in + (p);                            \
                if (a_[best_len] == b_[best_len] && a_[0] == b_[0]) {                       \
                    uint32_t l_ = match_len(a_, b_, lim_);                                  \
                    if (l_ > best_len) {                                                    \
                        best_len = l_;                                                      \
                        best_dist = (p) - (uint32_t)cand_;                                  \
                        if (l_ == lim_) break;                                              \
                    }                                                                       \
                }                                                                           \
                cand_ = prev[cand_];                                                        \
            }                                                                               \
            if (best_len < LZ_MIN) best_len = 0;                                            \
        }                                                                                   \
    } while (0)

    uint32_t cur_len, cur_dist;
    FIND(0, cur_len, cur_dist);
    while (i < n) {
        if (cur_len == 0) {
            syms[count++] = (lz_sym){in[i], 0};
            INSERT(i);
            i++;
            FIND(i, cur_len, cur_dist);
            continue;
        }
        INSERT(i);
        /* Lazy evaluation: if the next position has a longer match, emit a literal instead. */
        uint32_t next_len = 0, next_dist = 0;
        if (cur_len < 32) FIND(i + 1, next_len, next_dist);
        if (next_len > cur_len) {
            syms[count++] = (lz_sym){in[i], 0};
            i++;
            cur_len = next_len;
            cur_dist = next_dist;
            continue;
        }
        syms[count++] = (lz_sym){(uint16_t)cur_len, (uint16_t)cur_dist};
        for (uint32_t k = 1; k < cur_len; k++) INSERT(i + k);
        i += cur_len;
        FIND(i, cur_len, cur_dist);
    }
#undef FIND
#undef INSERT
#undef HASH_AT
    return count;
}

static inline uint32_t floor_log2(uint32_t x) { return 31u - (uint32_t)__builtin_clz(x); }

/* Length 3..258 -> code 257..285, its extra-bit count and extra value. */
static inline uint32_t length_code(uint32_t len, uint32_t *nextra, uint32_t *extra) {
    uint32_t x = len - 3;
    if (x < 8) {
        *nextra = 0;
        *extra = 0;
        return 257 + x;
    }
    if (x == 255) {
        *nextra = 0;
        *extra = 0;
        return 285;
    }
    uint32_t nb = floor_log2(x);
    uint32_t sub = (x >> (nb - 2)) & 3;
    *nextra = nb - 2;
    *extra = x - ((4 | sub) << (nb - 2));
    return 257 + 4 * (nb - 1) + sub;
}

/* Distance 1..32768 -> code 0..29, its extra-bit count and extra value. */
static inline uint32_t dist_code(uint32_t dist, uint32_t *nextra, uint32_t *extra) {
    uint32_t x = dist - 1;
    if (x < 4) {
        *nextra = 0;
        *extra = 0;
        return x;
    }
    uint32_t nb = floor_log2(x);
    uint32_t sub = (x >> (nb - 1)) & 1;
    *nextra = nb - 1;
    *extra = x - ((2 | sub) << (nb - 1));
    return 2 * nb + sub;
}

/* Huffman code lengths for n symbols, none longer than `limit`. Unused symbols get 0. When fewer
 * than two symbols are used, the used one (or symbol 0) and one more get length 1, so that the code
 * is complete. */
NOINLINE static void huffman_lengths(const uint32_t *freq_in, uint32_t n, uint32_t limit, uint8_t *len) {
    uint32_t freq[288];
    uint16_t order[288];
    uint32_t node_w[576];
    uint16_t parent[576];
    uint32_t used = 0;
    for (uint32_t i = 0; i < n; i++) {
        freq[i] = freq_in[i];
        len[i] = 0;
        if (freq[i]) used++;
    }
    if (used < 2) {
        uint32_t a = 0;
        for (uint32_t i = 0; i < n; i++)
            if (freq[i]) a = i;
        len[a] = 1;
        len[a == 0 ? 1 : 0] = 1;
        return;
    }
    for (;;) {
        /* Leaves sorted by weight (insertion sort: n <= 288). */
        uint32_t m = 0;
        for (uint32_t i = 0; i < n; i++) {
            if (!freq[i]) continue;
            uint32_t k = m++;
            while (k > 0 && freq[order[k - 1]] > freq[i]) {
                order[k] = order[k - 1];
                k--;
            }
            order[k] = (uint16_t)i;
        }
        /* Two-queue construction: leaves 0..m-1 (sorted), internal nodes m.. in creation order,
         * which is also sorted by weight. */
        for (uint32_t i = 0; i < m; i++) node_w[i] = freq[order[i]];
        uint32_t leaf = 0, inner = m, next = m;
        for (uint32_t k = 0; k + 1 < m; k++) {
            uint32_t pick[2];
            for (int t = 0; t < 2; t++) {
                if (leaf < m && (inner >= next || node_w[leaf] <= node_w[inner]))
                    pick[t] = leaf++;
                else
                    pick[t] = inner++;
            }
            node_w[next] = node_w[pick[0]] + node_w[pick[1]];
            parent[pick[0]] = parent[pick[1]] = (uint16_t)next;
            next++;
        }
        /* Depths: the root is next - 1; parents are created after their children. */
        uint8_t depth[576];
        depth[next - 1] = 0;
        uint32_t maxd = 0;
        for (int32_t k = (int32_t)next - 2; k >= 0; k--) {
            depth[k] = (uint8_t)(depth[parent[k]] + 1);
            if ((uint32_t)k < m && depth[k] > maxd) maxd = depth[k];
        }
        if (maxd <= limit) {
            for (uint32_t i = 0; i < m; i++) len[order[i]] = depth[i];
            return;
        }
        /* Too deep: flatten the distribution and retry. */
        for (uint32_t i = 0; i < n; i++)
            if (freq[i]) freq[i] = (freq[i] >> 1) | 1;
    }
}

/* Canonical codes from lengths, bit-reversed for deflate's LSB-first bit order. */
NOINLINE static void canonical_codes(const uint8_t *len, uint32_t n, uint16_t *code) {
    uint32_t bl_count[16] = {0}, next_code[16];
    for (uint32_t i = 0; i < n; i++) bl_count[len[i]]++;
    bl_count[0] = 0;
    uint32_t c = 0;
    for (uint32_t b = 1; b < 16; b++) {
        c = (c + bl_count[b - 1]) << 1;
        next_code[b] = c;
    }
    for (uint32_t i = 0; i < n; i++) {
        uint32_t l = len[i];
        if (!l) {
            code[i] = 0;
            continue;
        }
        uint32_t v = next_code[l]++, r = 0;
        for (uint32_t b = 0; b < l; b++) r |= ((v >> b) & 1) << (l - 1 - b);
        code[i] = (uint16_t)r;
    }
}

static const uint8_t CL_ORDER[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

/* Run-length encodes the code lengths (symbols 0..18; 16/17/18 carry their repeat count in the top
 * byte). Returns the number of entries. */
NOINLINE static uint32_t rle_lengths(const uint8_t *lens, uint32_t n, uint16_t *out) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < n;) {
        uint8_t l = lens[i];
        uint32_t run = 1;
        while (i + run < n && lens[i + run] == l) run++;
        if (l == 0 && run >= 3) {
            uint32_t r = run > 138 ? 138 : run;
            out[k++] = r >= 11 ? (uint16_t)(18 | ((r - 11) << 8)) : (uint16_t)(17 | ((r - 3) << 8));
            i += r;
        } else if (l != 0 && run >= 4) {
            out[k++] = l;
            uint32_t r = run - 1 > 6 ? 6 : run - 1;
            out[k++] = (uint16_t)(16 | ((r - 3) << 8));
            i += 1 + r;
        } else {
            out[k++] = l;
            i++;
        }
    }
    return k;
}

static NOINLINE uint32_t adler32(const uint8_t *in, uint32_t n) {
    uint32_t a = 1, b = 0;
    for (uint32_t i = 0; i < n;) {
        uint32_t chunk = n - i < 5552 ? n - i : 5552; /* no 32-bit overflow before the modulo */
        for (uint32_t k = 0; k < chunk; k++) {
            a += in[i + k];
            b += a;
        }
        a %= 65521;
        b %= 65521;
        i += chunk;
    }
    return (b << 16) | a;
}

/* Compresses n bytes into a zlib stream at `out`, whose capacity must be at least n + n / 4 + 1024. */
NOINLINE static uint32_t zlib_compress(const uint8_t *in, uint32_t n, uint8_t *out) {
    lz_sym *syms = bump_alloc(4, ((size_t)n + 1) * sizeof(lz_sym));
    uint32_t nsyms = lz77(in, n, syms);

    uint32_t lfreq[286] = {0}, dfreq[30] = {0};
    for (uint32_t i = 0; i < nsyms; i++) {
        uint32_t ne, ev;
        if (syms[i].dist == 0) {
            lfreq[syms[i].value]++;
        } else {
            lfreq[length_code(syms[i].value, &ne, &ev)]++;
            dfreq[dist_code(syms[i].dist, &ne, &ev)]++;
        }
    }
    lfreq[256] = 1;

    /* Dynamic tables. */
    uint8_t dyn_l[286], dyn_d[30];
    huffman_lengths(lfreq, 286, 15, dyn_l);
    huffman_lengths(dfreq, 30, 15, dyn_d);
    uint32_t hlit = 286, hdist = 30;
    while (hlit > 257 && dyn_l[hlit - 1] == 0) hlit--;
    while (hdist > 1 && dyn_d[hdist - 1] == 0) hdist--;
    uint8_t all[316];
    for (uint32_t i = 0; i < hlit; i++) all[i] = dyn_l[i];
    for (uint32_t i = 0; i < hdist; i++) all[hlit + i] = dyn_d[i];
    uint16_t rle[316];
    uint32_t nrle = rle_lengths(all, hlit + hdist, rle);
    uint32_t cfreq[19] = {0};
    for (uint32_t i = 0; i < nrle; i++) cfreq[rle[i] & 0xFF]++;
    uint8_t cl_len[19];
    huffman_lengths(cfreq, 19, 7, cl_len);
    uint32_t hclen = 19;
    while (hclen > 4 && cl_len[CL_ORDER[hclen - 1]] == 0) hclen--;

    /* Fixed tables. */
    uint8_t fix_l[288], fix_d[30];
    for (uint32_t i = 0; i < 288; i++) fix_l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
    for (uint32_t i = 0; i < 30; i++) fix_d[i] = 5;

    /* Body cost in bits is the same for extra bits either way; compare the coded parts. */
    uint64_t dyn_bits = 14 + 3 * (uint64_t)hclen, fix_bits = 0;
    for (uint32_t i = 0; i < nrle; i++) {
        uint32_t s = rle[i] & 0xFF;
        dyn_bits += cl_len[s] + (s == 16 ? 2 : s == 17 ? 3 : s == 18 ? 7 : 0);
    }
    for (uint32_t i = 0; i < 286; i++) {
        dyn_bits += (uint64_t)lfreq[i] * dyn_l[i];
        fix_bits += (uint64_t)lfreq[i] * fix_l[i];
    }
    for (uint32_t i = 0; i < 30; i++) {
        dyn_bits += (uint64_t)dfreq[i] * dyn_d[i];
        fix_bits += (uint64_t)dfreq[i] * fix_d[i];
    }
    int dynamic = dyn_bits < fix_bits;

    bitwriter w = {out, 0, 0, 0};
    /* zlib header: deflate, 32K window (CMF 0x78), no dictionary, FLEVEL 2; FCHECK makes it % 31. */
    out[0] = 0x78;
    out[1] = 0x9C;
    w.pos = 2;

    uint16_t lcode[288], dcode[30];
    const uint8_t *llen, *dlen;
    bw_put(&w, 1, 1); /* BFINAL: one block */
    if (dynamic) {
        bw_put(&w, 2, 2);
        bw_put(&w, hlit - 257, 5);
        bw_put(&w, hdist - 1, 5);
        bw_put(&w, hclen - 4, 4);
        for (uint32_t i = 0; i < hclen; i++) bw_put(&w, cl_len[CL_ORDER[i]], 3);
        uint16_t cl_code[19];
        canonical_codes(cl_len, 19, cl_code);
        for (uint32_t i = 0; i < nrle; i++) {
            uint32_t s = rle[i] & 0xFF, rep = rle[i] >> 8;
            bw_put(&w, cl_code[s], cl_len[s]);
            if (s == 16) bw_put(&w, rep, 2);
            else if (s == 17) bw_put(&w, rep, 3);
            else if (s == 18) bw_put(&w, rep, 7);
        }
        canonical_codes(dyn_l, 286, lcode);
        canonical_codes(dyn_d, 30, dcode);
        llen = dyn_l;
        dlen = dyn_d;
    } else {
        bw_put(&w, 1, 2);
        canonical_codes(fix_l, 288, lcode);
        canonical_codes(fix_d, 30, dcode);
        llen = fix_l;
        dlen = fix_d;
    }
    for (uint32_t i = 0; i < nsyms; i++) {
        lz_sym s = syms[i];
        if (s.dist == 0) {
            bw_put(&w, lcode[s.value], llen[s.value]);
        } else {
            uint32_t ne, ev;
            uint32_t lc = length_code(s.value, &ne, &ev);
            bw_put(&w, lcode[lc], llen[lc]);
            if (ne) bw_put(&w, ev, ne);
            uint32_t dc = dist_code(s.dist, &ne, &ev);
            bw_put(&w, dcode[dc], dlen[dc]);
            if (ne) bw_put(&w, ev, ne);
        }
    }
    bw_put(&w, lcode[256], llen[256]);
    bw_flush(&w);

    uint32_t adler = adler32(in, n); /* of the uncompressed data, big-endian */
    out[w.pos++] = (uint8_t)(adler >> 24);
    out[w.pos++] = (uint8_t)(adler >> 16);
    out[w.pos++] = (uint8_t)(adler >> 8);
    out[w.pos++] = (uint8_t)adler;
    return w.pos;
}

/* ======================================================================================
 * PNG (1-bit grayscale)
 * ====================================================================================== */

static uint32_t crc_table[256];
static int crc_ready;

NOINLINE static void crc_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
    crc_ready = 1;
}

static uint32_t crc32(const uint8_t *p, uint32_t n) {
    uint32_t c = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; i++) c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static void put_be32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Writes a chunk whose data is already at p + 8; returns the chunk's total length. */
static uint32_t finish_chunk(uint8_t *p, const char *type, uint32_t len) {
    put_be32(p, len);
    for (int i = 0; i < 4; i++) p[4 + i] = (uint8_t)type[i];
    put_be32(p + 8 + len, crc32(p + 4, len + 4));
    return len + 12;
}

#define PNG_MAX_WIDTH 4096u
#define QUIET 4u

/*
 * The module a pixel shows, quiet zone included (negative or >= size: light). Modules are a whole
 * number of pixels wide, the symbol centred with white padding, as ZXing's writer does: a fractional
 * module width (2.15 px for version 17 at 200 px) makes modules of uneven widths that readers
 * misjudge. Only when even one pixel per module does not fit does it scale by nearest neighbour.
 */
static int32_t module_of(uint32_t px, uint32_t width, uint32_t total) {
    uint32_t scale = width / total;
    if (scale == 0) return (int32_t)((uint64_t)px * total / width) - (int32_t)QUIET;
    uint32_t offset = (width - scale * total) / 2;
    if (px < offset) return -1 - (int32_t)QUIET;
    uint32_t m = (px - offset) / scale;
    if (m >= total) return -1 - (int32_t)QUIET;
    return (int32_t)m - (int32_t)QUIET;
}

/* The filtered image data: each row is filter byte 0 (None) and the packed pixels, 1 = white. */
static NOINLINE uint8_t *build_image(uint32_t size, const uint8_t *mods, uint32_t width, uint32_t stride) {
    uint32_t total = size + 2 * QUIET;
    int32_t *col_mod = bump_alloc(4, width * 4);
    for (uint32_t px = 0; px < width; px++)
        col_mod[px] = module_of(px, width, total);
    uint8_t *raw = bump_alloc(4, stride * width);
    int32_t prev_my = -0x7FFFFFFF;
    for (uint32_t py = 0; py < width; py++) {
        uint8_t *row = raw + py * stride;
        int32_t my = module_of(py, width, total);
        /* Rows of the quiet zone above and below the symbol are all alike too. */
        int32_t key = (my < 0 || my >= (int32_t)size) ? -1 : my;
        if (key == prev_my) {
            copy_bytes(row, row - stride, stride);
            continue;
        }
        prev_my = key;
        row[0] = 0;
        const uint8_t *mrow = key >= 0 ? mods + (uint32_t)my * size : 0;
        for (uint32_t bx = 0; bx < stride - 1; bx++) {
            uint32_t byte = 0;
            for (uint32_t k = 0; k < 8; k++) {
                uint32_t px = bx * 8 + k;
                uint32_t white = 1;
                if (px < width) {
                    int32_t mx = col_mod[px];
                    if (mrow && mx >= 0 && mx < (int32_t)size && mrow[mx]) white = 0;
                } else {
                    white = 0; /* padding bits past the row end */
                }
                byte = (byte << 1) | white;
            }
            row[1 + bx] = (uint8_t)byte;
        }
    }
    return raw;
}

typedef struct { uint8_t is_err; wstr val; } render_result;
_Static_assert(offsetof(render_result, val) == 4 && sizeof(render_result) == 12,
               "result<list<u8>, string> layout");

PNG_EXPORT("render")
render_result *png_render(uint32_t size, const uint8_t *mods, uint32_t len, uint32_t width) {
    render_result *r = bump_alloc(4, sizeof *r);
    const char *error = 0;
    if (size == 0 || size > 1024 || len != size * size)
        error = "invalid matrix: modules must hold size x size bytes, with size 1..1024";
    else if (width == 0 || width > PNG_MAX_WIDTH)
        error = "invalid width: must be 1..4096 pixels";
    if (error) {
        r->is_err = 1;
        r->val = make_str(error);
        return r;
    }
    if (!crc_ready) crc_init();

    uint32_t stride = 1 + (width + 7) / 8;
    uint32_t raw_len = stride * width;
    uint8_t *raw = build_image(size, mods, width, stride);

    uint32_t cap = 8 + 25 + 12 + (raw_len + raw_len / 4 + 1024) + 12;
    uint8_t *png = bump_alloc(4, cap);
    static const uint8_t SIG[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    for (int i = 0; i < 8; i++) png[i] = SIG[i];
    uint32_t pos = 8;
    uint8_t *ihdr = png + pos;
    put_be32(ihdr + 8, width);
    put_be32(ihdr + 12, width);
    ihdr[16] = 1; /* bit depth */
    ihdr[17] = 0; /* colour type: grayscale */
    ihdr[18] = 0; /* compression: deflate */
    ihdr[19] = 0; /* filter method 0 */
    ihdr[20] = 0; /* no interlace */
    pos += finish_chunk(ihdr, "IHDR", 13);
    uint32_t zlen = zlib_compress(raw, raw_len, png + pos + 8);
    pos += finish_chunk(png + pos, "IDAT", zlen);
    pos += finish_chunk(png + pos, "IEND", 0);

    r->is_err = 0;
    r->val = (wstr){png, pos};
    return r;
}

PNG_EXPORT("render_post") void png_render_post(void *ret) {
    (void)ret;
    heap_reset();
}
