package dev.weft.wit.resolve;

import dev.weft.wit.ast.WorldMember;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.FunctionKind;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeOwner;
import dev.weft.wit.model.TypeRefs;
import dev.weft.wit.model.WitType;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldId;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code include other with { a as b };} (WIT.md "Union of Worlds with include"): copies another
 * world's imports and exports into this one. Interfaces keyed by their package path merge (the same
 * interface twice is one import); plain names must not collide, and {@code with} renames them,
 * including the functions of a renamed resource.
 *
 * <p>The types the other world declares itself are copied too, as wit-parser's include does: this
 * world gets its own definitions (under their new names), and the functions it takes over refer to
 * them. So a world always owns the types it imports by name, and prints as WIT that declares them.
 */
final class IncludeResolver {
  private final Body body;
  private final Map<WorldKey, WorldItem> imports;
  private final Map<WorldKey, WorldItem> exports;
  private final NameTable importNames;
  private final NameTable exportNames;

  /** The included world's types, and their copies in this world (per include). */
  private final Map<TypeId, TypeId> cloned = new HashMap<>();

  private TypeOwner from;
  private List<WorldMember.IncludeName> renames = List.of();

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
    from = TypeOwner.of(target.get());
    renames = inc.with();
    cloned.clear();
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
      if (item instanceof WorldItem.FunctionItem f) {
        Function fn = f.function();
        FunctionKind kind =
            new FunctionKind(
                fn.kind().form(), fn.kind().resource().map(this::local), fn.kind().async());
        item =
            new WorldItem.FunctionItem(
                new Function(
                    renamed,
                    kind,
                    fn.params().stream().map(p -> new Param(p.name(), local(p.type()))).toList(),
                    fn.result().map(this::local),
                    fn.docs(),
                    fn.stability()));
      } else if (item instanceof WorldItem.TypeItem t) {
        item = new WorldItem.TypeItem(local(t.id()));
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

  /** The type as this world sees it: a copy when the included world declared it. */
  private TypeId local(TypeId id) {
    TypeId done = cloned.get(id);
    if (done != null) {
      return done;
    }
    TypeDef def = body.arenas().type(id);
    if (!def.owner().equals(from)) {
      return id;
    }
    String name = def.name().orElseThrow();
    for (WorldMember.IncludeName n : renames) {
      if (n.name().name().equals(name)) {
        name = n.as().name();
      }
    }
    TypeId copy =
        body.arenas()
            .addType(
                new TypeDef(
                    Optional.of(name),
                    local(def.definition()),
                    body.owner(),
                    def.docs(),
                    def.stability()));
    cloned.put(id, copy);
    return copy;
  }

  private WitType local(WitType t) {
    return TypeRefs.rename(t, this::local);
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
