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
  private volatile Promise<Integer> idle;

  void enter() {
    count.incrementAndGet();
  }

  void exit() {
    if (count.decrementAndGet() == 0 && draining) {
      Promise<Integer> p = idle;
      if (p != null) {
        p.tryComplete(0);
      }
    }
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
    Promise<Integer> done = Promise.promise();
    idle = done; // set before the check below, so a run ending in between completes it
    draining = true;
    if (count.get() == 0) {
      done.tryComplete(0);
      return done.future();
    }
    long timer = vertx.setTimer(Math.max(1, millis), id -> done.tryComplete(count.get()));
    return done.future().andThen(ar -> vertx.cancelTimer(timer));
  }
}
