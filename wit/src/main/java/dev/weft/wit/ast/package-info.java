/**
 * The second pass: {@link dev.weft.wit.ast.WitParser} turns tokens into a syntax tree of records
 * that keep the span of every name and type, so the resolver can point at the exact place of a
 * problem. Nothing here knows what a name refers to. Spec: WIT.md "Top-level items" to "Types".
 */
package dev.weft.wit.ast;
