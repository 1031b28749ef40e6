package dev.weft.engine.sched;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.NodeTrace;
import dev.weft.engine.RunException;
import dev.weft.engine.RunResult;
import dev.weft.engine.TrapException;
import dev.weft.engine.host.BuiltinHost;
import dev.weft.engine.pool.InstancePool;
import dev.weft.engine.sched.FlowPlan.PlannedNode;
import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.InterruptGate;
import dev.weft.flows.builtin.Builtin;
import dev.weft.flows.model.Binding;
import dev.weft.flows.model.FlowInput;
import dev.weft.flows.model.InputConstraints;
import dev.weft.flows.model.FlowNode;
import dev.weft.flows.model.FlowOutput;
import dev.weft.flows.model.RetryPolicy;
import dev.weft.wit.value.WitValue;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs flows: every node whose inputs are ready starts at once, and each other node the moment
 * its last input arrives. Each node keeps a count of the inputs it still waits for; the node that
 * delivers the last one starts it. Wasm calls run on a bounded {@link WorkerExecutor}, never on an
 * event loop, and a node made ready by a call continues on the same worker (see {@link
 * WorkerLoop}), so a chain costs no thread hop per node. A failure stops the run: nodes that have
 * not started are not started, running calls are interrupted, sub-flow runs in flight are stopped
 * the same way, and the first failure is the run's error. The run's future completes on the
 * context it was started from.
 *
 * <p>Built-in nodes ({@code kv.get}, {@code http.request}...) hold no thread while they wait:
 * those that do I/O (KV on Redis, HTTP) start on an event loop and complete a Future there; those
 * that complete at once (in-memory KV, clock, random, log) run on the thread that made them
 * ready, a worker or an event loop, saving a thread hop that would cost more than the work. Either
 * way their dependents start from that thread: Wasm calls go to the workers as always (never onto
 * the event loop), built-in dependents start directly.
 *
 * <p>Vert.x 5. Thread-safe; a run's state is shared by the threads that run its nodes.
 */
public final class DagScheduler {
  /** How many calls of a built-in {@code for-each} node are in flight at once unless it says. */
  public static final int DEFAULT_BUILTIN_CONCURRENCY = 16;

  private final Vertx vertx;
  private final WorkerLoop workers;
  private final BuiltinHost builtins;
  // Where built-in I/O starts when the run's own context is not an event loop.
  private final Context loop;

  /** A scheduler for flows without built-in nodes. */
  public DagScheduler(Vertx vertx, WorkerExecutor workers) {
    this(vertx, workers, null);
  }

  /** A scheduler whose built-in nodes run on {@code builtins}. */
  public DagScheduler(Vertx vertx, WorkerExecutor workers, BuiltinHost builtins) {
    this.vertx = vertx;
    this.workers = new WorkerLoop(workers);
    this.builtins = builtins;
    this.loop = ((VertxInternal) vertx).createEventLoopContext();
  }

  /**
   * Runs {@code plan} with inputs already checked against the flow's input types.
   *
   * @return the output, or a failed future with a {@link RunException}
   */
  public Future<RunResult> run(FlowPlan plan, Map<String, WitValue> inputs) {
    Context context = vertx.getOrCreateContext();
    Promise<RunResult> done = Promise.promise();
    Run run = new Run(plan, inputs, context, done);
    // On the context's own thread (an HTTP handler, say) the run starts at once: a task queued
    // to the same loop would only cost a hop.
    ((ContextInternal) context).emit(run, Run::start);
    return done.future();
  }

  /** Marks a node that finished without a value: its function returns nothing. */
  private static final Object NOTHING = new Object();

  /** The state of one run. */
  private final class Run {
    private final FlowPlan plan;
    private final Map<String, WitValue> inputs;
    private final Context context;
    private final Promise<RunResult> done;
    private final AtomicReferenceArray<Object> values;
    private final AtomicIntegerArray waiting;
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<RunException> failure = new AtomicReference<>();
    private final List<NodeTrace> traces = Collections.synchronizedList(new ArrayList<>());
    // What a failure must stop: Wasm calls, built-in I/O (one per node at a time, but for-each
    // nodes start several), sub-flow runs. Most runs use one kind at most, so each set is made
    // when first needed.
    private final LazySet<Call> running = new LazySet<>();
    private final AtomicReferenceArray<Promise<WitValue>> waitingIo;
    private final LazySet<Promise<WitValue>> waitingForEachIo = new LazySet<>();
    private final LazySet<Run> subruns = new LazySet<>();
    private final Function<String, WitValue> nodeValue = this::valueOf;

