package dev.weft.engine.pool;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.InstanceSnapshot;
import dev.weft.engine.wasm.LoadedComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The instances of one component: each serves one call at a time. The pool grows to {@code max}
 * instances, then queues callers up to {@code queueLimit} (backpressure), then refuses new callers
 * (the caller reports the component as busy). An instance that trapped or timed out is discarded,
 * never reused.
 *
 * <p>New instances are seeded from a snapshot of the pool's first instance, taken right after its
 * initialisation, so guest initialisation runs once per pool rather than once per instance; unless
 * that initialisation called the host (WASI, {@code weft:host}): what a random source, the clock or
 * a KV store answered then belongs to one instance, so every instance then initialises itself. With
 * {@code reset}, instances go back to that snapshot after every call (to their own, when they
 * initialised themselves), or are discarded when there is none (resource handles left by
 * initialisation).
 *
 * <p>Thread-safe. Lease callbacks run on the thread that makes the lease available: the caller of
 * {@link #acquire} when an instance is free, else the worker that gives one back; they must only
 * hand the call to an executor.
 */
public final class InstancePool {
  private final LoadedComponent component;
  private final String name;
  private final int max;
  private final int queueLimit;
  private final Deque<ComponentInstance> idle = new ArrayDeque<>();
  private final Deque<Consumer<Lease>> waiters = new ArrayDeque<>();
  private int live;
  private boolean closed;
  private final boolean reset;

  /** The state new instances start from, once an initialised instance allowed one to be taken. */
  private volatile InstanceSnapshot seed;

  /** With reset: the snapshots of instances that initialised themselves (no seed to share). */
  private final Map<ComponentInstance, InstanceSnapshot> own =
      Collections.synchronizedMap(new IdentityHashMap<>());

  /**
   * The right to run one call: an idle instance, or permission to create a new one (on the worker
   * thread, since instantiation runs guest code).
   */
  public record Lease(ComponentInstance instance) {
    /** Whether the caller must create the instance. */
    public boolean fresh() {
      return instance == null;
    }
  }

  public InstancePool(LoadedComponent component, String name, int max, int queueLimit) {
    this(component, name, max, queueLimit, false);
  }

  /**
   * @param reset put each instance back to the state of a fresh instance after every call, so no
   *     call sees what an earlier one left in memory
   */
  public InstancePool(
      LoadedComponent component, String name, int max, int queueLimit, boolean reset) {
    this.reset = reset;
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
   * Asks for a lease: {@code onLease} runs at once when an instance is idle or the pool may grow,
   * later when one is given back.
   *
   * @return false, without calling {@code onLease}, when the queue of waiting callers is full
   */
  public boolean acquire(Consumer<Lease> onLease) {
    Lease now;
    synchronized (this) {
      ComponentInstance i = idle.pollFirst();
      if (i != null) {
        now = new Lease(i);
      } else if (live < max) {
        live++;
        now = new Lease(null);
      } else if (waiters.size() >= queueLimit) {
        return false;
      } else {
        waiters.addLast(onLease);
        return true;
      }
    }
    onLease.accept(now);
    return true;
  }

  /**
   * The leased instance, created now if the lease is fresh: seeded from the pool's snapshot when it
   * has one, else initialised (and then, when it may be, snapshotted to seed the next ones). Call
   * on a worker thread.
   */
  public ComponentInstance open(Lease lease) {
    if (!lease.fresh()) {
      return lease.instance();
    }
    try {
      InstanceSnapshot s = seed;
      if (s != null) {
        return component.instantiate(s);
      }
      ComponentInstance i = component.instantiate();
      if (i.seedable() || reset) {
        InstanceSnapshot taken = snapshotOf(i);
        if (taken != null && i.seedable()) {
          synchronized (this) {
            if (seed == null && !closed) {
              seed = taken;
            }
          }
        } else if (taken != null) {
          own.put(i, taken);
        }
      }
      return i;
    } catch (RuntimeException e) {
      dropSlot();
      throw e;
    }
  }

  private static InstanceSnapshot snapshotOf(ComponentInstance i) {
    try {
      return i.snapshot();
    } catch (IllegalStateException e) {
      return null; // resource handles, host objects in a table: this instance cannot be copied
    }
  }

  /** Whether new instances are seeded from a snapshot (once the first instance allowed one). */
  public boolean seeding() {
    return seed != null;
  }

  /** Gives back a lease that was not used (its run failed meanwhile). */
  public void cancel(Lease lease) {
    if (lease.fresh()) {
      dropSlot();
    } else {
      release(lease.instance());
    }
  }

  /** Gives back a healthy instance after a call (reset first, when the pool resets). */
  public void release(ComponentInstance instance) {
    if (reset) {
      InstanceSnapshot to = own.get(instance);
      if (to == null) {
        to = seed;
      }
      if (to == null) {
        discard(instance); // nothing to go back to: the next call gets a new instance
        return;
      }
      try {
        instance.reset(to);
      } catch (RuntimeException e) {
        discard(instance); // it holds state a reset cannot clear: never reuse it
        return;
      }
    }
    Consumer<Lease> next;
    synchronized (this) {
      next = waiters.pollFirst();
      if (next == null) {
        if (closed) {
          live--;
        } else {
          idle.addFirst(instance); // most recently used first: its memory is warm in the cache
          return;
        }
      }
    }
    if (next == null) {
      close(instance);
      return;
    }
    next.accept(new Lease(instance));
  }

  /** Throws away an instance that trapped or timed out; a waiter may create a new one. */
  public void discard(ComponentInstance instance) {
    try {
      close(instance);
    } finally {
      dropSlot();
    }
  }

  private void close(ComponentInstance instance) {
    own.remove(instance);
    instance.close();
  }

  private void dropSlot() {
    Consumer<Lease> next;
    synchronized (this) {
      next = waiters.pollFirst();
      if (next == null) {
        live--;
        return;
      }
    }
    next.accept(new Lease(null));
  }

  /** The component whose instances this pool holds. */
  public LoadedComponent component() {
    return component;
  }

  /** The component's name in its flow, for messages. */
  public String name() {
    return name;
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

  /** The most callers that may wait. */
  public int queueLimit() {
    return queueLimit;
  }

  /**
   * Closes the pool: idle instances now, busy ones when their call gives them back, and drops the
   * snapshot. Calls in flight or queued still finish; a call that comes later still gets an
   * instance, which is closed after it. Idempotent.
   */
  public void close() {
    List<ComponentInstance> closing;
    synchronized (this) {
      closed = true;
      closing = new ArrayList<>(idle);
      live -= idle.size();
      idle.clear();
      seed = null;
    }
    closing.forEach(this::close);
  }

  /** Whether {@link #close()} was called. */
  public synchronized boolean closed() {
    return closed;
  }
}
