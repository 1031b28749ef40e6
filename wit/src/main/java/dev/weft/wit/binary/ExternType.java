package dev.weft.wit.binary;

/** The type of an import or export (Binary.md {@code externtype}). */
public sealed interface ExternType {
  record CoreModule(int coreType) implements ExternType {}

  record Func(int type) implements ExternType {}

  record Value() implements ExternType {}

  /** {@code (type (eq i))}. */
  record TypeEq(int type) implements ExternType {}

  /** {@code (type (sub resource))}: a fresh abstract resource type. */
  record SubResource() implements ExternType {}

  record Component(int type) implements ExternType {}

  record Instance(int type) implements ExternType {}
}
