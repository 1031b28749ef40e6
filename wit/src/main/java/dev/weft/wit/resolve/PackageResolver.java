package dev.weft.wit.resolve;

import dev.weft.wit.ast.Ident;
import dev.weft.wit.ast.Member;
import dev.weft.wit.ast.TopItem;
import dev.weft.wit.ast.UsePath;
import dev.weft.wit.ast.WorldMember;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.TypeOwner;
import dev.weft.wit.model.WitPackage;
import dev.weft.wit.model.WorldId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one package into the arenas: checks that its item names are unique, orders its
 * interfaces and worlds so each comes after the items it refers to (reporting cycles), and resolves
 * them in that order, each against the scope of the file it was written in.
 */
final class PackageResolver {
  /** One interface or world of the package and the file it came from. */
  private record Item(Ident name, TopItem decl, int unit) {}

  private final ResolveBuilder arenas;
  private final Gates gates;
  private final Diagnostics diags;
  private final UnresolvedPackage pkg;
  private final Map<String, ItemRef> resolved = new HashMap<>();
  private final List<FileScope> files = new ArrayList<>();

  PackageResolver(ResolveBuilder arenas, Gates gates, Diagnostics diags, UnresolvedPackage pkg) {
    this.arenas = arenas;
    this.gates = gates;
    this.diags = diags;
    this.pkg = pkg;
  }

