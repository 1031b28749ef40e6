package dev.weft.wit.model;

import java.util.Objects;

/** {@code list<T, N>}: a list of exactly {@code size} elements (the spec's fixed-length lists). */
public record FixedListType(WitType element, int size) implements WitType {
  public FixedListType {
    Objects.requireNonNull(element, "element");
    if (size < 0) {
      throw new IllegalArgumentException("negative fixed list size " + size);
    }
  }

  @Override
  public Kind kind() {
    return Kind.FIXED_LIST;
  }
}
