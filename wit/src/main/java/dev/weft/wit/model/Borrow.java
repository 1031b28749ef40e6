package dev.weft.wit.model;

import java.util.Objects;

/** {@code borrow<R>}: a handle to the resource defined by {@code resource}. */
public record Borrow(TypeId resource) implements WitType {
  public Borrow {
    Objects.requireNonNull(resource, "resource");
  }

  @Override
  public Kind kind() {
    return Kind.BORROW;
  }
}
