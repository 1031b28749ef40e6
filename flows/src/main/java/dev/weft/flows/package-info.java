/**
 * The flow language: {@link dev.weft.flows.Flows} reads a YAML flow, checks it against the WIT of
 * its components and gives the {@link dev.weft.flows.model.FlowGraph} the engine runs.
 */
package dev.weft.flows;
