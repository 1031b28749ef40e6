package dev.weft.wit.model;

import java.util.List;

/** {@code enum { cases }}. */
public record EnumType(List<Name> cases) implements WitType {
  public EnumType {
    cases = List.copyOf(cases);
  }

  @Override
  public Kind kind() {
    return Kind.ENUM;
  }
}
