/*
 * The "hostcaps" guest component: calls every weft:host interface, with the
 * Canonical ABI of both its imports (canon lower) and its exports (canon lift)
 * written by hand (no wit-bindgen, no libc, no WASI).
 *
 * ABI notes (component-model design/mvp/CanonicalABI.md):
 *  - An import whose results flatten to more than one value takes a pointer to
 *    a return area as its last parameter; the host writes the result there and
 *    allocates any string or list in it through our cabi_realloc.
 *  - An export whose results flatten to more than one value returns a pointer
 *    to its return area; the host reads it, then calls cabi_post_<name>.
 *  - A variant's payload starts at its discriminant size rounded up to the
 *    largest payload alignment: 4 for strings and lists, 8 for s64/u64.
 *
 * Memory is the shared bump allocator, reset in every post-return function
 * (and at the end of exports that return no memory).
 */

#include "../common/bump.h"

#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))
#define EXPORT(name) __attribute__((export_name(name)))

#define LOG "weft:host/log@0.1.0"
#define KV "weft:host/kv@0.1.0"
#define HTTP "weft:host/http@0.1.0"
#define CLOCK "weft:host/clock@0.1.0"
#define RANDOM "weft:host/random@0.1.0"
#define CONFIG "weft:host/config@0.1.0"

typedef struct { const char *ptr; uint32_t len; } str;

IMPORT(LOG, "log") void host_log(int32_t level, const char *msg, uint32_t len, const str *fields, uint32_t n);
IMPORT(KV, "get") void kv_get(const char *b, uint32_t bl, const char *k, uint32_t kl, void *ret);
IMPORT(KV, "set") void kv_set(const char *b, uint32_t bl, const char *k, uint32_t kl, const char *v, uint32_t vl,
                              int32_t ttl_some, int64_t ttl, void *ret);
IMPORT(KV, "delete") void kv_delete(const char *b, uint32_t bl, const char *k, uint32_t kl, void *ret);
IMPORT(KV, "increment") void kv_increment(const char *b, uint32_t bl, const char *k, uint32_t kl, int64_t delta,
                                          void *ret);
IMPORT(KV, "keys") void kv_keys(const char *b, uint32_t bl, const char *p, uint32_t pl, uint32_t limit, void *ret);
IMPORT(HTTP, "send") void http_send(int32_t method, const char *url, uint32_t ul, const str *headers, uint32_t nh,
                                    int32_t body_some, const char *body, uint32_t bodyl, int32_t timeout_some,
                                    uint32_t timeout, void *ret);
IMPORT(CLOCK, "now") int64_t clock_now(void);
IMPORT(CLOCK, "monotonic") int64_t clock_monotonic(void);
IMPORT(RANDOM, "bytes") void random_bytes(uint32_t n, void *ret);
IMPORT(RANDOM, "next-u64") int64_t random_next_u64(void);
IMPORT(CONFIG, "get") void config_get(const char *k, uint32_t kl, void *ret);

EXPORT("cabi_realloc")
void *cabi_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    return bump_realloc(old_ptr, old_size, align, new_size);
}

/* One return area for exports (8-aligned for s64 payloads), one for imports. */
static uint64_t out_area[4];
static uint64_t in_area[4];
#define OUT ((uint8_t *)out_area)
#define IN ((uint8_t *)in_area)

static const char BUCKET[] = "visits";
#define BUCKET_LEN (sizeof BUCKET - 1)

static uint32_t cstr_len(const char *s) {
    uint32_t n = 0;
    while (s[n]) n++;
    return n;
}

/* Returns the concatenation of a and b in fresh memory. */
static str concat(str a, str b) {
    char *p = bump_alloc(1, a.len + b.len);
    copy_bytes(p, a.ptr, a.len);
    copy_bytes(p + a.len, b.ptr, b.len);
    return (str){p, a.len + b.len};
}

static str lit(const char *s) { return (str){s, cstr_len(s)}; }

static str decimal(uint64_t v) {
    char tmp[20];
    uint32_t n = 0;
    do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    char *p = bump_alloc(1, n);
    for (uint32_t i = 0; i < n; i++) p[i] = tmp[n - 1 - i];
    return (str){p, n};
}

static str load_str(const uint8_t *at) { return (str){*(const char *const *)at, *(const uint32_t *)(at + 4)}; }

static void store_str(uint8_t *at, str s) {
    *(const char **)at = s.ptr;
    *(uint32_t *)(at + 4) = s.len;
}

/* `case` or `case: detail` for a variant at `e` whose cases in `with_payload` carry a string at e+4. */
static str error_string(const uint8_t *e, const char *const *names, uint32_t with_payload) {
    str name = lit(names[e[0]]);
    if (!(with_payload & (1u << e[0]))) return name;
    return concat(concat(name, lit(": ")), load_str(e + 4));
}

static const char *const KV_ERRORS[] = {"access-denied", "unavailable", "timeout", "not-an-integer",
                                        "invalid-argument"};
#define KV_PAYLOADS ((1u << 0) | (1u << 1) | (1u << 4))
static const char *const HTTP_ERRORS[] = {"access-denied", "invalid-url", "connection-failed", "timeout",
                                          "body-too-large"};
#define HTTP_PAYLOADS ((1u << 0) | (1u << 1) | (1u << 2))

