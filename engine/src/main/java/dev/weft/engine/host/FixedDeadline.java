package dev.weft.engine.host;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One fixed deadline for many asynchronous operations, without a timer per operation. Every
 * operation gets the same time, so those started on one event loop reach their deadlines in the
 * order they started: each loop keeps them in a queue, oldest first, with one timer set at most,
 * for the oldest. Operations that completed leave the queue from its front whenever another one
 * is added (Redis answers a connection's commands in order, so the queue holds about the
 * operations in flight) or when the timer fires.
 *
 * <p>A Vert.x timer per operation (a task in the loop's priority queue, a map entry and a close
 * hook, then a cancel) cost more than the Redis command it bounded on the KV-only signup flow
 * (kv-bench.sh); this costs an object and a queue slot. Operations watched from a thread that is
 * not an event loop (rare: built-in I/O starts on one) get a timer each.
 *
 * <p>Thread-safe: each loop's queue is used on that loop's thread only.
 */
final class FixedDeadline {
  private final Vertx vertx;
  private final long millis;
  private final long nanos;
  private final ThreadLocal<Lane> lanes = ThreadLocal.withInitial(Lane::new);

  FixedDeadline(Vertx vertx, long millis) {
    if (millis < 1) {
      throw new IllegalArgumentException("the deadline must be at least 1 ms");
    }
    this.vertx = vertx;
    this.millis = millis;
    this.nanos = TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** The deadline, in milliseconds. */
  long millis() {
    return millis;
  }

  /**
   * Runs {@code onExpire} if {@code operation} is not complete when the deadline passes, on an
   * event loop (the caller's, when it is on one). {@code onExpire} should complete {@code
   * operation}, and must not throw.
   */
  void watch(Promise<?> operation, Runnable onExpire) {
    Context current = Vertx.currentContext();
    if (current instanceof ContextInternal ctx && ctx.isEventLoopContext() && ctx.inThread()) {
      lanes.get().add(new Pending(System.nanoTime() + nanos, operation, onExpire), ctx);
      return;
    }
    long timer = vertx.setTimer(millis, id -> onExpire.run());
    operation.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  /** An operation waiting for its outcome or its deadline. */
  private record Pending(long deadline, Promise<?> operation, Runnable onExpire) {
    boolean done() {
      return operation.future().isComplete();
    }
  }

  /**
   * One event loop's operations, oldest first. Its timer runs on a context of its own on that
   * loop: a timer set on the caller's context would go with it (a verticle undeployed).
   */
  private final class Lane {
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private ContextInternal timers;
    private boolean timerSet;

    void add(Pending p, ContextInternal caller) {
      Pending head;
      while ((head = queue.peekFirst()) != null && head.done()) {
        queue.pollFirst();
      }
      queue.addLast(p);
      if (!timerSet) {
        if (timers == null) {
          timers = ((VertxInternal) vertx).contextBuilder()
              .withThreadingModel(ThreadingModel.EVENT_LOOP).withEventLoop(caller.nettyEventLoop()).build();
        }
        timerSet = true;
        timers.setTimer(millis, id -> expire());
      }
    }

    /** The timer: expires what is due, and sets itself again for the oldest operation left. */
    private void expire() {
      long now = System.nanoTime();
      Pending head;
      while ((head = queue.peekFirst()) != null && (head.done() || head.deadline() - now <= 0)) {
        queue.pollFirst();
        if (!head.done()) {
          head.onExpire().run();
        }
      }
      if (head == null) {
        timerSet = false;
        return;
      }
      timers.setTimer(TimeUnit.NANOSECONDS.toMillis(head.deadline() - now) + 1, id -> expire());
    }
  }
}
