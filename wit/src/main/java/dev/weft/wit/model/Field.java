package dev.weft.wit.model;

import java.util.Objects;

/** A record field: its kebab-case name and type. */
public record Field(String name, WitType type, Docs docs) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(docs, "docs");
  }

  public static Field of(String name, WitType type) {
    return new Field(name, type, Docs.NONE);
  }
}
