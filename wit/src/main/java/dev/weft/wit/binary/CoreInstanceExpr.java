package dev.weft.wit.binary;

import java.util.List;

/** A core instance definition (Binary.md {@code core:instanceexpr}). */
public sealed interface CoreInstanceExpr {
  /** {@code (instantiate module (with name (instance i))*)}. */
  record Instantiate(int module, List<Arg> args) implements CoreInstanceExpr {}

  /** A bag of exports, {@code (export name (sort idx))*}. */
  record FromExports(List<Item> exports) implements CoreInstanceExpr {}

  /** {@code (with name (instance i))}. */
  record Arg(String name, int instance) {}

  /** A named core item. */
  record Item(String name, Sort.Idx item) {}
}
