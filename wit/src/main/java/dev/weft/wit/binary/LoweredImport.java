package dev.weft.wit.binary;

import dev.weft.wit.model.Function;

/**
 * A host function the component imports and lowers into a core function: {@code instance} is the
 * imported instance's name ({@code wasi:cli/environment@0.2.0}), empty for a function the world
 * imports directly.
 */
public record LoweredImport(String instance, Function function, PlanOptions options) {
  public LoweredImport {
    java.util.Objects.requireNonNull(instance, "instance");
    java.util.Objects.requireNonNull(function, "function");
    java.util.Objects.requireNonNull(options, "options");
  }

  /** The import's display key: {@code instance#function}, or the function name alone. */
  public String key() {
    return instance.isEmpty() ? function.name() : instance + "#" + function.name();
  }
}
