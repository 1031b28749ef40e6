package dev.weft.flows.model;

import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitType;
import java.util.Objects;

/** A WIT type with the table its named parts are defined in. */
public record Typed(WitType type, TypeTable table) {
  public Typed {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(table, "table");
  }

  /** This type with aliases and names followed to the structure. */
  public WitType structure() {
    return table.unalias(type);
  }
}