static str kv_error(const uint8_t *e) { return error_string(e, KV_ERRORS, KV_PAYLOADS); }

/* result<s64, string>: payload at 8. */
EXPORT("count-visit")
uint8_t *count_visit(const char *user, uint32_t len) {
    kv_increment(BUCKET, BUCKET_LEN, user, len, 1, IN);
    OUT[0] = IN[0];
    if (IN[0] == 0) {
        *(int64_t *)(OUT + 8) = *(int64_t *)(IN + 8);
    } else {
        store_str(OUT + 8, kv_error(IN + 8));
    }
    return OUT;
}

/* result<_, string>: payload at 4. */
EXPORT("remember")
uint8_t *remember(const char *k, uint32_t kl, const char *v, uint32_t vl, int32_t ttl_some, int64_t ttl) {
    kv_set(BUCKET, BUCKET_LEN, k, kl, v, vl, ttl_some, ttl, IN);
    OUT[0] = IN[0];
    if (IN[0] != 0) store_str(OUT + 4, kv_error(IN + 4));
    return OUT;
}

/* result<option<string>, string>: payload at 4; the option's string at 8. */
static uint8_t *recall_in(const char *b, uint32_t bl, const char *k, uint32_t kl) {
    kv_get(b, bl, k, kl, IN);
    OUT[0] = IN[0];
    if (IN[0] == 0) {
        OUT[4] = IN[4];
        if (IN[4]) store_str(OUT + 8, load_str(IN + 8));
    } else {
        store_str(OUT + 4, kv_error(IN + 4));
    }
    return OUT;
}

EXPORT("recall")
uint8_t *recall(const char *k, uint32_t kl) { return recall_in(BUCKET, BUCKET_LEN, k, kl); }

EXPORT("recall-from")
uint8_t *recall_from(const char *b, uint32_t bl, const char *k, uint32_t kl) { return recall_in(b, bl, k, kl); }

/* result<bool, string>: payload at 4. */
EXPORT("forget")
uint8_t *forget(const char *k, uint32_t kl) {
    kv_delete(BUCKET, BUCKET_LEN, k, kl, IN);
    OUT[0] = IN[0];
    if (IN[0] == 0) {
        OUT[4] = IN[4];
    } else {
        store_str(OUT + 4, kv_error(IN + 4));
    }
    return OUT;
}

/* result<list<string>, string>: payload at 4; the list is passed through as the host wrote it. */
EXPORT("list-keys")
uint8_t *list_keys(const char *p, uint32_t pl, uint32_t limit) {
    kv_keys(BUCKET, BUCKET_LEN, p, pl, limit, IN);
    OUT[0] = IN[0];
    if (IN[0] == 0) {
        store_str(OUT + 4, load_str(IN + 4));
    } else {
        store_str(OUT + 4, kv_error(IN + 4));
    }
    return OUT;
}

EXPORT("log-message")
void log_message(const char *m, uint32_t ml, const char *k, uint32_t kl, const char *v, uint32_t vl) {
    str field[2] = {{k, kl}, {v, vl}}; /* one tuple<string, string>: 16 bytes, align 4 */
    host_log(2 /* info */, m, ml, field, 1);
    heap_reset();
}

EXPORT("now")
int64_t now(void) { return clock_now(); }

EXPORT("monotonic")
int64_t monotonic(void) { return clock_monotonic(); }

/* list<u8>: the host's list is returned as is. */
EXPORT("random-bytes")
uint8_t *random_bytes_export(uint32_t n) {
    random_bytes(n, IN);
    store_str(OUT, load_str(IN));
    return OUT;
}

EXPORT("random-u64")
int64_t random_u64(void) { return random_next_u64(); }

/* option<string>: payload at 4. */
EXPORT("config-get")
uint8_t *config_get_export(const char *k, uint32_t kl) {
    config_get(k, kl, IN);
    OUT[0] = IN[0];
    if (IN[0]) store_str(OUT + 4, load_str(IN + 4));
    return OUT;
}

/*
 * result<string, string>: payload at 4. The host's result<response, error> has its payload at
 * 4 too: response = {status: u16 @0, headers @4, body @12}.
 */
EXPORT("fetch")
uint8_t *fetch(const char *url, uint32_t ul, int32_t body_some, const char *body, uint32_t bl) {
    str header[2] = {lit("x-weft"), lit("hostcaps")};
    int32_t method = body_some ? 2 /* post */ : 0 /* get */;
    http_send(method, url, ul, header, 1, body_some, body, bl, 1, 5000, IN);
    OUT[0] = IN[0];
    if (IN[0] == 0) {
        const uint8_t *resp = IN + 4;
        str status = decimal(*(const uint16_t *)resp);
        store_str(OUT + 4, concat(concat(status, lit(" ")), load_str(resp + 12)));
    } else {
        store_str(OUT + 4, error_string(IN + 4, HTTP_ERRORS, HTTP_PAYLOADS));
    }
    return OUT;
}

#define POST(name, fn) \
    EXPORT("cabi_post_" name) void post_##fn(uint8_t *ret) { (void)ret; heap_reset(); }
POST("count-visit", count_visit)
POST("remember", remember)
POST("recall", recall)
POST("recall-from", recall_from)
POST("forget", forget)
POST("list-keys", list_keys)
POST("random-bytes", random_bytes)
POST("config-get", config_get)
POST("fetch", fetch)
