package dev.weft.wit.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A world: what a component imports and exports. */
public record World(
    String name,
    Map<WorldKey, WorldItem> imports,
    Map<WorldKey, WorldItem> exports,
    Optional<PackageId> pkg,
    Docs docs,
    Stability stability) {
  public World {
    Objects.requireNonNull(name, "name");
    imports = Ordered.copy(imports);
    exports = Ordered.copy(exports);
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(stability, "stability");
  }
}
