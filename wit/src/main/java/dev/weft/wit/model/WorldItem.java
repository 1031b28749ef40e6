package dev.weft.wit.model;

import java.util.Objects;

/** What a world imports or exports: an interface, a function, or (imports only) a type. */
public sealed interface WorldItem {
  /** An imported or exported interface. */
  record InterfaceItem(InterfaceId id, Stability stability) implements WorldItem {
    public InterfaceItem {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(stability, "stability");
    }
  }

  /** A function imported or exported directly by the world. */
  record FunctionItem(Function function) implements WorldItem {
    public FunctionItem {
      Objects.requireNonNull(function, "function");
    }
  }

  /** A type imported by the world. */
  record TypeItem(TypeId id) implements WorldItem {
    public TypeItem {
      Objects.requireNonNull(id, "id");
    }
  }
}
