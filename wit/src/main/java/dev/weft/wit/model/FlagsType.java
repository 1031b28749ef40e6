package dev.weft.wit.model;

import java.util.List;

/** {@code flags { names }}. */
public record FlagsType(List<Name> flags) implements WitType {
  public FlagsType {
    flags = List.copyOf(flags);
  }

  @Override
  public Kind kind() {
    return Kind.FLAGS;
  }
}
