package dev.weft.flows.model;

import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeTable;

/** Small type tables. */
public final class TypeTables {
  private TypeTables() {}

  /** A table with no definitions, for types made only of primitives and anonymous types. */
  public static final TypeTable EMPTY =
      new TypeTable() {
        @Override
        public TypeDef type(TypeId id) {
          throw new IllegalArgumentException("no type " + id.index() + " in the empty table");
        }
      };
}
