package dev.weft.wit.model;

import java.util.List;

/** {@code variant { cases }}; always the definition of a named {@link TypeDef}. */
public record VariantType(List<Case> cases) implements WitType {
  public VariantType {
    cases = List.copyOf(cases);
  }

  @Override
  public Kind kind() {
    return Kind.VARIANT;
  }
}
