package dev.weft.wit.resolve;

import dev.weft.wit.ast.WorldMember;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldId;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code include other with { a as b };} (WIT.md "Union of Worlds with include"): copies another
 * world's imports and exports into this one. Interfaces keyed by their package path merge (the same
 * interface twice is one import); plain names must not collide, and {@code with} renames them,
 * including the functions of a renamed resource.
 */
final class IncludeResolver {
  private final Body body;
  private final Map<WorldKey, WorldItem> imports;
  private final Map<WorldKey, WorldItem> exports;
  private final NameTable importNames;
  private final NameTable exportNames;

  IncludeResolver(
      Body body,
      Map<WorldKey, WorldItem> imports,
      Map<WorldKey, WorldItem> exports,
      NameTable importNames,
      NameTable exportNames) {
    this.body = body;
    this.imports = imports;
    this.exports = exports;
    this.importNames = importNames;
    this.exportNames = exportNames;
  }

  void include(WorldMember.IncludeDecl inc) {
    Optional<WorldId> target = body.paths().world(inc.from());
    if (target.isEmpty()) {
      return;
    }
    World other = body.arenas().world(target.get());
    Set<String> used = new HashSet<>();
    merge(inc, other.imports(), imports, importNames, "import", used);
    merge(inc, other.exports(), exports, exportNames, "export", used);
    for (WorldMember.IncludeName n : inc.with()) {
      if (!used.contains(n.name().name())) {
        body.diags()
            .error(
                "WIT0134",
                "no import or export named `"
                    + n.name().name()
                    + "` in world `"
                    + other.name()
                    + "`",
                n.name().span(),
                "`with` renames plain names only; interfaces named by their package path keep it");
      }
    }
  }

  private void merge(
      WorldMember.IncludeDecl inc,
      Map<WorldKey, WorldItem> from,
      Map<WorldKey, WorldItem> into,
      NameTable names,
      String direction,
      Set<String> used) {
    for (Map.Entry<WorldKey, WorldItem> e : from.entrySet()) {
      WorldKey key = e.getKey();
      if (key.iface().isPresent()) {
        into.putIfAbsent(key, e.getValue());
        continue;
      }
      String name = key.name().get();
      String renamed = name;
      for (WorldMember.IncludeName n : inc.with()) {
        Optional<String> r = rename(name, n.name().name(), n.as().name());
        if (r.isPresent()) {
          renamed = r.get();
          used.add(n.name().name());
        }
      }
      WorldItem item = e.getValue();
      if (item instanceof WorldItem.FunctionItem f && !renamed.equals(name)) {
        Function fn = f.function();
        item =
            new WorldItem.FunctionItem(
                new Function(
                    renamed, fn.kind(), fn.params(), fn.result(), fn.docs(), fn.stability()));
      }
      boolean plain = !renamed.startsWith("[");
      if ((plain && !names.claimQuietly(renamed, kindOf(item)))
          || into.containsKey(WorldKey.of(renamed))) {
        body.diags()
            .error(
                "WIT0133",
                direction + " of `" + renamed + "` shadows previously " + direction + "ed items",
                inc.from().span(),
                "rename it with `include "
                    + inc.from().name().name()
                    + " with { "
                    + renamed
                    + " as new-name }`");
        continue;
      }
      into.put(WorldKey.of(renamed), item);
    }
  }

  private static String kindOf(WorldItem item) {
    if (item instanceof WorldItem.InterfaceItem) {
      return "interface";
    }
    return item instanceof WorldItem.TypeItem ? "type" : "func";
  }

  /** {@code name} renamed by {@code from as to}, also inside {@code [method]from.x} names. */
  static Optional<String> rename(String name, String from, String to) {
    if (name.equals(from)) {
      return Optional.of(to);
    }
    int close = name.indexOf(']');
    if (!name.startsWith("[") || close < 0) {
      return Optional.empty();
    }
    String kind = name.substring(0, close + 1);
    String rest = name.substring(close + 1);
    int dot = rest.indexOf('.');
    if (dot >= 0 && rest.substring(0, dot).equals(from)) {
      return Optional.of(kind + to + rest.substring(dot));
    }
    return rest.equals(from) ? Optional.of(kind + to) : Optional.empty();
  }
}