    Run(FlowPlan plan, Map<String, WitValue> inputs, Context context, Promise<RunResult> done) {
      this.plan = plan;
      this.inputs = inputs;
      this.context = context;
      this.done = done;
      this.values = new AtomicReferenceArray<>(plan.size());
      this.waiting = new AtomicIntegerArray(plan.size());
      this.waitingIo = new AtomicReferenceArray<>(plan.size());
      for (int i = 0; i < plan.size(); i++) {
        waiting.set(i, plan.node(i).deps().length);
      }
    }

    void start() {
      if (plan.size() == 0 || failure.get() != null) {
        finish(); // nothing to run, or a sub-run its caller stopped before it began
        return;
      }
      // Breadth first: built-in roots that complete at once queue their dependents behind the
      // other roots instead of running them before those start.
      Trampoline.run(() -> {
        for (int i = 0; i < plan.size(); i++) {
          if (plan.node(i).deps().length == 0) {
            ready(i);
          }
        }
      });
    }

    private WitValue valueOf(String node) {
      Object v = values.get(plan.indexOf(node));
      return v == NOTHING ? null : (WitValue) v;
    }

    /** Starts node {@code i}, whose inputs are all there. Any thread. */
    private void ready(int i) {
      if (failure.get() != null) {
        return; // never started: the run is failing
      }
      inFlight.incrementAndGet();
      PlannedNode n = plan.node(i);
      FlowNode node = n.node();
      long start = System.nanoTime();
      try {
        if (node.when().isPresent()) {
          WitValue cond = Values.eval(node.when().get(), inputs, nodeValue, null);
          if (!((WitValue.Bool) cond).value()) {
            traces.add(new NodeTrace(node.id().name(), start, System.nanoTime(),
                Thread.currentThread().getName(), true));
            complete(i, WitValue.OptionValue.NONE);
            return;
          }
        }
        BiConsumer<WitValue, Throwable> result =
            (v, e) -> {
              if (e != null) {
                fail(i, e);
              } else {
                complete(i, node.when().isPresent() && v != null ? WitValue.OptionValue.some(v) : v);
              }
            };
        if (node.forEach().isPresent()) {
          WitValue list = Values.eval(node.forEach().get(), inputs, nodeValue, null);
          forEach(n, (WitValue.ListLike) list, start, result);
        } else {
          callOnce(n, null, start, result);
        }
      } catch (RuntimeException e) {
        fail(i, e);
      }
    }

    /** Node {@code i} finished with {@code value} (null: no value); start what it unblocks. */
    private void complete(int i, WitValue value) {
      values.set(i, value == null ? NOTHING : value);
      for (int d : plan.node(i).dependents()) {
        if (waiting.decrementAndGet(d) == 0) {
          ready(d);
        }
      }
      finished.incrementAndGet();
      settle();
    }

    private void fail(int i, Throwable e) {
      RunException r =
          e instanceof RunException x ? x : describe(plan.graph().name(), plan.node(i).node(), e);
      stop(r);
      settle();
    }

    /**
     * Fails the run with {@code r} unless it failed already: interrupts its calls and stops its
     * sub-flow runs; nodes still to start will not. Any thread.
     */
    private void stop(RunException r) {
      if (failure.compareAndSet(null, r)) {
        running.forEach(Call::cancel);
        for (int i = 0; i < waitingIo.length(); i++) {
          Promise<WitValue> p = waitingIo.get(i);
          if (p != null) {
            p.tryFail(r);
          }
        }
        waitingForEachIo.forEach(p -> p.tryFail(r));
        subruns.forEach(s -> s.stop(r));
      }
    }

    /** Called once per started node when it ends; the last one ends the run. */
    private void settle() {
      int left = inFlight.decrementAndGet();
      if (left == 0 && (failure.get() != null || finished.get() == plan.size())) {
        finish();
      }
    }

    private void finish() {
      RunException first = failure.get();
      if (first != null) {
        emit(first);
        return;
      }
      RunResult result;
      try {
        List<FlowOutput> fields = plan.graph().outputs();
        List<WitValue> out = new ArrayList<>(fields.size());
        for (FlowOutput f : fields) {
          out.add(Values.eval(f.value(), inputs, nodeValue, null));
        }
        result = new RunResult(fields, out, traces);
      } catch (EngineException e) {
        emit(RunException.ofFlow(e.kind(), plan.graph().name(), "output: " + e.getMessage()));
        return;
      }
      emit(result);
    }

