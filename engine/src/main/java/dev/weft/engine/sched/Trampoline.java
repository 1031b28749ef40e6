package dev.weft.engine.sched;

import java.util.ArrayDeque;

/**
 * Runs tasks one after another on the current thread instead of inside each other. A built-in
 * node that completes at once (the in-memory store, the clock) makes its dependents ready from
 * within its own completion; without this, a chain of a thousand such nodes would nest a thousand
 * calls deep. A task submitted while another runs on this thread runs after it, in order.
 *
 * <p>Tasks should not throw; one that does is reported after the others have run. Thread-safe
 * (the state is per thread).
 */
final class Trampoline {
  private static final ThreadLocal<Trampoline> CURRENT = ThreadLocal.withInitial(Trampoline::new);

  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private boolean running;

  private Trampoline() {}

  /** Runs {@code task} now, or after the task this thread is running, if any. */
  static void run(Runnable task) {
    Trampoline t = CURRENT.get();
    if (t.running) {
      t.queue.add(task);
      return;
    }
    t.running = true;
    RuntimeException failed = null;
    try {
      for (Runnable r = task; r != null; r = t.queue.poll()) {
        try {
          r.run();
        } catch (RuntimeException e) {
          if (failed == null) {
            failed = e;
          }
        }
      }
    } finally {
      t.running = false;
    }
    if (failed != null) {
      throw failed;
    }
  }
}
