package dev.weft.wit.model;

import java.util.Objects;

/** {@code own<R>}: a handle to the resource defined by {@code resource}. */
public record Own(TypeId resource) implements WitType {
  public Own {
    Objects.requireNonNull(resource, "resource");
  }

  @Override
  public Kind kind() {
    return Kind.OWN;
  }
}