    /**
     * Completes the run with a {@link RunResult} or a {@link RunException} on its context: at
     * once when this thread is the context's (a KV reply on the same event loop), else as a task.
     */
    private void emit(Object outcome) {
      ((ContextInternal) context).emit(outcome, o -> {
        if (o instanceof RunException e) {
          done.tryFail(e);
        } else {
          done.tryComplete((RunResult) o);
        }
      });
    }

    /** Calls once per element, at most `concurrency` at a time; results in element order. */
    private void forEach(
        PlannedNode n, WitValue.ListLike list, long start, BiConsumer<WitValue, Throwable> result) {
      int total = list.size();
      boolean hasResult = n.node().function().result().isPresent();
      if (total == 0) {
        result.accept(hasResult ? new WitValue.ListValue(List.of()) : null, null);
        return;
      }
      int limit = n.node().concurrency() > 0 ? n.node().concurrency()
          : n.pool() != null ? n.pool().max() : DEFAULT_BUILTIN_CONCURRENCY;
      WitValue[] out = new WitValue[total];
      AtomicInteger next = new AtomicInteger();
      AtomicInteger remaining = new AtomicInteger(total);
      AtomicInteger failed = new AtomicInteger();
      Runnable[] launch = new Runnable[1];
      launch[0] =
          () -> {
            int k = next.getAndIncrement();
            if (k >= total) {
              return;
            }
            BiConsumer<WitValue, Throwable> one =
                (v, e) -> {
                  if (e != null) {
                    if (failed.getAndIncrement() == 0) {
                      result.accept(null, e);
                    }
                    return;
                  }
                  out[k] = v;
                  if (remaining.decrementAndGet() == 0) {
                    result.accept(hasResult ? new WitValue.ListValue(List.of(out)) : null, null);
                  } else if (failed.get() == 0 && failure.get() == null) {
                    launch[0].run();
                  }
                };
            try {
              callOnce(n, list.get(k), start, one);
            } catch (EngineException e) {
              one.accept(null, e);
            }
          };
      for (int k = 0; k < Math.min(limit, total); k++) {
        launch[0].run();
      }
    }

    /** One call with the node's arguments (for `item`), retried, with its fallback. */
    private void callOnce(
        PlannedNode n, WitValue item, long start, BiConsumer<WitValue, Throwable> result) {
      FlowNode node = n.node();
      List<WitValue> args = new ArrayList<>(node.args().size());
      for (Binding b : node.args()) {
        args.add(Values.eval(b, inputs, nodeValue, item));
      }
      BiConsumer<WitValue, Throwable> withFallback = result;
      if (node.fallback().isPresent()) {
        Binding fallback = node.fallback().get();
        withFallback =
            (v, e) -> {
              if (e == null || e instanceof RunException) {
                result.accept(v, e); // success, or the run failed elsewhere: no fallback for that
                return;
              }
              WitValue fb;
              try {
                fb = Values.eval(fallback, inputs, nodeValue, item);
              } catch (EngineException x) {
                result.accept(null, x);
                return;
              }
              result.accept(fb, null);
            };
      }
      attempt(n, args, start, 1, withFallback);
    }

    private void attempt(
        PlannedNode n, List<WitValue> args, long start, int k, BiConsumer<WitValue, Throwable> result) {
      if (n.subplan() != null) {
        attemptFlow(n, args, start, k, result);
        return;
      }
      Optional<RetryPolicy> retry = n.node().retry();
      BiConsumer<WitValue, Throwable> next = result;
      if (retry.isPresent() && k < retry.get().attempts()) {
        next =
            (v, e) -> {
              if (e == null || e instanceof RunException || failure.get() != null) {
                result.accept(v, e);
              } else {
                vertx.setTimer(retry.get().delayBefore(k + 1), id -> attempt(n, args, start, k + 1, result));
              }
            };
      }
      BiConsumer<WitValue, Throwable> then = next;
      if (n.node().builtin().isPresent()) {
        builtin(n, n.node().builtin().get(), args, start, then);
        return;
      }
      boolean queued =
          n.pool().acquire(lease -> workers.dispatch(() -> call(n, lease, start, args, then)));
      if (!queued) {
        then.accept(null, new EngineException(ErrorKind.BUSY, "component `" + n.pool().name()
            + "` is busy: " + n.pool().max() + " instances running and " + n.pool().queueLimit()
            + " calls waiting"));
      }
    }

