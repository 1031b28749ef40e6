package dev.weft.wit.binary;

import dev.weft.wit.model.TypeId;

/** A core item resolved at plan time: where a core function, memory, table or global comes from. */
public sealed interface CoreRef {
  /**
   * The export {@code name} of core instance {@code instance} (an index into the plan's instances).
   */
  record Export(int instance, String name) implements CoreRef {}

  /** The host import lowered as {@link ComponentPlan#imports()}{@code .get(index)}. */
  record Lowered(int index) implements CoreRef {}

  /** A {@code resource.new}, {@code resource.drop} or {@code resource.rep} built-in. */
  record ResourceBuiltin(Kind kind, TypeId resource) implements CoreRef {}

  /** Which resource built-in. */
  enum Kind {
    NEW,
    DROP,
    REP
  }
}
