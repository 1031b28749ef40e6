package dev.weft.wit.model;

import java.util.List;

/** {@code record { fields }}; always the definition of a named {@link TypeDef}. */
public record RecordType(List<Field> fields) implements WitType {
  public RecordType {
    fields = List.copyOf(fields);
  }

  @Override
  public Kind kind() {
    return Kind.RECORD;
  }
}