    /**
     * A built-in node. One that completes at once runs here, on this thread; one that does I/O
     * starts on an event loop, and its Future (bounded by the node's deadline, failed at once if
     * the run fails) completes there.
     */
    private void builtin(
        PlannedNode n, Builtin b, List<WitValue> args, long start, BiConsumer<WitValue, Throwable> result) {
      if (builtins == null) {
        result.accept(null, new EngineException(ErrorKind.HOST, "this engine runs no built-in nodes"));
        return;
      }
      String source = b == Builtin.LOG ? plan.graph().name() + "." + n.node().id().name() : "";
      if (builtins.completesAtOnce(b)) {
        Future<WitValue> f = builtins.call(b, args, source);
        traces.add(new NodeTrace(n.node().id().name(), start, System.nanoTime(),
            Thread.currentThread().getName(), false));
        Trampoline.run(() -> result.accept(f.result(), f.cause()));
        return;
      }
      if (Context.isOnEventLoopThread()) {
        startIo(n, b, args, source, start, result);
      } else {
        (context.isEventLoopContext() ? context : loop).runOnContext(v -> startIo(n, b, args, source, start, result));
      }
    }

    /** On an event loop: starts a built-in's I/O; the result comes on the loop, no thread waits. */
    private void startIo(
        PlannedNode n, Builtin b, List<WitValue> args, String source, long start,
        BiConsumer<WitValue, Throwable> result) {
      Promise<WitValue> p = Promise.promise();
      int slot = n.node().forEach().isPresent() ? -1 : plan.indexOf(n.node().id().name());
      long deadline = n.timeoutMillis();
      long timer = deadline > 0
          ? vertx.setTimer(deadline, id -> p.tryFail(new TimedOut(
              "timed out: `" + b.callName() + "` did not finish within the node's deadline of " + deadline + " ms")))
          : -1;
      p.future().onComplete(ar -> {
        if (slot >= 0) {
          waitingIo.compareAndSet(slot, p, null);
        } else {
          waitingForEachIo.remove(p);
        }
        if (timer >= 0) {
          vertx.cancelTimer(timer);
        }
        traces.add(new NodeTrace(n.node().id().name(), start, System.nanoTime(),
            Thread.currentThread().getName(), false));
        result.accept(ar.result(), ar.cause());
      });
      if (slot >= 0) {
        waitingIo.set(slot, p); // a retry's attempt replaces the one before, which has ended
      } else {
        waitingForEachIo.add(p);
      }
      RunException failed = failure.get();
      if (failed != null) {
        p.tryFail(failed);
        return;
      }
      try {
        builtins.start(b, args, source, p);
      } catch (RuntimeException e) {
        p.tryFail(e);
      }
    }

    /** A `flow:` node: run the sub-flow with the arguments as its inputs; its output is a record. */
    private void attemptFlow(
        PlannedNode n, List<WitValue> args, long start, int k, BiConsumer<WitValue, Throwable> result) {
      FlowPlan sub = n.subplan();
      Map<String, WitValue> subInputs = new java.util.LinkedHashMap<>();
      for (int a = 0; a < args.size(); a++) {
        FlowInput in = sub.graph().inputs().get(a);
        subInputs.put(in.name(), args.get(a));
        // The sub-flow's input constraints hold for this caller as for any other: a value that
        // breaks one fails the node (a value error: this flow made it), and retrying cannot help.
        Optional<InputConstraints.Violation> broken =
            in.constraints().isEmpty() ? Optional.empty() : in.constraints().check(args.get(a));
        if (broken.isPresent()) {
          result.accept(null, new EngineException(ErrorKind.VALUE, "sub-flow `" + sub.graph().name()
              + "`: input `" + in.name() + "` " + broken.get().detail()));
          return;
        }
      }
      Optional<RetryPolicy> retry = n.node().retry();
      Promise<RunResult> subDone = Promise.promise();
      Run subrun = new Run(sub, subInputs, context, subDone);
      subruns.add(subrun);
      RunException failed = failure.get();
      if (failed != null) {
        subrun.stop(failed); // this run failed meanwhile: the sub-run ends without starting nodes
      }
      subrun.start();
      subDone.future().onComplete(ar -> {
        subruns.remove(subrun);
        traces.add(new NodeTrace(n.node().id().name(), start, System.nanoTime(),
            Thread.currentThread().getName(), false));
        if (ar.succeeded()) {
          RunResult r = ar.result();
          List<WitValue.FieldValue> fields = new ArrayList<>(r.fields().size());
          for (int f = 0; f < r.fields().size(); f++) {
            fields.add(new WitValue.FieldValue(r.fields().get(f).name(), r.values().get(f)));
          }
          result.accept(new WitValue.RecordValue(fields), null);
          return;
        }
        // The sub-flow's failure is this node's failure (so its retry and fallback apply).
        Throwable cause = ar.cause();
        ErrorKind kind = cause instanceof EngineException e ? e.kind() : ErrorKind.HOST;
        EngineException mine = new EngineException(kind, "sub-flow `" + sub.graph().name()
            + "` failed: " + cause.getMessage(), cause);
        if (retry.isPresent() && k < retry.get().attempts() && failure.get() == null) {
          vertx.setTimer(retry.get().delayBefore(k + 1), id -> attemptFlow(n, args, start, k + 1, result));
        } else {
          result.accept(null, mine);
        }
      });
    }

