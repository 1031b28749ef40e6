package dev.weft.wit.resolve;

import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeOwner;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitPackage;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arenas of a {@link Resolve} while it is being built. Ids are handed out before their items
 * are complete (a type needs its interface's id as owner), so the interface and world slots are
 * filled in later; {@link #build} checks that none was left empty.
 */
final class ResolveBuilder implements TypeTable {
  final List<WitPackage> packages = new ArrayList<>();
  final List<Interface> interfaces = new ArrayList<>();
  final List<World> worlds = new ArrayList<>();
  final List<TypeDef> types = new ArrayList<>();
  final Map<PackageName, PackageId> packageNames = new HashMap<>();

  /** Every package parsed, resolved or not: a missing one that was declared failed elsewhere. */
  final Set<PackageName> declared = new HashSet<>();

  /** The texts spans point into, to say where a suggested name is defined; may be empty. */
  SourceMap sources = new SourceMap();

  /** The package being resolved, whose items are not all in the arenas yet. */
  PackageId resolving;

  private final Map<TypeOwner, Set<String>> excluded = new HashMap<>();

  /** Records that a feature gate left {@code name} out of {@code owner}. */
  void excluded(TypeOwner owner, String name) {
    excluded.computeIfAbsent(owner, o -> new HashSet<>()).add(name);
  }

  private final Map<PackageId, Map<String, ItemRef>> excludedItems = new HashMap<>();

  /** Records that a feature gate left the interface or world {@code name} out of {@code pkg}. */
  void excludedItem(PackageId pkg, String name, ItemRef ref) {
    excludedItems.computeIfAbsent(pkg, p -> new HashMap<>()).put(name, ref);
  }

  /** The excluded item {@code name} of {@code pkg}, or null. */
  ItemRef excludedItem(PackageId pkg, String name) {
    return excludedItems.getOrDefault(pkg, Map.of()).get(name);
  }

  /** Whether a feature gate left {@code name} out of interface {@code id}. */
  boolean isExcluded(InterfaceId id, String name) {
    return excluded.getOrDefault(TypeOwner.of(id), Set.of()).contains(name);
  }

  @Override
  public TypeDef type(TypeId id) {
    return types.get(id.index());
  }

  private final List<Boolean> borrows = new ArrayList<>();

  /**
   * Adds a type. Whether it contains a {@code borrow} is worked out now, from the flags of the
   * earlier types it names: the arena is in topological order, so no check ever recurses along a
   * chain of named types (a chain of thousands of aliases must not overflow the stack).
   */
  TypeId addType(TypeDef def) {
    borrows.add(new BorrowFinder(this).contains(def.definition()));
    types.add(def);
    return new TypeId(types.size() - 1);
  }

  /** Whether type {@code id} contains a {@code borrow<T>}, through named types too. */
  boolean hasBorrow(TypeId id) {
    return borrows.get(id.index());
  }

  InterfaceId reserveInterface() {
    interfaces.add(null);
    return new InterfaceId(interfaces.size() - 1);
  }

  WorldId reserveWorld() {
    worlds.add(null);
    return new WorldId(worlds.size() - 1);
  }

  Interface iface(InterfaceId id) {
    return interfaces.get(id.index());
  }

  World world(WorldId id) {
    return worlds.get(id.index());
  }

  /** The finished arenas. */
  Resolve build() {
    if (interfaces.contains(null) || worlds.contains(null)) {
      throw new IllegalStateException("an interface or world id was reserved but never filled");
    }
    return new Resolve(packages, interfaces, worlds, types);
  }
}
