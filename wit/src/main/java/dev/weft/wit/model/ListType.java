package dev.weft.wit.model;

import java.util.Objects;

/** {@code list<T>}. */
public record ListType(WitType element) implements WitType {
  public ListType {
    Objects.requireNonNull(element, "element");
  }

  @Override
  public Kind kind() {
    return Kind.LIST;
  }
}
