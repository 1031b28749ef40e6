package dev.weft.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts runs in flight, so shutdown can wait for them. Thread-safe.
 */
final class InFlight {
  private final AtomicInteger count = new AtomicInteger();
  private volatile boolean draining;

  void enter() {
    count.incrementAndGet();
  }

  void exit() {
    count.decrementAndGet();
  }

  int count() {
    return count.get();
  }

  /** Whether shutdown has begun: new runs are refused. */
  boolean draining() {
    return draining;
  }

  /**
   * Refuses new runs and completes when the runs in flight are done or {@code millis} have
   * passed, whichever comes first; the result is how many were still running.
   */
  Future<Integer> drain(Vertx vertx, long millis) {
    draining = true;
    Promise<Integer> done = Promise.promise();
    long deadline = System.nanoTime() + millis * 1_000_000;
    vertx.setPeriodic(1, 20, id -> {
      if (count.get() == 0 || System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        done.tryComplete(count.get());
      }
    });
    return done.future();
  }
}
