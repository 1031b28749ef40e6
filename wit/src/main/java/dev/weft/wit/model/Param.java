package dev.weft.wit.model;

import java.util.Objects;

/** A named function parameter. */
public record Param(String name, WitType type) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
