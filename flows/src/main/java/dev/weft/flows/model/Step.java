package dev.weft.flows.model;

/** One step into a value, resolved to an index: a record field's position or a list index. */
public sealed interface Step {
  /** The record field at {@code index} (named {@code name}, for messages). */
  record FieldStep(int index, String name) implements Step {}

  /**
   * {@code .ok} or {@code .err} of a result, {@code .some} of an option: the payload when the
   * value is that case, else a run-time failure naming the case it is ({@code other} is the type
   * of the other case's payload, for the message).
   */
  record CaseStep(String name, java.util.Optional<Typed> other) implements Step {}

  /** The element at {@code index} of a list or tuple; lists are bounds-checked at run time. */
  record IndexStep(int index) implements Step {}
}
