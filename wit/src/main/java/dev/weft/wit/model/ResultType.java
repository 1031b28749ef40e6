package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/** {@code result<T, E>}; either side may be absent ({@code result}, {@code result<_, E>}). */
public record ResultType(Optional<WitType> ok, Optional<WitType> err) implements WitType {
  public ResultType {
    Objects.requireNonNull(ok, "ok");
    Objects.requireNonNull(err, "err");
  }

  @Override
  public Kind kind() {
    return Kind.RESULT;
  }
}
