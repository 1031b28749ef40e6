/**
 * The checked flow, the only thing the engine sees: components, typed inputs, nodes in
 * topological order with their arguments bound to inputs, other nodes' results and constants,
 * and the output record. A {@link dev.weft.flows.model.FlowGraph} that exists has passed every
 * check: it cannot fail on a type mismatch at run time.
 */
package dev.weft.flows.model;
