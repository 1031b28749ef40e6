/**
 * Built-in nodes: {@code call: kv.get}, {@code call: http.request}, {@code call: log}... nodes
 * that a flow writes without declaring a component. Their parameters and results come from the
 * {@code weft:host} WIT ({@link dev.weft.flows.builtin.HostPackage}, the one copy of it, which the
 * engine also reads), so they are checked like any component call; the engine runs them as
 * non-blocking Futures. The names {@code kv}, {@code http}, {@code clock}, {@code random} and
 * {@code log} are reserved: no component may be declared with them.
 */
package dev.weft.flows.builtin;
