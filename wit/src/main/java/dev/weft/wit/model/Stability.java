package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The feature gate of an item: {@code @since(version = ..)}, {@code @unstable(feature = ..)}, or
 * none, plus an optional {@code @deprecated(version = ..)}.
 */
public record Stability(Level level, Optional<String> value, Optional<String> deprecated) {
  /** No gate. */
  public static final Stability UNKNOWN =
      new Stability(Level.UNKNOWN, Optional.empty(), Optional.empty());

  /** What kind of gate applies. */
  public enum Level {
    UNKNOWN,
    STABLE,
    UNSTABLE
  }

  public Stability {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(deprecated, "deprecated");
  }
}
