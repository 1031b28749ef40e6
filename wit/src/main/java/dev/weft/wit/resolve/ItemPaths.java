package dev.weft.wit.resolve;

import dev.weft.wit.ast.UsePath;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.WorldId;
import java.util.Optional;

/** Resolves the interface and world names written in one file (after its top-level uses). */
interface ItemPaths {
  /** The interface {@code path} names, or empty after reporting why not. */
  Optional<InterfaceId> iface(UsePath path);

  /** The world {@code path} names, or empty after reporting why not. */
  Optional<WorldId> world(UsePath path);
}
