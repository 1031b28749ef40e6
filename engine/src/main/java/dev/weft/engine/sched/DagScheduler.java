package dev.weft.engine.sched;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.NodeTrace;
import dev.weft.engine.RunException;
import dev.weft.engine.RunResult;
import dev.weft.engine.TrapException;
import dev.weft.engine.pool.InstancePool;
import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.sched.FlowPlan.PlannedNode;
import dev.weft.flows.model.FlowNode;
import dev.weft.flows.model.Binding;
import dev.weft.flows.model.FlowOutput;
import dev.weft.flows.model.RetryPolicy;
import dev.weft.wit.value.WitValue;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs flows: every node whose inputs are ready starts at once, and each other node the moment
 * its last input arrives. Scheduling happens on one event-loop context per run; Wasm calls run on
 * a bounded {@link WorkerExecutor}, never on the event loop. A failure stops the run: nodes that
 * have not started are not started, running calls are interrupted, and the first failure is the
 * run's error.
 *
 * <p>Vert.x 5: {@code executeBlocking(Callable, boolean ordered)}; {@code ordered=false} so calls
 * of one run go in parallel.
 */
public final class DagScheduler {
  private final Vertx vertx;
  private final WorkerExecutor workers;

  public DagScheduler(Vertx vertx, WorkerExecutor workers) {
    this.vertx = vertx;
    this.workers = workers;
  }

  /**
   * Runs {@code plan} with inputs already checked against the flow's input types.
   *
   * @return the output, or a failed future with a {@link RunException}
   */
  public Future<RunResult> run(FlowPlan plan, Map<String, WitValue> inputs) {
    Context context = vertx.getOrCreateContext();
    Promise<RunResult> done = Promise.promise();
    context.runOnContext(v -> new Run(plan, inputs).start().onComplete(done));
    return done.future();
  }

  /** The state of one run; touched only on its context, except where noted. */
  private final class Run {
    private final FlowPlan plan;
    private final Map<String, WitValue> inputs;
    private final List<Future<WitValue>> results;
    private final List<NodeTrace> traces = Collections.synchronizedList(new ArrayList<>());
    private final List<Call> running = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<RunException> failure = new AtomicReference<>();

    Run(FlowPlan plan, Map<String, WitValue> inputs) {
      this.plan = plan;
      this.inputs = inputs;
      this.results = new ArrayList<>(plan.size());
    }

    Future<RunResult> start() {
      for (int i = 0; i < plan.size(); i++) {
        PlannedNode n = plan.node(i);
        Future<WitValue> result;
        if (n.deps().length == 0) {
          result = execute(n);
        } else {
          List<Future<WitValue>> deps = new ArrayList<>(n.deps().length);
          for (int d : n.deps()) {
            deps.add(results.get(d));
          }
          result = Future.join(deps).compose(ok -> execute(n));
        }
        results.add(result);
      }
      return Future.join(new ArrayList<>(results))
          .transform(
              ar -> {
                RunException first = failure.get();
                if (first != null) {
                  return Future.failedFuture(first);
                }
                if (ar.failed()) {
                  return Future.failedFuture(ar.cause());
                }
                try {
                  return Future.succeededFuture(output());
                } catch (EngineException e) {
                  return Future.failedFuture(
                      RunException.ofFlow(e.kind(), plan.graph().name(), "output: " + e.getMessage()));
                }
              });
    }

    private RunResult output() {
      List<FlowOutput> fields = plan.graph().outputs();
      List<WitValue> values = new ArrayList<>(fields.size());
      for (FlowOutput f : fields) {
        values.add(Values.eval(f.value(), inputs, this::valueOf, null));
      }
      return new RunResult(fields, values, traces);
    }

    private WitValue valueOf(String node) {
      return results.get(plan.indexOf(node)).result();
    }

    private Future<WitValue> execute(PlannedNode n) {
      FlowNode node = n.node();
      if (failure.get() != null) {
        return Future.failedFuture(failure.get());
      }
      long start = System.nanoTime();
      Future<WitValue> value;
      try {
        if (node.when().isPresent()) {
          WitValue cond = Values.eval(node.when().get(), inputs, this::valueOf, null);
          if (!((WitValue.Bool) cond).value()) {
            traces.add(new NodeTrace(node.id().name(), start, System.nanoTime(),
                Thread.currentThread().getName(), true));
            return Future.succeededFuture(WitValue.OptionValue.NONE);
          }
        }
        if (node.forEach().isPresent()) {
          WitValue list = Values.eval(node.forEach().get(), inputs, this::valueOf, null);
          value = forEach(n, (WitValue.ListLike) list, start);
        } else {
          value = callOnce(n, null, start);
        }
      } catch (EngineException e) {
        return fail(node, e);
      }
      if (node.when().isPresent()) {
        value = value.map(WitValue.OptionValue::some);
      }
      return value.recover(e -> fail(node, e));
    }

