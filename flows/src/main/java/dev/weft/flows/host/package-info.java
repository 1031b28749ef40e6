/**
 * The {@code grants:} section of a component declaration: which {@code weft:host} interfaces a
 * component may import, and with what scope (KV buckets, HTTP hosts, configuration values); and
 * what it gets of WASI preview 1 ({@link dev.weft.flows.host.WasiGrant}: arguments, environment
 * variables, read-only folders resolved against the flow file by {@link
 * dev.weft.flows.host.WasiDirs}, {@code FLOW0406} when one does not exist).
 * Parsed with the rest of the flow ({@link dev.weft.flows.host.GrantsParser}, shape errors
 * {@code FLOW0401}); the engine checks a component's imports against its {@link
 * dev.weft.flows.host.Grants} when the flow is checked ({@code FLOW0402}). Deny by default: a
 * component without {@code grants:} gets no host interface.
 */
package dev.weft.flows.host;
