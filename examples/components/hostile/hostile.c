/*
 * The "hostile" guest component: its core functions return values that break
 * the Canonical ABI's rules (component-model design/mvp/CanonicalABI.md), to
 * check that a host traps instead of reading out of bounds or making up
 * values. Each function says which rule it breaks; see README.md for the
 * trap expected. Core export names are wit-component's legacy ones.
 */

#include <stddef.h>
#include <stdint.h>

#include "bump.h"

#define EXPORT(name) __attribute__((export_name(name)))

typedef struct { uint32_t ptr, len; } pair32; /* the return area of a string or list */

static uint32_t memory_bytes(void) { return (uint32_t)__builtin_wasm_memory_size(0) * WEFT_PAGE_SIZE; }

/* Written afresh on each call, so one call's lie does not leak into the next. */
static pair32 ret_pair;
static uint64_t ret_words[4]; /* 8-aligned scratch for return areas */

static pair32 *return_pair(uint32_t ptr, uint32_t len) {
    ret_pair = (pair32){ptr, len};
    return &ret_pair;
}

/*
 * realloc lies too. Only the two realloc-* functions take arguments in memory, so the lie can be
 * unconditional: a string (alignment 1) gets a pointer past the end of memory, and a list<u32>
 * (alignment 4) an unaligned pointer. store_string_copy / store_list_into_range must trap.
 */
EXPORT("cabi_realloc") void *hostile_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {
    if (align == 1) return (void *)(uintptr_t)(memory_bytes() + 64);
    if (align == 4) return (unsigned char *)bump_alloc(4, new_size + 4) + 1;
    return bump_realloc(old_ptr, old_size, align, new_size);
}

/* load_string_from_range: trap_if(ptr + byte_length > len(memory)). */
EXPORT("string-out-of-bounds") pair32 *string_out_of_bounds(void) {
    return return_pair(memory_bytes() + 16, 4);
}

/* trap_if(byte_length > MAX_STRING_BYTE_LENGTH), and out of bounds as well. */
EXPORT("string-huge-length") pair32 *string_huge_length(void) {
    static const char text[] = "hi";
    return return_pair((uint32_t)(uintptr_t)text, 0x7fffffffu);
}

/* 0xfffffff0 + 0x20 = 0x1_0000_0010: in bounds only for a host whose check wraps at 32 bits. */
EXPORT("string-pointer-wraps") pair32 *string_pointer_wraps(void) {
    return return_pair(0xfffffff0u, 0x20);
}

/* The decode of the bytes as UTF-8 fails, which traps. */
EXPORT("string-invalid-utf8") pair32 *string_invalid_utf8(void) {
    static const unsigned char bytes[] = {'o', 'k', 0xff, 0xfe};
    return return_pair((uint32_t)(uintptr_t)bytes, sizeof bytes);
}

/* load_list_from_range: trap_if(ptr != align_to(ptr, alignment(elem_type))). */
EXPORT("list-unaligned") pair32 *list_unaligned(void) {
    static uint32_t words[3] = {1, 2, 3};
    return return_pair((uint32_t)(uintptr_t)words + 1, 2);
}

/* trap_if(ptr + length * elem_size > len(memory)), with length * 4 under MAX_LIST_BYTE_LENGTH. */
EXPORT("list-out-of-bounds") pair32 *list_out_of_bounds(void) {
    static uint32_t words[2] = {1, 2};
    return return_pair((uint32_t)(uintptr_t)words, 0x01000000u);
}

/* lift_flat_values: trap_if(ptr != align_to(ptr, alignment(tuple_type))). */
EXPORT("return-area-unaligned") uint32_t return_area_unaligned(void) {
    static const char text[] = "hi";
    unsigned char *area = (unsigned char *)ret_words + 1;
    pair32 value = {(uint32_t)(uintptr_t)text, 2};
    copy_bytes(area, &value, sizeof value); /* a valid string, at an unaligned address */
    return (uint32_t)(uintptr_t)area;
}

/* lift_flat_values: trap_if(ptr + elem_size(tuple_type) > len(memory)). */
EXPORT("return-area-out-of-bounds") uint32_t return_area_out_of_bounds(void) {
    return memory_bytes() - 4; /* the 8-byte area straddles the end */
}

/* load_variant: trap_if(case_index >= len(cases)). choice: u8 discriminant, payload at 4, size 12. */
EXPORT("bad-discriminant") uint8_t *bad_discriminant(void) {
    uint8_t *area = (uint8_t *)ret_words;
    for (int i = 0; i < 12; i++) area[i] = 0;
    area[0] = 7;
    return area;
}

/* lift_flat_variant (an enum is a variant without payloads): trap_if(case_index >= len(cases)). */
EXPORT("bad-enum") int32_t bad_enum(void) { return 3; }

/* option<u32>: u8 discriminant, payload at 4; discriminant 2 is neither none nor some. */
EXPORT("bad-option") uint8_t *bad_option(void) {
    uint8_t *area = (uint8_t *)ret_words;
    for (int i = 0; i < 8; i++) area[i] = 0;
    area[0] = 2;
    area[4] = 42;
    return area;
}

/* convert_i32_to_char: trap_if(0xD800 <= i <= 0xDFFF). */
EXPORT("char-surrogate") int32_t char_surrogate(void) { return 0xD800; }

/* convert_i32_to_char: trap_if(i >= 0x110000). */
EXPORT("char-too-big") int32_t char_too_big(void) { return 0x110000; }

/* convert_int_to_bool: bool(i), so 2 lifts as true. */
EXPORT("bad-bool") int32_t bad_bool(void) { return 2; }

/* unpack_flags_from_int reads one bit per label and ignores the rest: all three flags set. */
EXPORT("flags-extra-bits") int32_t flags_extra_bits(void) { return 0xff; }

EXPORT("realloc-out-of-bounds") uint32_t realloc_out_of_bounds(const unsigned char *ptr, uint32_t len) {
    (void)ptr;
    heap_reset();
    return len;
}

EXPORT("realloc-unaligned") uint32_t realloc_unaligned(const uint32_t *ptr, uint32_t len) {
    (void)ptr;
    heap_reset();
    return len;
}

EXPORT("ok") uint32_t ok(void) { return 42; }
