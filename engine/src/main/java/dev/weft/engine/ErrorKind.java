package dev.weft.engine;

/** The category of a run failure, as reported to users and HTTP clients. */
public enum ErrorKind {
  /** The component trapped: unreachable, out-of-bounds access, or an ABI violation it caused. */
  TRAP,
  /** The call ran past its deadline and was interrupted. */
  TIMEOUT,
  /** A limit was hit: memory, input size. */
  LIMIT,
  /**
   * A component's pool was full (every instance busy, and as many calls waiting as its queue
   * holds), so the call was refused at once: not the guest's fault, worth trying again later.
   */
  BUSY,
  /** A value did not match its WIT type. */
  TYPE,
  /**
   * A value the types allow but the flow cannot use at run time: an index past the end of a
   * list, {@code .ok} of a result that is err, {@code .some} of none. (Type mismatches cannot
   * happen at run time: {@code weft check} rules them out.)
   */
  VALUE,
  /** A host capability failed (KV, HTTP, I/O). */
  HOST,
  /** The component could not be loaded, linked or instantiated. */
  LOAD
}
