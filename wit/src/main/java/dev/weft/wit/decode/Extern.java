package dev.weft.wit.decode;

import dev.weft.wit.binary.NameAttrs;
import java.util.Objects;

/**
 * An import or export as a validator types it: its name, the attributes of the name, and what it
 * is.
 */
record Extern(String name, Entity entity, NameAttrs attrs) {
  Extern {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(attrs, "attrs");
  }

  /** What an import or export is (wasmparser's {@code ComponentEntityType}). */
  sealed interface Entity {}

  /** A function of this type. */
  record FuncItem(Ty.Func type) implements Entity {}

  /** An instance of this type. */
  record InstanceItem(Ty.Instance type) implements Entity {}

  /** A component of this type. */
  record ComponentItem(Ty.Component type) implements Entity {}

  /**
   * A type: {@code referenced} is the type the import or export names, {@code created} the new type
   * the declaration introduces into the index space (an {@link Ty.Alias} of it, or for {@code (sub
   * resource)} the fresh resource itself).
   */
  record TypeItem(Ty referenced, Ty created) implements Entity {}

  /** A core module: no part of a WIT world. */
  record ModuleItem() implements Entity {}
}
