/*
 * The "spin" guest component: pure computation, no memory, no imports. Every parameter and result
 * is a scalar, so the core signatures are the flat canonical-ABI ones and no allocator is needed.
 */
#include <stdint.h>

__attribute__((export_name("work")))
uint64_t work(uint64_t seed, uint32_t rounds) {
    uint64_t x = seed ? seed : 0x9E3779B97F4A7C15ull;
    for (uint32_t i = 0; i < rounds; i++) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        x *= 0x2545F4914F6CDD1Dull;
    }
    return x;
}

static uint32_t calls;

__attribute__((export_name("counter")))
uint32_t counter(void) {
    return ++calls;
}

static volatile uint32_t sink;

__attribute__((export_name("forever")))
uint32_t forever(void) {
    for (;;) {
        sink++;
    }
}
