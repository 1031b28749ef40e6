package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The key of a world import or export: a plain name ({@code import foo: func();}, {@code export
 * api: interface {..}}) or an interface named by its package path ({@code import wasi:io/streams;}).
 */
public record WorldKey(Optional<String> name, Optional<InterfaceId> iface) {
  public WorldKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(iface, "iface");
    if (name.isPresent() == iface.isPresent()) {
      throw new IllegalArgumentException("a world key is either a name or an interface");
    }
  }

  public static WorldKey of(String name) {
    return new WorldKey(Optional.of(name), Optional.empty());
  }

  public static WorldKey of(InterfaceId id) {
    return new WorldKey(Optional.empty(), Optional.of(id));
  }
}
