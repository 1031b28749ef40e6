package dev.weft.engine.sched;

import io.vertx.core.WorkerExecutor;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sends call tasks to the worker executor, with one shortcut: a task dispatched from a worker
 * thread while that thread has nothing else queued runs next on the same thread. A chain of nodes
 * then runs on one worker with no hop through the event loop or the executor's queue per node;
 * a second task made ready at the same moment goes to the executor, so independent branches
 * still run in parallel.
 *
 * <p>Tasks must not throw. Thread-safe.
 */
final class WorkerLoop {
  // Non-null while this thread runs tasks for us: the (at most one) task to continue with.
  private static final ThreadLocal<Deque<Runnable>> NEXT = new ThreadLocal<>();

  private final WorkerExecutor workers;

  WorkerLoop(WorkerExecutor workers) {
    this.workers = workers;
  }

  /** Runs {@code task} on a worker thread: this one after its current task, or another. */
  void dispatch(Runnable task) {
    Deque<Runnable> next = NEXT.get();
    if (next != null && next.isEmpty()) {
      next.add(task);
      return;
    }
    // Vert.x 5: executeBlocking(Callable, ordered); unordered so tasks run in parallel.
    workers.executeBlocking(() -> drain(task), false);
  }

  /** Whether the current thread is running one of our tasks. */
  static boolean onWorker() {
    return NEXT.get() != null;
  }

  private static Void drain(Runnable first) {
    Deque<Runnable> next = new ArrayDeque<>(1);
    NEXT.set(next);
    try {
      for (Runnable t = first; t != null; t = next.poll()) {
        t.run();
      }
    } finally {
      NEXT.remove();
    }
    return null;
  }
}
