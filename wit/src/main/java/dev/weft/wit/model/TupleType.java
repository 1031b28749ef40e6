package dev.weft.wit.model;

import java.util.List;

/** {@code tuple<T...>}. */
public record TupleType(List<WitType> types) implements WitType {
  public TupleType {
    types = List.copyOf(types);
  }

  @Override
  public Kind kind() {
    return Kind.TUPLE;
  }
}
