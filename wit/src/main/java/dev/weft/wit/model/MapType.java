package dev.weft.wit.model;

import java.util.Objects;

/**
 * {@code map<K, V>}: pairs of keys and values, meant to be read as a mapping (the last value of a
 * key wins). Its canonical ABI is that of {@code list<tuple<K, V>>} (CanonicalABI.md
 * "despecialize"); the key is a primitive: bool, an integer, char or string.
 */
public record MapType(WitType key, WitType value) implements WitType {
  public MapType {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** The list of pairs this map is in the canonical ABI. */
  public ListType asList() {
    return new ListType(new TupleType(java.util.List.of(key, value)));
  }

  @Override
  public Kind kind() {
    return Kind.MAP;
  }
}
