package dev.weft.wit.model;

import java.util.Objects;

/** A reference to a type definition; look it up in the {@link TypeTable} it belongs to. */
public record Named(TypeId id) implements WitType {
  public Named {
    Objects.requireNonNull(id, "id");
  }

  @Override
  public Kind kind() {
    return Kind.NAMED;
  }
}
