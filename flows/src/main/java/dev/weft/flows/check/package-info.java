/**
 * The checks of a parsed flow, in pipeline order after parsing: resolve names (components,
 * functions, nodes, inputs) and find cycles, then type-check every edge against the components'
 * WIT, producing the {@link dev.weft.flows.model.FlowGraph} the engine runs.
 */
package dev.weft.flows.check;
