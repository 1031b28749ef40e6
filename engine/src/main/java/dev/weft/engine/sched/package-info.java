/**
 * The DAG scheduler: runs a planned flow on Vert.x, starting each node the moment its inputs are
 * ready, sending Wasm calls to worker threads and running built-in nodes as Futures that hold no
 * thread (execution, "A run" in the design).
 */
package dev.weft.engine.sched;
