package dev.weft.wit.binary;

import java.util.List;

/** A component instance definition (Binary.md {@code instanceexpr}). */
public sealed interface InstanceExpr {
  /** {@code (instantiate component (with name item)*)}. */
  record Instantiate(int component, List<Item> args) implements InstanceExpr {}

  /** A bag of exports. */
  record FromExports(List<Item> exports) implements InstanceExpr {}

  /** A named item. */
  record Item(String name, Sort.Idx item) {}
}
