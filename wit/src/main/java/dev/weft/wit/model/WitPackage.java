package dev.weft.wit.model;

import java.util.Map;
import java.util.Objects;

/** A WIT package: its name and the interfaces and worlds it declares. */
public record WitPackage(
    PackageName name, Docs docs, Map<String, InterfaceId> interfaces, Map<String, WorldId> worlds) {
  public WitPackage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(docs, "docs");
    interfaces = Ordered.copy(interfaces);
    worlds = Ordered.copy(worlds);
  }
}
