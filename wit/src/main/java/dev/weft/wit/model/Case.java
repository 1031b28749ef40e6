package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/** A variant case: its name and optional payload type. */
public record Case(String name, Optional<WitType> type, Docs docs) {
  public Case {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(docs, "docs");
  }

  public static Case of(String name, WitType payload) {
    return new Case(name, Optional.ofNullable(payload), Docs.NONE);
  }
}
