package dev.weft.engine.host;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Where a guest's synchronous host call waits for the host's asynchronous answer. Guests run on
 * worker threads, so waiting there is allowed; it is bounded twice: in time (every wait has a
 * deadline) and in threads (at most {@code maxBlocked} callers wait at once, a semaphore; a caller
 * finding every slot taken waits at most {@value #SLOT_WAIT_MILLIS} ms for one, then fails as
 * {@link Outcome#BUSY}). So a dead or slow backend ties up at most {@code maxBlocked} workers,
 * each for at most one deadline, and the guest gets a typed error; the short wait for a slot only
 * absorbs collisions of a healthy backend's quick calls. Thread-safe.
 */
public final class HostCalls {
  /** Why a wait ended without a value. */
  public enum Outcome {
    /** The deadline passed. */
    TIMEOUT,
    /** Every slot was taken: {@code maxBlocked} callers were already waiting. */
    BUSY,
    /** The operation failed; see the cause. */
    FAILED
  }

  /** A wait that ended without a value. */
  public static final class Failure extends Exception {
    private final Outcome outcome;

    Failure(Outcome outcome, String message, Throwable cause) {
      super(message, cause, false, false);
      this.outcome = outcome;
    }

    public Outcome outcome() {
      return outcome;
    }
  }

  /** The longest a caller waits for a free slot before it fails as busy. */
  public static final long SLOT_WAIT_MILLIS = 50;

  private final Semaphore slots;
  private final int maxBlocked;
  private final Context loop;

  /**
   * Waits with at most {@code maxBlocked} threads at once; operations start on {@code loop}, an
   * event-loop context. Starting them on the caller's context instead would deadlock: a guest runs
   * on an ordered worker context, and the client's callbacks would queue behind the very task
   * that is waiting for them.
   */
  public HostCalls(int maxBlocked, Context loop) {
    if (maxBlocked < 1) {
      throw new IllegalArgumentException("maxBlocked must be positive");
    }
    if (!loop.isEventLoopContext()) {
      throw new IllegalArgumentException("operations must start on an event-loop context");
    }
    this.maxBlocked = maxBlocked;
    this.slots = new Semaphore(maxBlocked, true);
    this.loop = loop;
  }

  /** The most callers that may wait at once. */
  public int maxBlocked() {
    return maxBlocked;
  }

  /**
   * Starts an operation on the event loop and waits for it, for at most {@code timeoutMillis}.
   * Call it on the guest's worker thread.
   *
   * @return its value
   * @throws Failure on timeout, when every slot is taken (the operation is then not started), or
   *     with the operation's failure as the cause
   * @throws EngineException of kind {@link ErrorKind#TIMEOUT} when the thread is interrupted (the
   *     call's deadline); of kind {@link ErrorKind#HOST} when called on an event loop
   */
  public <T> T await(Supplier<Future<T>> operation, long timeoutMillis) throws Failure {
    if (Context.isOnEventLoopThread()) {
      throw new EngineException(ErrorKind.HOST, "a host call waited on an event loop; guests must run on workers");
    }
    try {
      if (!slots.tryAcquire(Math.min(SLOT_WAIT_MILLIS, timeoutMillis), TimeUnit.MILLISECONDS)) {
        throw new Failure(Outcome.BUSY, "host busy: " + maxBlocked + " calls already waiting", null);
      }
      try {
        CompletableFuture<T> answer = new CompletableFuture<>();
        loop.runOnContext(v -> {
          try {
            operation.get().onComplete(answer::complete, answer::completeExceptionally);
          } catch (RuntimeException e) {
            answer.completeExceptionally(e);
          }
        });
        return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
      } finally {
        slots.release();
      }
    } catch (TimeoutException e) {
      throw new Failure(Outcome.TIMEOUT, "no answer within " + timeoutMillis + " ms", e);
    } catch (ExecutionException e) {
      throw new Failure(Outcome.FAILED, String.valueOf(e.getCause().getMessage()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(ErrorKind.TIMEOUT, "interrupted while waiting for the host", e);
    }
  }

  /**
   * The value of an operation that is already complete (the in-memory store), with no slot and
   * no hop to the event loop.
   *
   * @throws Failure with its failure as the cause
   * @throws IllegalStateException when it is not complete
   */
  public static <T> T now(Future<T> f) throws Failure {
    if (!f.isComplete()) {
      throw new IllegalStateException("a local operation did not complete at once");
    }
    if (f.succeeded()) {
      return f.result();
    }
    throw new Failure(Outcome.FAILED, String.valueOf(f.cause().getMessage()), f.cause());
  }

  /** The slots free now, for tests and metrics. */
  public int freeSlots() {
    return slots.availablePermits();
  }
}
