package dev.weft.wit.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How a function is declared: freestanding, or a constructor, method or static function of the
 * resource {@code resource}; optionally {@code async}.
 */
public record FunctionKind(Form form, Optional<TypeId> resource, boolean async) {
  /** A plain, synchronous function. */
  public static final FunctionKind FREESTANDING =
      new FunctionKind(Form.FREESTANDING, Optional.empty(), false);

  /** The shape of the declaration. */
  public enum Form {
    FREESTANDING,
    CONSTRUCTOR,
    METHOD,
    STATIC
  }

  public FunctionKind {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(resource, "resource");
    if ((form == Form.FREESTANDING) != resource.isEmpty()) {
      throw new IllegalArgumentException(form + " function with resource " + resource);
    }
  }
}
