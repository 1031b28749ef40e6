package dev.weft.wit.binary;

import java.util.Map;

/** How to make one core instance of a {@link ComponentPlan}, replayed in order. */
public sealed interface CoreInstanceDef {
  /**
   * Instantiate core module {@code module}; each import module name maps to the earlier core
   * instance that supplies it.
   */
  record Instantiate(int module, Map<String, Integer> args) implements CoreInstanceDef {
    public Instantiate {
      args = Map.copyOf(args);
    }
  }

  /** A bag of named core items gathered from elsewhere (no module runs). */
  record Bag(Map<String, CoreRef> items) implements CoreInstanceDef {
    public Bag {
      items = Map.copyOf(items);
    }
  }
}
