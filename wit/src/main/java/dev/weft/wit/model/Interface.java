package dev.weft.wit.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An interface: named types and functions. Anonymous for interfaces declared inline in a world.
 */
public record Interface(
    Optional<String> name,
    Map<String, TypeId> types,
    Map<String, Function> functions,
    Optional<PackageId> pkg,
    Docs docs,
    Stability stability) {
  public Interface {
    Objects.requireNonNull(name, "name");
    types = Ordered.copy(types);
    functions = Ordered.copy(functions);
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(stability, "stability");
  }
}
