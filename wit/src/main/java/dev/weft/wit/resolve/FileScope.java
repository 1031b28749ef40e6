package dev.weft.wit.resolve;

import dev.weft.wit.ast.Ident;
import dev.weft.wit.ast.UsePath;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Suggestions;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.WorldId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How interface and world names resolve in one file: the package's own items (as far as they are
 * resolved yet), the file's top-level {@code use} names, and {@code ns:pkg/name} paths into
 * packages resolved before this one.
 */
final class FileScope implements ItemPaths {
  private final ResolveBuilder arenas;
  private final Map<String, ItemRef> items;
  private final Map<String, UsePath> topUses;
  private final Map<String, String> kinds;
  private final Diagnostics diags;

  /**
   * @param items this package's items by name, filled in as they resolve (shared, live)
   * @param topUses this file's top-level {@code use} names and what they name
   * @param kinds "interface" or "world" for each item of the package, resolved or not
   */
  FileScope(
      ResolveBuilder arenas,
      Map<String, ItemRef> items,
      Map<String, UsePath> topUses,
      Map<String, String> kinds,
      Diagnostics diags) {
    this.arenas = arenas;
    this.items = items;
    this.topUses = topUses;
    this.kinds = kinds;
    this.diags = diags;
  }

  @Override
  public Optional<InterfaceId> iface(UsePath path) {
    Optional<ItemRef> ref = find(path);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    return switch (ref.get().state()) {
      case INTERFACE -> ref.get().iface();
      case PENDING_INTERFACE, FAILED -> Optional.empty();
      case WORLD, PENDING_WORLD -> {
        diags.error(
            "WIT0143",
            "name `" + path.name().name() + "` is defined as a world, not an interface",
            path.name().span(),
            "worlds can be included by other worlds, not imported, exported or used");
        yield Optional.empty();
      }
      case EXCLUDED_INTERFACE, EXCLUDED_WORLD -> excluded(path, "interface");
    };
  }

  /** Checks what a top-level {@code use} names: an interface, never a world. */
  void topUse(UsePath path) {
    Optional<ItemRef> ref = find(path, false);
    ItemRef.State state = ref.map(ItemRef::state).orElse(ItemRef.State.FAILED);
    if (state == ItemRef.State.WORLD || state == ItemRef.State.PENDING_WORLD) {
      diags.error(
          "WIT0143",
          "name `" + path.name().name() + "` is defined as a world, not an interface",
          path.name().span(),
          "a top-level `use` names an interface; worlds are included by other worlds");
    }
  }

  @Override
  public Optional<WorldId> world(UsePath path) {
    Optional<ItemRef> ref = find(path);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    return switch (ref.get().state()) {
      case WORLD -> ref.get().world();
      case PENDING_WORLD, FAILED -> Optional.empty();
      case INTERFACE, PENDING_INTERFACE -> {
        diags.error(
            "WIT0143",
            "name `" + path.name().name() + "` is defined as an interface, not a world",
            path.name().span(),
            "`include` takes a world");
        yield Optional.empty();
      }
      case EXCLUDED_INTERFACE, EXCLUDED_WORLD -> excluded(path, "world");
    };
  }

  private <T> Optional<T> excluded(UsePath path, String what) {
    diags.error(
        "WIT0106",
        String.format(InterfaceResolver.EXCLUDED, what),
        path.name().span(),
        "enable its feature, or gate this item with the same `@unstable` feature");
    return Optional.empty();
  }

  /** What {@code path} names, or empty after reporting that it names nothing. */
  private Optional<ItemRef> find(UsePath path) {
    return find(path, true);
  }

  /** A top-level {@code use foo as bar;} names a package item: its target skips the uses. */
  private Optional<ItemRef> find(UsePath path, boolean throughUses) {
    if (path instanceof UsePath.Local local) {
      Ident name = local.name();
      UsePath viaUse = throughUses ? topUses.get(name.name()) : null;
      if (viaUse != null) {
        return find(viaUse, false);
      }
      ItemRef ref = items.get(name.name());
      if (ref == null && kinds.containsKey(name.name())) {
        // Declared but not resolved yet: only a reference of the wrong kind gets here (ordering
        // follows references of the right kind), or one into a reported cycle.
        return Optional.of(
            ItemRef.of(
                kinds.get(name.name()).equals("world")
                    ? ItemRef.State.PENDING_WORLD
                    : ItemRef.State.PENDING_INTERFACE));
      }
      if (ref == null) {
        List<String> known = new ArrayList<>(items.keySet());
        known.addAll(topUses.keySet());
        diags.error(
            "WIT0144",
            "interface or world `" + name.name() + "` does not exist",
            name.span(),
            Suggestions.didYouMean(name.name(), known).orElse(null));
        return Optional.empty();
      }
      return Optional.of(ref);
    }
    return foreign((UsePath.Foreign) path);
  }

  private Optional<ItemRef> foreign(UsePath.Foreign path) {
    PackageName name = new PackageName(path.namespace().name(), path.pkg().name(), path.version());
    PackageId pkg = arenas.packageNames.get(name);
    if (pkg == null && arenas.declared.contains(name)) {
      return Optional.empty(); // declared but not resolvable: its cycle was reported already
    }
    if (pkg == null) {
      TreeSet<String> known = new TreeSet<>();
      arenas.packageNames.keySet().forEach(n -> known.add(n.toString()));
      diags.error(
          "WIT0145",
          "package `" + name + "` not found",
          path.span(),
          known.isEmpty()
              ? "add it as a dependency under `deps/`"
              : "known packages: " + String.join(", ", known));
      return Optional.empty();
    }
    if (pkg.equals(arenas.resolving)) {
      return Optional.empty(); // a package naming itself: reported as a cycle already
    }
    InterfaceId iface = arenas.packages.get(pkg.index()).interfaces().get(path.name().name());
    if (iface != null) {
      return Optional.of(ItemRef.of(iface));
    }
    WorldId world = arenas.packages.get(pkg.index()).worlds().get(path.name().name());
    if (world != null) {
      return Optional.of(ItemRef.of(world));
    }
    ItemRef excluded = arenas.excludedItem(pkg, path.name().name());
    if (excluded != null) {
      return Optional.of(excluded);
    }
    diags.error(
        "WIT0144",
        "interface or world `" + path.name().name() + "` does not exist in package `" + name + "`",
        path.name().span(),
        Suggestions.didYouMean(
            path.name().name(), arenas.packages.get(pkg.index()).interfaces().keySet()).orElse(null));
    return Optional.empty();
  }
}
