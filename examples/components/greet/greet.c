/*
 * The "greet" guest component, written against the Canonical ABI by hand
 * (no wit-bindgen, no libc, no WASI imports).
 *
 * ABI notes (component-model design/mvp/CanonicalABI.md):
 *  - A string parameter flattens to (ptr: i32, len: i32), UTF-8 encoded.
 *  - A string result flattens to two i32s, which exceeds MAX_FLAT_RESULTS (1),
 *    so the core function returns a pointer to a "return area" holding
 *    {ptr, len}; the host reads it and then calls cabi_post_<name>.
 *  - The host allocates argument memory through cabi_realloc.
 *
 * Memory is a bump allocator that is reset once a call's memory is no longer
 * needed: in the post-return function, or at the end of an export whose
 * result is returned in registers. So memory use does not grow across calls.
 */

#include <stddef.h>
#include <stdint.h>

#define PAGE_SIZE 65536u

extern unsigned char __heap_base; /* provided by wasm-ld */

static uintptr_t heap_next;

static void heap_reset(void) { heap_next = (uintptr_t)&__heap_base; }

static void *bump_alloc(size_t align, size_t size) {
    if (heap_next == 0) heap_reset();
    if (align == 0) align = 1;
    uintptr_t start = (heap_next + (align - 1)) & ~(uintptr_t)(align - 1);
    uintptr_t end = start + size;
    if (end < start) __builtin_trap(); /* 32-bit overflow */
    uintptr_t limit = __builtin_wasm_memory_size(0) * PAGE_SIZE;
    if (end > limit) {
        uintptr_t missing = end - limit;
        uintptr_t pages = (missing + PAGE_SIZE - 1) / PAGE_SIZE;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) __builtin_trap();
    }
    heap_next = end;
    return (void *)start;
}

static void copy_bytes(unsigned char *dst, const unsigned char *src, size_t n) {
    for (size_t i = 0; i < n; i++) dst[i] = src[i];
}

/* Canonical ABI allocation entry point: realloc(old_ptr, old_size, align, new_size). */
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    if (old_ptr != NULL && new_size <= old_size) return old_ptr;
    void *p = bump_alloc(align, new_size);
    if (old_ptr != NULL) copy_bytes(p, old_ptr, old_size);
    return p;
}

/* Return area for string results: {ptr, len}. */
static uint32_t ret_area[2];

static uint32_t *return_string(const unsigned char *ptr, size_t len) {
    ret_area[0] = (uint32_t)(uintptr_t)ptr;
    ret_area[1] = (uint32_t)len;
    return ret_area;
}

__attribute__((export_name("greet")))
uint32_t *greet(const unsigned char *name, size_t len) {
    static const char prefix[] = "Hello, ";
    const size_t prefix_len = sizeof prefix - 1;
    unsigned char *out = bump_alloc(1, prefix_len + len + 1);
    copy_bytes(out, (const unsigned char *)prefix, prefix_len);
    copy_bytes(out + prefix_len, name, len);
    out[prefix_len + len] = '!';
    return return_string(out, prefix_len + len + 1);
}

__attribute__((export_name("cabi_post_greet")))
void cabi_post_greet(uint32_t *ret) { (void)ret; heap_reset(); }

__attribute__((export_name("shout")))
uint32_t *shout(const unsigned char *text, size_t len) {
    unsigned char *out = bump_alloc(1, len);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = text[i];
        out[i] = (c >= 'a' && c <= 'z') ? (unsigned char)(c - 'a' + 'A') : c;
    }
    return return_string(out, len);
}

__attribute__((export_name("cabi_post_shout")))
void cabi_post_shout(uint32_t *ret) { (void)ret; heap_reset(); }

/* The string is valid UTF-8 (the host guarantees it), so every scalar value
 * has exactly one byte that is not a continuation byte (10xxxxxx). */
__attribute__((export_name("count-chars")))
uint32_t count_chars(const unsigned char *text, size_t len) {
    uint32_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if ((text[i] & 0xC0) != 0x80) n++;
    }
    heap_reset(); /* the argument is no longer needed and nothing is returned in memory */
    return n;
}