    /** On a worker: the call itself, under its deadline. Never throws. */
    private void call(
        PlannedNode n, InstancePool.Lease lease, long start, List<WitValue> args,
        BiConsumer<WitValue, Throwable> result) {
      RunException failed = failure.get();
      if (failed != null) {
        n.pool().cancel(lease);
        result.accept(null, failed);
        return;
      }
      Call call = new Call();
      running.add(call);
      long timer =
          n.timeoutMillis() > 0 ? vertx.setTimer(n.timeoutMillis(), id -> call.timeOut()) : -1;
      WitValue value = null;
      Throwable error = null;
      try {
        value = call.run(n.pool(), lease, n.node().exportKey(), args);
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        error = e;
      } finally {
        if (timer >= 0) {
          vertx.cancelTimer(timer);
        }
        running.remove(call);
        traces.add(new NodeTrace(n.node().id().name(), start, System.nanoTime(),
            Thread.currentThread().getName(), false));
      }
      result.accept(value, error);
    }
  }

  private static RunException describe(String flow, FlowNode node, Throwable e) {
    ErrorKind kind;
    String message;
    if (e instanceof TimedOut t) {
      kind = ErrorKind.TIMEOUT;
      message = t.getMessage();
    } else if (e instanceof TrapException t) {
      kind = ErrorKind.TRAP;
      message = t.getMessage();
    } else if (e instanceof EngineException x) {
      kind = x.kind();
      message = x.getMessage();
    } else if (e instanceof StackOverflowError) {
      kind = ErrorKind.TRAP;
      message = "call stack exhausted";
    } else if (e instanceof OutOfMemoryError) {
      kind = ErrorKind.LIMIT;
      message = "out of memory";
    } else {
      kind = ErrorKind.HOST;
      message = String.valueOf(e.getMessage());
    }
    Optional<String> component = node.component().isEmpty() ? Optional.empty() : Optional.of(node.component());
    if (node.builtin().isPresent() && message.startsWith(node.exportKey() + ": ")) {
      message = message.substring(node.exportKey().length() + 2); // the run error names the function
    }
    return new RunException(kind, flow, Optional.of(node.id().name()), component,
        Optional.of(node.exportKey()), message, e);
  }

  /** A concurrent set made on first use. */
  private static final class LazySet<T> {
    private volatile Set<T> set;

    void add(T t) {
      Set<T> s = set;
      if (s == null) {
        synchronized (this) {
          s = set;
          if (s == null) {
            set = s = ConcurrentHashMap.newKeySet();
          }
        }
      }
      s.add(t);
    }

    void remove(T t) {
      Set<T> s = set;
      if (s != null) {
        s.remove(t);
      }
    }

    void forEach(Consumer<? super T> action) {
      Set<T> s = set;
      if (s != null) {
        s.forEach(action);
      }
    }
  }

  /** A call on a worker thread that a deadline or a failed run may interrupt. */
  private static final class Call {
    private Thread thread;
    private InstancePool pool;
    private InterruptGate.Interruption interruption;
    private boolean finished;
    private boolean timedOut;

    WitValue run(InstancePool pool, InstancePool.Lease lease, String export, List<WitValue> args) {
      synchronized (this) {
        thread = Thread.currentThread();
        this.pool = pool;
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
          if (interruption != null) {
            interruption.close();
          }
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
      if (thread != null && !finished && interruption == null) {
        interruption = pool.component().interrupt(thread);
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
