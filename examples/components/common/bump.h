/*
 * A bump allocator for freestanding C guest components (no libc).
 *
 * The host allocates argument memory through the component's realloc export
 * (Canonical ABI "cabi_realloc"), and the guest allocates its results here
 * too. Nothing is freed one by one: heap_reset() drops everything once a
 * call's memory is dead, i.e. in the post-return function, or at the end of
 * an export whose results need no memory. So memory use does not grow across
 * calls.
 */
#ifndef WEFT_BUMP_H
#define WEFT_BUMP_H

#include <stddef.h>
#include <stdint.h>

#define WEFT_PAGE_SIZE 65536u

extern unsigned char __heap_base; /* end of static data and stack, provided by wasm-ld */

static uintptr_t weft_heap_next;

static inline void heap_reset(void) { weft_heap_next = (uintptr_t)&__heap_base; }

/* Returns `size` bytes aligned to `align` (a power of two); traps when memory cannot grow. */
static inline void *bump_alloc(size_t align, size_t size) {
    if (weft_heap_next == 0) heap_reset();
    if (align == 0) align = 1;
    uintptr_t start = (weft_heap_next + (align - 1)) & ~(uintptr_t)(align - 1);
    uintptr_t end = start + size;
    if (start < weft_heap_next || end < start) __builtin_trap(); /* wrapped past 4 GiB */
    uintptr_t limit = __builtin_wasm_memory_size(0) * WEFT_PAGE_SIZE;
    if (end > limit) {
        uintptr_t pages = (end - limit + WEFT_PAGE_SIZE - 1) / WEFT_PAGE_SIZE;
        if (__builtin_wasm_memory_grow(0, pages) == (size_t)-1) __builtin_trap();
    }
    weft_heap_next = end;
    return (void *)start;
}

static inline void copy_bytes(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    for (size_t i = 0; i < n; i++) d[i] = s[i];
}

/* The body of the Canonical ABI realloc(old_ptr, old_size, align, new_size). */
static inline void *bump_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    if (old_ptr != NULL && new_size <= old_size) return old_ptr;
    void *p = bump_alloc(align, new_size);
    if (old_ptr != NULL) copy_bytes(p, old_ptr, old_size);
    return p;
}

#endif
