package dev.weft.wit.binary;

import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The type arena of a decoded component. Records, variants, enums, flags and resources are named
 * definitions, named after the import or export that first names them (anonymous until then).
 * Frozen (immutable, thread-safe) once the translator is done.
 */
final class DecodedTypes implements TypeTable {
  private final List<TypeDef> defs = new ArrayList<>();
  private boolean frozen;

  TypeId add(WitType definition) {
    defs.add(
        new TypeDef(
            Optional.empty(),
            definition,
            dev.weft.wit.model.TypeOwner.NONE,
            dev.weft.wit.model.Docs.NONE,
            dev.weft.wit.model.Stability.UNKNOWN));
    return new TypeId(defs.size() - 1);
  }

  TypeId addNamed(String name, WitType definition) {
    defs.add(TypeDef.named(name, definition));
    return new TypeId(defs.size() - 1);
  }

  /** Names {@code id} unless it already has a name (the first name given wins). */
  void nameIfAnonymous(TypeId id, String name) {
    TypeDef d = defs.get(id.index());
    if (d.name().isEmpty() && !frozen) {
      defs.set(
          id.index(),
          new TypeDef(Optional.of(name), d.definition(), d.owner(), d.docs(), d.stability()));
    }
  }

  TypeTable freeze() {
    frozen = true;
    return this;
  }

  @Override
  public TypeDef type(TypeId id) {
    if (id.index() >= defs.size()) {
      throw new IllegalArgumentException("no type " + id.index() + " in this component");
    }
    return defs.get(id.index());
  }

  /** The number of definitions. */
  int size() {
    return defs.size();
  }
}
