package dev.weft.wit.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The named types visible where a type expression is written: what {@code order} means in {@code
 * list<order>}. Used to resolve lone type expressions such as a flow input's type.
 */
public interface TypeScope {
  /** A scope with no named types: only built-in types resolve. */
  TypeScope EMPTY = of(name -> Optional.empty(), List.of(), null);

  /** The type called {@code name} here, if any. */
  Optional<TypeId> lookup(String name);

  /** Every name visible here, for "did you mean" hints. */
  Collection<String> names();

  /** The table the ids of this scope index. */
  TypeTable table();

  /** The types declared by (or used into) an interface of {@code resolve}. */
  static TypeScope of(Resolve resolve, InterfaceId iface) {
    Map<String, TypeId> types = resolve.iface(iface).types();
    return of(name -> Optional.ofNullable(types.get(name)), types.keySet(), resolve);
  }

  /** The types a world declares or {@code use}s (its type imports). */
  static TypeScope of(Resolve resolve, WorldId world) {
    Map<String, TypeId> types = new java.util.LinkedHashMap<>();
    resolve
        .world(world)
        .imports()
        .forEach(
            (key, item) -> {
              if (item instanceof WorldItem.TypeItem t && key.name().isPresent()) {
                types.put(key.name().get(), t.id());
              }
            });
    return of(name -> Optional.ofNullable(types.get(name)), types.keySet(), resolve);
  }

  /** A scope over a lookup function. */
  static TypeScope of(
      java.util.function.Function<String, Optional<TypeId>> lookup,
      Collection<String> names,
      TypeTable table) {
    return new TypeScope() {
      @Override
      public Optional<TypeId> lookup(String name) {
        return lookup.apply(name);
      }

      @Override
      public Collection<String> names() {
        return names;
      }

      @Override
      public TypeTable table() {
        return table;
      }
    };
  }
}
