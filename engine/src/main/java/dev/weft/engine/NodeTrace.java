package dev.weft.engine;

/**
 * When a node of a run started and ended, on which thread, and whether it ran (a conditional node
 * whose condition was false is skipped). Times are {@link System#nanoTime()} values.
 */
public record NodeTrace(
    String node, long startNanos, long endNanos, String thread, boolean skipped) {
  /** How long the node took. */
  public long durationNanos() {
    return endNanos - startNanos;
  }
}
