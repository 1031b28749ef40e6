package dev.weft.engine.wasm;

/**
 * The state of an initialised component instance (the contents of the memories and the mutable
 * globals of its core instances), to seed new instances with instead of running guest
 * initialisation again. Immutable; belongs to the {@link LoadedComponent} it was taken from.
 *
 * <p>Tables are not captured: new instances get the tables instantiation makes, which is what
 * components that never change their tables at run time (all that wit-component produces) need.
 */
public final class InstanceSnapshot {
  private final LoadedComponent component;

  /** Per core instance: the bytes of its own memory, or null. */
  private final byte[][] memories;

  /** Per core instance: the indices of its own mutable globals, or null. */
  private final int[][] globals;

  /** Per core instance: the low and high 64 bits of those globals. */
  private final long[][] low;

  private final long[][] high;

  InstanceSnapshot(
      LoadedComponent component, byte[][] memories, int[][] globals, long[][] low, long[][] high) {
    this.component = component;
    this.memories = memories;
    this.globals = globals;
    this.low = low;
    this.high = high;
  }

  LoadedComponent component() {
    return component;
  }

  byte[] memory(int core) {
    return memories[core];
  }

  int[] globals(int core) {
    return globals[core];
  }

  long low(int core, int k) {
    return low[core][k];
  }

  long high(int core, int k) {
    return high[core][k];
  }

  int cores() {
    return memories.length;
  }

  /** The bytes of memory captured, summed over the core instances. */
  public long memoryBytes() {
    long n = 0;
    for (byte[] m : memories) {
      n += m == null ? 0 : m.length;
    }
    return n;
  }
}
