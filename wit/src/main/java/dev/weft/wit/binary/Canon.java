package dev.weft.wit.binary;

import java.util.List;

/** A canonical definition (Binary.md {@code canon}). */
public sealed interface Canon {
  /** {@code (canon lift core-func opts type)}: defines a component function. */
  record Lift(int coreFunc, List<CanonOpt> options, int type) implements Canon {}

  /** {@code (canon lower func opts)}: defines a core function. */
  record Lower(int func, List<CanonOpt> options) implements Canon {}

  record ResourceNew(int type) implements Canon {}

  record ResourceDrop(int type) implements Canon {}

  record ResourceRep(int type) implements Canon {}

  /** An async, thread or error-context built-in: defines a core function Weft does not run. */
  record Unsupported(int opcode) implements Canon {}

  /** A canonical option (Binary.md {@code canonopt}). */
  sealed interface CanonOpt {}

  record Encoding(dev.weft.wit.abi.StringEncoding encoding) implements CanonOpt {}

  record Memory(int coreMemory) implements CanonOpt {}

  record Realloc(int coreFunc) implements CanonOpt {}

  record PostReturn(int coreFunc) implements CanonOpt {}

  record Async() implements CanonOpt {}

  record Callback(int coreFunc) implements CanonOpt {}
}
