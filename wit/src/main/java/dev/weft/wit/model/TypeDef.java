package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A type definition in an arena: a named record, variant, enum, flags or resource, a type alias
 * ({@code type a = b}, whose definition is another type), or an anonymous type.
 */
public record TypeDef(
    Optional<String> name, WitType definition, TypeOwner owner, Docs docs, Stability stability) {
  public TypeDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(docs, "docs");
    Objects.requireNonNull(stability, "stability");
  }

  /** A named definition with no owner, docs or gate. */
  public static TypeDef named(String name, WitType definition) {
    return new TypeDef(Optional.of(name), definition, TypeOwner.NONE, Docs.NONE, Stability.UNKNOWN);
  }
}
