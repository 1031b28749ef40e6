package dev.weft.wit.model;

import java.util.Optional;

/** Where a type definition was declared: an interface, a world, or nowhere (anonymous). */
public record TypeOwner(Optional<InterfaceId> iface, Optional<WorldId> world) {
  /** Declared by neither an interface nor a world. */
  public static final TypeOwner NONE = new TypeOwner(Optional.empty(), Optional.empty());

  public TypeOwner {
    if (iface.isPresent() && world.isPresent()) {
      throw new IllegalArgumentException("a type has one owner");
    }
  }

  public static TypeOwner of(InterfaceId id) {
    return new TypeOwner(Optional.of(id), Optional.empty());
  }

  public static TypeOwner of(WorldId id) {
    return new TypeOwner(Optional.empty(), Optional.of(id));
  }
}