  void resolve() {
    PackageId id = new PackageId(arenas.packages.size());
    arenas.packages.add(new WitPackage(pkg.name(), pkg.docs(), Map.of(), Map.of()));
    arenas.packageNames.put(pkg.name(), id);
    arenas.resolving = id;
    List<Item> items = items();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      index.putIfAbsent(items.get(i).name().name(), i);
    }
    Map<String, String> kinds = new HashMap<>();
    for (Item item : items) {
      kinds.put(
          item.name().name(), item.decl() instanceof TopItem.WorldDecl ? "world" : "interface");
    }
    for (int u = 0; u < pkg.units().size(); u++) {
      files.add(
          new FileScope(arenas, resolved, topUses(pkg.units().get(u), items, u), kinds, diags));
    }
    List<List<TopoSort.Edge>> deps = new ArrayList<>();
    for (Item item : items) {
      deps.add(ItemDeps.of(item.decl(), pkg.units().get(item.unit()), index, kinds));
    }
    List<Integer> order =
        TopoSort.sort(
            deps,
            (from, edge) -> {
              diags.error(
                  "WIT0142",
                  "interface or world `"
                      + items.get(edge.to()).name().name()
                      + "` depends on itself",
                  edge.span(),
                  "break the cycle of `use` and `include` between these items");
              resolved.put(items.get(from).name().name(), ItemRef.of(ItemRef.State.FAILED));
            });
    Map<String, InterfaceId> interfaces = new LinkedHashMap<>();
    Map<String, WorldId> worlds = new LinkedHashMap<>();
    for (int i : order) {
      Item item = items.get(i);
      if (resolved.get(item.name().name()) == null) {
        resolveItem(id, item);
      }
    }
    for (Item item : items) {
      ItemRef ref = resolved.get(item.name().name());
      if (ref != null) {
        ref.iface().ifPresent(x -> interfaces.put(item.name().name(), x));
        ref.world().ifPresent(x -> worlds.put(item.name().name(), x));
      }
    }
    arenas.packages.set(id.index(), new WitPackage(pkg.name(), pkg.docs(), interfaces, worlds));
    checkTopUses();
  }

  /** Every top-level {@code use} must name an interface, whether or not anything uses it. */
  private void checkTopUses() {
    for (int u = 0; u < pkg.units().size(); u++) {
      for (TopItem t : pkg.units().get(u).items()) {
        if (t instanceof TopItem.TopUse use) {
          files.get(u).topUse(use.path());
        }
      }
    }
  }

  private void resolveItem(PackageId id, Item item) {
    FileScope scope = files.get(item.unit());
    if (item.decl() instanceof TopItem.InterfaceDecl decl) {
      Gates.Gate gate = gates.of(decl.attributes(), pkg.name());
      if (!gate.included()) {
        excluded(id, item.name(), ItemRef.State.EXCLUDED_INTERFACE, "interface", decl.members());
        return;
      }
      InterfaceId iface = arenas.reserveInterface();
      resolved.put(item.name().name(), ItemRef.of(iface));
      Body body = body(TypeOwner.of(iface), scope);
      InterfaceResolver.Result r = new InterfaceResolver(body).resolve(decl.members());
      arenas.interfaces.set(
          iface.index(),
          new Interface(
              Optional.of(decl.name().name()),
              r.types(),
              r.functions(),
              Optional.of(id),
              decl.docs(),
              gate.stability()));
    } else {
      TopItem.WorldDecl decl = (TopItem.WorldDecl) item.decl();
      Gates.Gate gate = gates.of(decl.attributes(), pkg.name());
      if (!gate.included()) {
        List<Member> shared = new ArrayList<>();
        decl.members().stream()
            .filter(m -> m instanceof WorldMember.Shared)
            .forEach(m -> shared.add(((WorldMember.Shared) m).member()));
        excluded(id, item.name(), ItemRef.State.EXCLUDED_WORLD, "world", shared);
        return;
      }
      WorldId world = arenas.reserveWorld();
      Body body = body(TypeOwner.of(world), scope);
      arenas.worlds.set(
          world.index(), new WorldResolver(body).resolve(decl, gate, Optional.of(id)));
      resolved.put(item.name().name(), ItemRef.of(world));
    }
  }

  /**
   * An item left out by its gate. Its types must be gated too: a type that is not would look
   * available to users of the package while its container is not (wit-parser rejects it too).
   */
  private void excluded(
      PackageId id, Ident name, ItemRef.State state, String what, List<Member> members) {
    ItemRef ref = ItemRef.of(state);
    resolved.put(name.name(), ref);
    arenas.excludedItem(id, name.name(), ref);
    for (Member m : members) {
      if (m instanceof Member.TypeDecl t && gates.of(t.attributes(), pkg.name()).included()) {
        diags.error(
            "WIT0120",
            "type `" + t.name().name() + "` is not gated by a feature but its " + what + " is",
            t.name().span(),
            "gate the type with the same `@unstable` feature as its " + what);
      }
    }
  }

  private Body body(TypeOwner owner, FileScope scope) {
    return new Body(arenas, new LocalScope(arenas), owner, pkg.name(), gates, scope, diags);
  }

  /** The interfaces and worlds of every file, checking that no name is used twice. */
  private List<Item> items() {
    List<Item> out = new ArrayList<>();
    Map<String, Ident> seen = new HashMap<>();
    for (int u = 0; u < pkg.units().size(); u++) {
      for (TopItem t : pkg.units().get(u).items()) {
        Ident name =
            switch (t.form()) {
              case INTERFACE -> ((TopItem.InterfaceDecl) t).name();
              case WORLD -> ((TopItem.WorldDecl) t).name();
              case USE, PACKAGE -> null;
            };
        if (name == null) {
          continue;
        }
        if (seen.putIfAbsent(name.name(), name) != null) {
          diags.error(
              "WIT0140",
              "duplicate item named `" + name.name() + "`",
              name.span(),
              "interfaces and worlds of a package need distinct names");
          continue;
        }
        out.add(new Item(name, t, u));
      }
    }
    return out;
  }

  /**
   * A file's top-level {@code use} names; they must not clash with the items declared in the same
   * file, where they shadow the package's item names.
   */
  private Map<String, UsePath> topUses(UnresolvedPackage.Unit unit, List<Item> items, int u) {
    Map<String, UsePath> uses = new HashMap<>();
    java.util.Set<String> local = new java.util.HashSet<>();
    items.stream().filter(i -> i.unit() == u).forEach(i -> local.add(i.name().name()));
    for (TopItem t : unit.items()) {
      if (t instanceof TopItem.TopUse use) {
        Ident name = use.localName();
        if (local.contains(name.name()) || uses.containsKey(name.name())) {
          diags.error(
              "WIT0141",
              "duplicate name `" + name.name() + "` in this file",
              name.span(),
              "rename it with `use ... as other-name;`");
          continue;
        }
        uses.put(name.name(), use.path());
      }
    }
    return uses;
  }
}
