package dev.weft.wit.resolve;

import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.WorldId;
import java.util.Optional;

/**
 * What a package-level name stands for: an interface, a world, an item a feature gate left out, an
 * item not resolved yet (so a reference of the wrong kind still gets a precise message), or an item
 * that failed to resolve (already reported, so lookups stay quiet).
 */
record ItemRef(State state, Optional<InterfaceId> iface, Optional<WorldId> world) {
  enum State {
    INTERFACE,
    WORLD,
    EXCLUDED_INTERFACE,
    EXCLUDED_WORLD,
    PENDING_INTERFACE,
    PENDING_WORLD,
    FAILED
  }

  static ItemRef of(InterfaceId id) {
    return new ItemRef(State.INTERFACE, Optional.of(id), Optional.empty());
  }

  static ItemRef of(WorldId id) {
    return new ItemRef(State.WORLD, Optional.empty(), Optional.of(id));
  }

  static ItemRef of(State state) {
    return new ItemRef(state, Optional.empty(), Optional.empty());
  }
}
