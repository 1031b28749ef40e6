package dev.weft.wit.binary;

import dev.weft.wit.model.TypeId;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource type the component defines itself ({@code (type (resource (rep i32) (dtor f)?))}),
 * with the core function that destroys a representation when its last owned handle is dropped.
 */
public record LocalResource(TypeId id, Optional<CoreRef> destructor) {
  public LocalResource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(destructor, "destructor");
  }
}
