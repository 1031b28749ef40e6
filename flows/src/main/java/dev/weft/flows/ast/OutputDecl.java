package dev.weft.flows.ast;

/** {@code output: name: expr}: a field of the flow's output record. */
public record OutputDecl(Ident name, Expr value) {}
