/**
 * The syntax of a flow: what the file says, with the {@link dev.weft.wit.diag.Span} of every
 * part, before names are resolved or types checked. Built by {@link dev.weft.flows.ast.FlowParser}
 * from the YAML tree; read by the checks in {@code dev.weft.flows.check}.
 */
package dev.weft.flows.ast;
