package dev.weft.flows.ast;

/** {@code input: name: type}: a typed input of the flow; {@code type} is WIT type syntax. */
public record InputDecl(Ident name, Ident type) {}
