package dev.weft.flows.model;

/** One step into a value, resolved to an index: a record field's position or a list index. */
public sealed interface Step {
  /** The record field at {@code index} (named {@code name}, for messages). */
  record FieldStep(int index, String name) implements Step {}

  /** The element at {@code index} of a list or tuple; lists are bounds-checked at run time. */
  record IndexStep(int index) implements Step {}
}
