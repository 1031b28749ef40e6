package dev.weft.engine;

/** The category of a run failure, as reported to users and HTTP clients. */
public enum ErrorKind {
  /** The component trapped: unreachable, out-of-bounds access, or an ABI violation it caused. */
  TRAP,
  /** The call ran past its deadline and was interrupted. */
  TIMEOUT,
  /** A limit was hit: memory, pool queue, input size. */
  LIMIT,
  /** A value did not match its WIT type. */
  TYPE,
  /** A host capability failed (KV, HTTP, I/O). */
  HOST,
  /** The component could not be loaded, linked or instantiated. */
  LOAD
}
