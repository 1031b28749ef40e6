/*
 * The two libc functions that clang may emit calls to for struct copies and zeroing, for guests
 * built without libc. Compiled with -fno-builtin, so these loops are not themselves turned back into
 * calls to memcpy/memset.
 */
#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    for (size_t i = 0; i < n; i++) d[i] = s[i];
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    for (size_t i = 0; i < n; i++) d[i] = (unsigned char)c;
    return dst;
}
