package dev.weft.wit.decode;

import dev.weft.wit.model.Docs;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.Stability;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.WitPackage;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldId;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arenas of a decoded {@link Resolve} while they are filled: interfaces and worlds are mutable
 * until {@link #finish} freezes them, because a type needs its interface's id before the interface
 * is complete, and foreign interfaces grow as later imports mention more of them.
 */
final class DecodeArenas {
  /** An interface being decoded. */
  static final class Iface {
    final Optional<String> name;
    final Map<String, TypeId> types = new LinkedHashMap<>();
    final Map<String, Function> functions = new LinkedHashMap<>();
    Docs docs = Docs.NONE;
    Stability stability = Stability.UNKNOWN;

    /** The package, once known: foreign interfaces get theirs at creation, others in finish. */
    String pkg;

    Iface(Optional<String> name) {
      this.name = name;
    }
  }

  /** A world being decoded. */
  static final class WorldB {
    final String name;
    final Map<WorldKey, WorldItem> imports = new LinkedHashMap<>();
    final Map<WorldKey, WorldItem> exports = new LinkedHashMap<>();
    Docs docs = Docs.NONE;
    Stability stability = Stability.UNKNOWN;
    String pkg;

    WorldB(String name) {
      this.name = name;
    }
  }

  /** A package being decoded: its name and the interfaces and worlds it holds. */
  static final class Pkg {
    final PackageName name;
    final Map<String, InterfaceId> interfaces = new LinkedHashMap<>();
    final Map<String, WorldId> worlds = new LinkedHashMap<>();
    Docs docs = Docs.NONE;

    Pkg(PackageName name) {
      this.name = name;
    }
  }

  final List<TypeDef> types = new ArrayList<>();
  final List<Iface> interfaces = new ArrayList<>();
  final List<WorldB> worlds = new ArrayList<>();

  /** Packages met only through imports, by name: they hold only what was mentioned. */
  final Map<String, Pkg> foreign = new LinkedHashMap<>();

  TypeId addType(TypeDef def) {
    types.add(def);
    return new TypeId(types.size() - 1);
  }

  InterfaceId addInterface(Iface i) {
    interfaces.add(i);
    return new InterfaceId(interfaces.size() - 1);
  }

  WorldId addWorld(WorldB w) {
    worlds.add(w);
    return new WorldId(worlds.size() - 1);
  }

  Iface iface(InterfaceId id) {
    return interfaces.get(id.index());
  }

  WorldB world(WorldId id) {
    return worlds.get(id.index());
  }

  /**
   * The finished resolve: foreign packages first, each after the packages its interfaces {@code
   * use} from, then {@code main} (merged with a foreign package of the same name, as happens when a
   * world of a package imports that package's own interfaces).
   *
   * @return the resolve and the id of {@code main}
   */
  Map.Entry<Resolve, PackageId> finish(Pkg main) {
    Set<String> order = new LinkedHashSet<>();
    for (String p : foreign.keySet()) {
      visit(p, order, new LinkedHashSet<>());
    }
    String mainName = main.name.toString();
    Map<String, Pkg> merged = new LinkedHashMap<>();
    for (String p : order) {
      merged.put(p, foreign.get(p));
    }
    Pkg into = merged.get(mainName);
    if (into == null) {
      merged.put(mainName, main);
    } else {
      main.interfaces.forEach(into.interfaces::putIfAbsent);
      into.worlds.putAll(main.worlds);
      into.docs = main.docs;
    }
    List<WitPackage> packages = new ArrayList<>();
    Map<String, PackageId> ids = new HashMap<>();
    for (Map.Entry<String, Pkg> e : merged.entrySet()) {
      Pkg p = e.getValue();
      ids.put(e.getKey(), new PackageId(packages.size()));
      packages.add(new WitPackage(p.name, p.docs, p.interfaces, p.worlds));
      p.interfaces.values().forEach(i -> iface(i).pkg = e.getKey());
      for (WorldId w : p.worlds.values()) {
        WorldB wb = world(w);
        wb.pkg = e.getKey();
        for (Map<WorldKey, WorldItem> items : List.of(wb.imports, wb.exports)) {
          items.forEach(
              (k, item) -> {
                if (item instanceof WorldItem.InterfaceItem ii && iface(ii.id()).name.isEmpty()) {
                  iface(ii.id()).pkg = e.getKey();
                }
              });
        }
      }
    }
    List<Interface> ifaces = new ArrayList<>();
    for (int k = 0; k < interfaces.size(); k++) {
      Iface i = interfaces.get(k);
      usesFirst(i, new InterfaceId(k));
      ifaces.add(
          new Interface(
              i.name,
              i.types,
              i.functions,
              Optional.ofNullable(i.pkg).map(ids::get),
              i.docs,
              i.stability));
    }
    List<World> ws = new ArrayList<>();
    for (WorldB w : worlds) {
      ws.add(
          new World(
              w.name,
              w.imports,
              w.exports,
              Optional.ofNullable(w.pkg).map(ids::get),
              w.docs,
              w.stability));
    }
    return Map.entry(new Resolve(packages, ifaces, ws, types), ids.get(mainName));
  }

  /**
   * Puts the types an interface {@code use}s from others before its own definitions, the order in
   * which WIT text lists them, so that printing and parsing again gives the same model.
   */
  private void usesFirst(Iface i, InterfaceId id) {
    Map<String, TypeId> uses = new LinkedHashMap<>();
    Map<String, TypeId> own = new LinkedHashMap<>();
    i.types.forEach(
        (name, t) -> {
          boolean used =
              types.get(t.index()).definition() instanceof Named n
                  && !types.get(n.id().index()).owner().iface().equals(Optional.of(id));
          (used ? uses : own).put(name, t);
        });
    i.types.clear();
    i.types.putAll(uses);
    i.types.putAll(own);
  }

  /** Depth-first: the packages that {@code pkg}'s interfaces use from go first. */
  private void visit(String pkg, Set<String> order, Set<String> onPath) {
    if (order.contains(pkg) || !onPath.add(pkg)) {
      return;
    }
    for (InterfaceId i : foreign.get(pkg).interfaces.values()) {
      for (TypeId t : iface(i).types.values()) {
        if (types.get(t.index()).definition() instanceof Named n) {
          types
              .get(n.id().index())
              .owner()
              .iface()
              .ifPresent(
                  dep -> {
                    String depPkg = iface(dep).pkg;
                    if (depPkg != null && !depPkg.equals(pkg) && foreign.containsKey(depPkg)) {
                      visit(depPkg, order, onPath);
                    }
                  });
        }
      }
    }
    onPath.remove(pkg);
    order.add(pkg);
  }
}
