/**
 * The DAG scheduler: runs a planned flow on Vert.x, starting each node the moment its inputs are
 * ready and sending Wasm calls to worker threads (execution, "A run" in the design).
 */
package dev.weft.engine.sched;
