package dev.weft.engine;

/**
 * The size of a component's instance pool at one moment, for metrics.
 *
 * @param max the most instances the pool may hold
 * @param live instances that exist or are being created
 * @param idle live instances waiting for a call
 * @param waiting calls queued for an instance
 */
public record PoolStats(int max, int live, int idle, int waiting) {}
