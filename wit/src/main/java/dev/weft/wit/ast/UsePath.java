package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import java.util.Optional;

/**
 * The name of an interface or world: {@code name} in the same package, or {@code
 * ns:pkg/name@version} in another one.
 */
public sealed interface UsePath {
  /** The interface's or world's own name (the last segment). */
  Ident name();

  /** Where the whole path is. */
  Span span();

  /** Whether this names something in another package. */
  boolean foreign();

  /** {@code name}: an item of the current package, or a name a top-level {@code use} brought in. */
  record Local(Ident name) implements UsePath {
    @Override
    public Span span() {
      return name.span();
    }

    @Override
    public boolean foreign() {
      return false;
    }
  }

  /** {@code ns:pkg/name@version}. */
  record Foreign(Ident namespace, Ident pkg, Ident name, Optional<String> version, Span span)
      implements UsePath {
    @Override
    public boolean foreign() {
      return true;
    }

    /** {@code ns:pkg@version}, as package names print. */
    public String packageText() {
      return namespace.name() + ":" + pkg.name() + version.map(v -> "@" + v).orElse("");
    }
  }
}
