package dev.weft.wit.decode;

import dev.weft.wit.decode.DecodeArenas.WorldB;
import dev.weft.wit.model.Docs;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.Stability;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeOwner;
import dev.weft.wit.model.TypeRefs;
import dev.weft.wit.model.WitType;
import dev.weft.wit.model.WorldId;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a component's world the {@code use}s its functions need. Components that wit-component
 * builds import every type a world-level function mentions ({@code (import "t" (type (eq ..)))});
 * components written by hand may name an imported interface's type directly, which WIT can only say
 * through a {@code use} in the world. This adds that {@code use} (a type import aliasing the
 * interface's type) and points the functions at it, so the world prints as WIT that resolves.
 */
final class WorldUses {
  private final DecodeArenas arenas;
  private final WorldB world;
  private final TypeOwner owner;
  private final Map<TypeId, TypeId> aliases = new HashMap<>();

  private WorldUses(DecodeArenas arenas, WorldB world, WorldId id) {
    this.arenas = arenas;
    this.world = world;
    this.owner = TypeOwner.of(id);
  }

  static void add(DecodeArenas arenas, WorldB world, WorldId id) {
    WorldUses u = new WorldUses(arenas, world, id);
    u.functions(world.imports);
    u.functions(world.exports);
  }

  private void functions(Map<WorldKey, WorldItem> items) {
    for (Map.Entry<WorldKey, WorldItem> e : items.entrySet()) {
      if (e.getValue() instanceof WorldItem.FunctionItem f) {
        Function fn = f.function();
        e.setValue(
            new WorldItem.FunctionItem(
                new Function(
                    fn.name(),
                    fn.kind(),
                    fn.params().stream().map(p -> new Param(p.name(), type(p.type()))).toList(),
                    fn.result().map(this::type),
                    fn.docs(),
                    fn.stability())));
      }
    }
  }

  private WitType type(WitType t) {
    return TypeRefs.rename(t, this::local);
  }

  /** The world's name for {@code id}: itself, or a {@code use} of it made on first need. */
  private TypeId local(TypeId id) {
    TypeDef def = arenas.types.get(id.index());
    if (def.owner().iface().isEmpty() || def.name().isEmpty()) {
      return id;
    }
    TypeId known = aliases.get(id);
    if (known != null) {
      return known;
    }
    WorldKey key = WorldKey.of(def.name().get());
    if (world.imports.containsKey(key) || world.exports.containsKey(key)) {
      return id; // the name is taken; WIT cannot name this type here
    }
    TypeId alias =
        arenas.addType(new TypeDef(def.name(), new Named(id), owner, Docs.NONE, Stability.UNKNOWN));
    world.imports.put(key, new WorldItem.TypeItem(alias));
    aliases.put(id, alias);
    return alias;
  }
}
