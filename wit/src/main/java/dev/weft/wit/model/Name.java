package dev.weft.wit.model;

import java.util.Objects;

/** A named item with docs and nothing else: an enum case or a flag. */
public record Name(String name, Docs docs) {
  public Name {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(docs, "docs");
  }

  public static Name of(String name) {
    return new Name(name, Docs.NONE);
  }
}
