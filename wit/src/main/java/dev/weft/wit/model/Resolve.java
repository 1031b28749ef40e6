package dev.weft.wit.model;

import java.util.List;
import java.util.Optional;

/**
 * A set of resolved WIT packages: arenas of packages, interfaces, worlds and types, where types
 * are kept in topological order (a type only refers to types before it).
 */
public record Resolve(
    List<WitPackage> packages, List<Interface> interfaces, List<World> worlds, List<TypeDef> types)
    implements TypeTable {
  public Resolve {
    packages = List.copyOf(packages);
    interfaces = List.copyOf(interfaces);
    worlds = List.copyOf(worlds);
    types = List.copyOf(types);
  }

  @Override
  public TypeDef type(TypeId id) {
    if (id.index() >= types.size()) {
      throw new IllegalArgumentException("no type " + id.index() + " in this resolve");
    }
    return types.get(id.index());
  }

  /** The package called {@code name}, if this resolve has it. */
  public Optional<PackageId> findPackage(PackageName name) {
    for (int i = 0; i < packages.size(); i++) {
      if (packages.get(i).name().equals(name)) {
        return Optional.of(new PackageId(i));
      }
    }
    return Optional.empty();
  }

  public WitPackage pkg(PackageId id) {
    return packages.get(id.index());
  }

  public Interface iface(InterfaceId id) {
    return interfaces.get(id.index());
  }

  public World world(WorldId id) {
    return worlds.get(id.index());
  }
}
