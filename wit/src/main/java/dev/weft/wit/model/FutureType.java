package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/** {@code future<T>} or a bare {@code future} (async values; typed here, not run). */
public record FutureType(Optional<WitType> element) implements WitType {
  public FutureType {
    Objects.requireNonNull(element, "element");
  }

  @Override
  public Kind kind() {
    return Kind.FUTURE;
  }
}
