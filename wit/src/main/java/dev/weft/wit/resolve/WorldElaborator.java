package dev.weft.wit.resolve;

import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.Kind;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.Stability;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * World elaboration (WIT.md "Transitive imports and worlds"): every interface that an import or
 * export depends on through {@code use} becomes an import too, listed before what needs it. An
 * exported interface's dependency must be either exported or imported, never both.
 */
final class WorldElaborator {
  private final ResolveBuilder arenas;
  private final Diagnostics diags;

  WorldElaborator(ResolveBuilder arenas, Diagnostics diags) {
    this.arenas = arenas;
    this.diags = diags;
  }

  /** Elaborated imports and exports, in that order. */
  record Elaborated(Map<WorldKey, WorldItem> imports, Map<WorldKey, WorldItem> exports) {}

  Elaborated elaborate(
      Map<WorldKey, WorldItem> imports, Map<WorldKey, WorldItem> exports, Span span) {
    List<Map.Entry<WorldKey, WorldItem>> sorted = new ArrayList<>(imports.entrySet());
    sorted.sort((a, b) -> Integer.compare(rank(a.getValue()), rank(b.getValue())));
    Map<WorldKey, WorldItem> newImports = new LinkedHashMap<>();
    for (Map.Entry<WorldKey, WorldItem> e : sorted) {
      WorldItem item = e.getValue();
      if (item instanceof WorldItem.InterfaceItem i) {
        addImport(newImports, e.getKey(), i.id(), i.stability());
      } else {
        if (item instanceof WorldItem.TypeItem t) {
          Optional<InterfaceId> dep = interfaceOf(t.id());
          if (dep.isPresent()) {
            addImport(
                newImports, WorldKey.of(dep.get()), dep.get(), arenas.type(t.id()).stability());
          }
        }
        newImports.put(e.getKey(), item);
      }
    }
    Map<WorldKey, WorldItem> newExports = new LinkedHashMap<>();
    Map<WorldKey, WorldItem> exportIfaces = new LinkedHashMap<>();
    exports.forEach(
        (k, v) -> {
          if (v instanceof WorldItem.InterfaceItem) {
            exportIfaces.put(k, v);
          } else {
            newExports.put(k, v);
          }
        });
    Set<InterfaceId> required = new HashSet<>();
    for (Map.Entry<WorldKey, WorldItem> e : exportIfaces.entrySet()) {
      WorldItem.InterfaceItem i = (WorldItem.InterfaceItem) e.getValue();
      if (!addExport(newImports, newExports, exportIfaces, required, e.getKey(), i, true)) {
        diags.error(
            "WIT0130",
            "interface `"
                + keyName(e.getKey())
                + "` transitively depends on an interface in"
                + " incompatible ways",
            span,
            "an interface an export uses must be either imported or exported by the world, not"
                + " both; export the interfaces in between too, or stop exporting the shared one");
        break;
      }
    }
    List<Map.Entry<WorldKey, WorldItem>> finalImports = new ArrayList<>(newImports.entrySet());
    finalImports.sort((a, b) -> Integer.compare(rank(a.getValue()), rank(b.getValue())));
    Map<WorldKey, WorldItem> ordered = new LinkedHashMap<>();
    finalImports.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return new Elaborated(ordered, newExports);
  }

  private boolean addExport(
      Map<WorldKey, WorldItem> imports,
      Map<WorldKey, WorldItem> exports,
      Map<WorldKey, WorldItem> exportIfaces,
      Set<InterfaceId> required,
      WorldKey key,
      WorldItem.InterfaceItem item,
      boolean asExport) {
    if (exports.containsKey(key)) {
      return asExport;
    }
    if (!asExport && required.contains(item.id())) {
      return true;
    }
    for (InterfaceId dep : directDeps(item.id())) {
      WorldKey depKey = WorldKey.of(dep);
      boolean depExport = asExport && exportIfaces.containsKey(depKey);
      WorldItem.InterfaceItem depItem = new WorldItem.InterfaceItem(dep, item.stability());
      if (!addExport(imports, exports, exportIfaces, required, depKey, depItem, depExport)) {
        return false;
      }
    }
    if (asExport) {
      if (required.contains(item.id())) {
        return false;
      }
      exports.put(key, item);
    } else {
      required.add(item.id());
      imports.putIfAbsent(key, item);
    }
    return true;
  }

  private void addImport(
      Map<WorldKey, WorldItem> imports, WorldKey key, InterfaceId id, Stability stability) {
    if (imports.containsKey(key)) {
      return;
    }
    for (InterfaceId dep : directDeps(id)) {
      addImport(imports, WorldKey.of(dep), dep, stability);
    }
    imports.put(key, new WorldItem.InterfaceItem(id, stability));
  }

  /** The other interfaces whose types {@code id} uses, in order. */
  Set<InterfaceId> directDeps(InterfaceId id) {
    Set<InterfaceId> deps = new LinkedHashSet<>();
    for (TypeId t : arenas.iface(id).types().values()) {
      interfaceOf(t).filter(dep -> !dep.equals(id)).ifPresent(deps::add);
    }
    return deps;
  }

  /** The interface a {@code use}-made alias points into, if {@code t} is one. */
  private Optional<InterfaceId> interfaceOf(TypeId t) {
    TypeDef def = arenas.type(t);
    if (def.definition().kind() == Kind.NAMED) {
      TypeDef target = arenas.type(((Named) def.definition()).id());
      if (!target.owner().equals(def.owner())) {
        return target.owner().iface();
      }
    }
    return Optional.empty();
  }

  /** Interfaces first, then types (uses before definitions), then functions, as printed. */
  private int rank(WorldItem item) {
    if (item instanceof WorldItem.InterfaceItem) {
      return 0;
    }
    if (item instanceof WorldItem.TypeItem t) {
      return interfaceOf(t.id()).isPresent() ? 1 : 2;
    }
    return ((WorldItem.FunctionItem) item).function().kind().resource().isEmpty() ? 3 : 4;
  }

  private String keyName(WorldKey key) {
    if (key.name().isPresent()) {
      return key.name().get();
    }
    return Names.qualified(arenas, key.iface().get());
  }
}
