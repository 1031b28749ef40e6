/**
 * Instance pools: per component, instances that serve one call at a time, grown on demand to a
 * bound, with a bounded queue of callers beyond it (execution, "Instance pools" in the design).
 */
package dev.weft.engine.pool;
