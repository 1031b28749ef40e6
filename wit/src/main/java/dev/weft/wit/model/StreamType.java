package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/** {@code stream<T>} or a bare {@code stream} (async values; typed here, not run). */
public record StreamType(Optional<WitType> element) implements WitType {
  public StreamType {
    Objects.requireNonNull(element, "element");
  }

  @Override
  public Kind kind() {
    return Kind.STREAM;
  }
}