    /** Calls the node's function once per element, at most `concurrency` at a time, in order. */
    private Future<WitValue> forEach(PlannedNode n, WitValue.ListLike list, long start) {
      int total = list.size();
      boolean hasResult = n.node().function().result().isPresent();
      if (total == 0) {
        return Future.succeededFuture(hasResult ? new WitValue.ListValue(List.of()) : null);
      }
      int limit = n.node().concurrency() > 0 ? n.node().concurrency() : n.pool().max();
      WitValue[] out = new WitValue[total];
      Promise<WitValue> done = Promise.promise();
      int[] next = {0};
      int[] remaining = {total};
      // Runs on this run's context only, so the counters need no synchronization.
      Runnable[] launch = new Runnable[1];
      launch[0] =
          () -> {
            int i = next[0]++;
            if (i >= total) {
              return;
            }
            Future<WitValue> one;
            try {
              one = callOnce(n, list.get(i), start);
            } catch (EngineException e) {
              one = Future.failedFuture(e);
            }
            one.onComplete(
                ar -> {
                  if (ar.failed()) {
                    done.tryFail(ar.cause());
                    return;
                  }
                  out[i] = ar.result();
                  if (--remaining[0] == 0) {
                    done.tryComplete(hasResult ? new WitValue.ListValue(List.of(out)) : null);
                  } else if (failure.get() == null) {
                    launch[0].run();
                  }
                });
          };
      for (int k = 0; k < Math.min(limit, total); k++) {
        launch[0].run();
      }
      return done.future();
    }

    /** One call with the node's arguments (for `item`), retried and with its fallback. */
    private Future<WitValue> callOnce(PlannedNode n, WitValue item, long start) {
      FlowNode node = n.node();
      List<WitValue> args = new ArrayList<>(node.args().size());
      for (Binding b : node.args()) {
        args.add(Values.eval(b, inputs, this::valueOf, item));
      }
      Future<WitValue> value = attempt(n, args, start, 1);
      if (node.fallback().isPresent()) {
        Binding fallback = node.fallback().get();
        value =
            value.recover(
                e -> e instanceof RunException
                    ? Future.failedFuture(e) // the run failed elsewhere: no fallback for that
                    : Future.succeededFuture(Values.eval(fallback, inputs, this::valueOf, item)));
      }
      return value;
    }

    private Future<WitValue> attempt(PlannedNode n, List<WitValue> args, long start, int k) {
      Future<WitValue> value = n.pool().acquire().compose(lease -> call(n, lease, start, args));
      Optional<RetryPolicy> retry = n.node().retry();
      if (retry.isEmpty() || k >= retry.get().attempts()) {
        return value;
      }
      return value.recover(
          e -> {
            if (e instanceof RunException || failure.get() != null) {
              return Future.failedFuture(e);
            }
            return vertx.timer(retry.get().delayBefore(k + 1))
                .compose(v -> attempt(n, args, start, k + 1));
          });
    }

    private Future<WitValue> call(
        PlannedNode n, InstancePool.Lease lease, long queuedAt, List<WitValue> args) {
      if (failure.get() != null) {
        n.pool().cancel(lease);
        return Future.failedFuture(failure.get());
      }
      Call call = new Call();
      running.add(call);
      long timer =
          n.timeoutMillis() > 0 ? vertx.setTimer(n.timeoutMillis(), id -> call.timeOut()) : -1;
      FlowNode node = n.node();
      return workers
          .executeBlocking(() -> call.run(n.pool(), lease, node.exportKey(), args), false)
          .andThen(
              ar -> {
                if (timer >= 0) {
                  vertx.cancelTimer(timer);
                }
                running.remove(call);
                traces.add(new NodeTrace(node.id().name(), queuedAt, System.nanoTime(),
                    call.threadName, false));
              });
    }

    private Future<WitValue> fail(FlowNode node, Throwable e) {
      if (e instanceof RunException r) {
        return Future.failedFuture(r); // a failure of another node, passed along
      }
      if (e instanceof TimedOut t) {
        return fail(node, ErrorKind.TIMEOUT, t.getMessage(), null);
      }
      if (e instanceof TrapException t) {
        return fail(node, ErrorKind.TRAP, t.getMessage(), t);
      }
      if (e instanceof EngineException x) {
        return fail(node, x.kind(), x.getMessage(), x);
      }
      return fail(node, ErrorKind.HOST, String.valueOf(e.getMessage()), e);
    }

    private Future<WitValue> fail(FlowNode node, ErrorKind kind, String message, Throwable cause) {
      RunException r =
          new RunException(
              kind, plan.graph().name(), Optional.of(node.id().name()), Optional.of(node.component()),
              Optional.of(node.exportKey()), message, cause);
      if (failure.compareAndSet(null, r)) {
        synchronized (running) {
          running.forEach(Call::cancel);
        }
      }
      return Future.failedFuture(failure.get());
    }
  }

  /** A call on a worker thread that a deadline or a failed run may interrupt. */
  private static final class Call {
    private Thread thread;
    private boolean finished;
    private boolean timedOut;
    String threadName = "";

    WitValue run(InstancePool pool, InstancePool.Lease lease, String export, List<WitValue> args) {
      synchronized (this) {
        thread = Thread.currentThread();
        threadName = thread.getName();
      }
      ComponentInstance instance = null;
      boolean healthy = false;
      try {
        instance = pool.open(lease);
        Optional<WitValue> r = instance.call(export, args);
        healthy = true;
        return r.orElse(null);
      } catch (RuntimeException e) {
        synchronized (this) {
          if (timedOut) {
            throw new TimedOut("timed out: the call ran longer than its deadline");
          }
        }
        throw e;
      } finally {
        synchronized (this) {
          finished = true;
          Thread.interrupted(); // a late interrupt must not leak into the worker's next task
        }
        if (instance != null) {
          if (healthy) {
            pool.release(instance);
          } else {
            pool.discard(instance);
          }
        }
      }
    }

    synchronized void timeOut() {
      timedOut = true;
      cancel();
    }

    synchronized void cancel() {
      if (thread != null && !finished) {
        thread.interrupt();
      }
    }
  }

  /** A call interrupted by its deadline. */
  private static final class TimedOut extends RuntimeException {
    TimedOut(String message) {
      super(message);
    }
  }
}
