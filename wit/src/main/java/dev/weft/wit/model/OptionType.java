package dev.weft.wit.model;

import java.util.Objects;

/** {@code option<T>}. */
public record OptionType(WitType some) implements WitType {
  public OptionType {
    Objects.requireNonNull(some, "some");
  }

  @Override
  public Kind kind() {
    return Kind.OPTION;
  }
}
