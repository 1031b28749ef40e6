package dev.weft.engine.host;

import dev.weft.flows.builtin.HostPackage;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Resolve;
import java.util.Optional;

/**
 * The {@code weft:host} WIT that imports are checked against: the flows module's {@link
 * HostPackage}, the one copy that built-in nodes are typed with too. Immutable and thread-safe.
 */
final class HostWit {
  private static final HostWit INSTANCE = new HostWit(HostPackage.get());

  private final HostPackage pkg;

  private HostWit(HostPackage pkg) {
    this.pkg = pkg;
  }

  static HostWit get() {
    return INSTANCE;
  }

  /** The types of {@link #function}s. */
  Resolve types() {
    return pkg.types();
  }

  /** The host's function with import key {@code key} ({@code weft:host/kv@0.1.0#get}). */
  Optional<Function> function(String key) {
    return Optional.ofNullable(pkg.functions().get(key));
  }
}
