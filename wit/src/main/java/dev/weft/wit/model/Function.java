package dev.weft.wit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A WIT function: its name (for resource functions, the mangled name such as {@code
 * [method]blob.read}), parameters and optional result.
 */
public record Function(
    String name,
    FunctionKind kind,
    List<Param> params,
    Optional<WitType> result,
    Docs docs,
    Stability stability) {
  public Function {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    params = List.copyOf(params);
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(stability, "stability");
  }

  /** A freestanding function with no docs or gate. */
  public static Function of(String name, List<Param> params, Optional<WitType> result) {
    return new Function(name, FunctionKind.FREESTANDING, params, result, Docs.NONE, Stability.UNKNOWN);
  }
}
