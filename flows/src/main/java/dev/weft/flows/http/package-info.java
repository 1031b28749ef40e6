/**
 * The {@code http:} section of a flow: a declared HTTP route. {@link dev.weft.flows.http.RouteParser}
 * reads it from the YAML tree (shape pass), {@link dev.weft.flows.http.RouteCheck} checks it against
 * the flow's typed inputs and outputs (type pass) and produces the {@link
 * dev.weft.flows.http.HttpRoute} that servers bind. Nothing here knows about a web framework.
 */
package dev.weft.flows.http;
