package dev.weft.engine.pool;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.LoadedComponent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The instances of one component: each serves one call at a time. The pool grows to {@code max}
 * instances, then queues callers up to {@code queueLimit} (backpressure), then fails new callers
 * as busy. An instance that trapped or timed out is discarded, never reused.
 *
 * <p>Thread-safe. {@link #acquire()} is called on an event loop; instances are created, used and
 * given back on worker threads.
 */
public final class InstancePool {
  private final LoadedComponent component;
  private final String name;
  private final int max;
  private final int queueLimit;
  private final Deque<ComponentInstance> idle = new ArrayDeque<>();
  private final Deque<Waiter> waiters = new ArrayDeque<>();
  private int live;

  /** A caller waiting for an instance, and the context to wake it on. */
  private record Waiter(Promise<Lease> promise, Context context) {}

  /**
   * The right to run one call: an idle instance, or permission to create a new one (on the
   * worker thread, since instantiation runs guest code).
   */
  public record Lease(ComponentInstance instance) {
    /** Whether the caller must create the instance. */
    public boolean fresh() {
      return instance == null;
    }
  }

  public InstancePool(LoadedComponent component, String name, int max, int queueLimit) {
    if (max < 1) {
      throw new IllegalArgumentException("pool max must be positive");
    }
    this.component = component;
    this.name = name;
    this.max = max;
    this.queueLimit = queueLimit;
  }

  /** The pool's size right now. */
  public synchronized dev.weft.engine.PoolStats stats() {
    return new dev.weft.engine.PoolStats(max, live, idle.size(), waiters.size());
  }

  /**
   * A lease on an instance: at once when one is idle or the pool may grow, later when one is
   * given back; failed with {@link ErrorKind#LIMIT} when the queue is full.
   */
  public Future<Lease> acquire() {
    synchronized (this) {
      ComponentInstance i = idle.pollFirst();
      if (i != null) {
        return Future.succeededFuture(new Lease(i));
      }
      if (live < max) {
        live++;
        return Future.succeededFuture(new Lease(null));
      }
      if (waiters.size() >= queueLimit) {
        return Future.failedFuture(
            new EngineException(
                ErrorKind.LIMIT,
                "component `" + name + "` is busy: " + max + " instances running and "
                    + waiters.size() + " calls waiting"));
      }
      Promise<Lease> p = Promise.promise();
      waiters.addLast(new Waiter(p, Vertx.currentContext()));
      return p.future();
    }
  }

  /** The leased instance, created now if the lease is fresh. Call on a worker thread. */
  public ComponentInstance open(Lease lease) {
    if (!lease.fresh()) {
      return lease.instance();
    }
    try {
      return component.instantiate();
    } catch (RuntimeException e) {
      dropSlot();
      throw e;
    }
  }

  /** Gives back a lease that was not used (its run failed meanwhile). */
  public void cancel(Lease lease) {
    if (lease.fresh()) {
      dropSlot();
    } else {
      release(lease.instance());
    }
  }

  /** Gives back a healthy instance after a call. */
  public void release(ComponentInstance instance) {
    Waiter next;
    synchronized (this) {
      next = waiters.pollFirst();
      if (next == null) {
        idle.addFirst(instance); // most recently used first: its memory is warm in the cache
        return;
      }
    }
    wake(next, new Lease(instance));
  }

  /** Throws away an instance that trapped or timed out; a waiter may create a new one. */
  public void discard(ComponentInstance instance) {
    try {
      instance.close();
    } finally {
      dropSlot();
    }
  }

  private void dropSlot() {
    Waiter next;
    synchronized (this) {
      next = waiters.pollFirst();
      if (next == null) {
        live--;
        return;
      }
    }
    wake(next, new Lease(null));
  }

  private static void wake(Waiter w, Lease lease) {
    if (w.context() != null) {
      w.context().runOnContext(v -> w.promise().complete(lease));
    } else {
      w.promise().complete(lease);
    }
  }

  /** Instances alive now, busy or idle. */
  public synchronized int size() {
    return live;
  }

  /** Callers waiting for an instance. */
  public synchronized int waiting() {
    return waiters.size();
  }

  /** The most instances this pool runs. */
  public int max() {
    return max;
  }

  /** Closes the idle instances. */
  public void close() {
    synchronized (this) {
      idle.forEach(ComponentInstance::close);
      live -= idle.size();
      idle.clear();
    }
  }
}
