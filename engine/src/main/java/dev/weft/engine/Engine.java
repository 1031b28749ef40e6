package dev.weft.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.host.HostEnvironment;
import dev.weft.engine.impl.ComponentCache;
import dev.weft.engine.pool.InstancePool;
import dev.weft.engine.sched.DagScheduler;
import dev.weft.engine.sched.FlowPlan;
import dev.weft.engine.wasm.CompileCache;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.flows.FlowException;
import dev.weft.flows.Flows;
import dev.weft.flows.model.FlowComponent;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowNode;
import dev.weft.wit.value.WitValue;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Weft's engine: loads flows (checking them and compiling their components once) and runs them on
 * Vert.x. Runs of one or many flows may go on concurrently from any thread.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create(EngineOptions.defaults())) {
 *   LoadedFlow flow = engine.load(Path.of("examples/flows/hello.yaml"));
 *   RunResult r = engine.run(flow, Map.of("name", new WitValue.Str("World")))
 *       .toCompletionStage().toCompletableFuture().join();
 * }
 * }</pre>
 *
 * <p>Built on Vert.x 5. Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private final Vertx vertx;
  private final boolean ownsVertx;
  private final EngineOptions options;
  private final WorkerExecutor workers;
  private final DagScheduler scheduler;
  private final ComponentCache components;
  private final HostEnvironment host;
  /** The pools of every flow loaded and not closed yet. */
  private final Set<InstancePool> pools = ConcurrentHashMap.newKeySet();

  private Engine(Vertx vertx, boolean ownsVertx, EngineOptions options) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.options = options;
    this.workers = vertx.createSharedWorkerExecutor("weft-wasm", options.workerThreads());
    this.host = HostEnvironment.builder(vertx, options.host()).withWorkerThreads(options.workerThreads()).build();
    this.scheduler = new DagScheduler(vertx, workers, host.builtins());
    this.components =
        new ComponentCache(
            new LoadOptions(options.maxMemoryPages(), options.compile())
                .withCompileCache(options.compileCache().map(CompileCache::new)),
            host);
  }

  /** An engine with a Vert.x instance of its own, closed with the engine. */
  public static Engine create(EngineOptions options) {
    return new Engine(Vertx.vertx(), true, options);
  }

  /** An engine on the caller's Vert.x instance, which the caller closes. */
  public static Engine create(Vertx vertx, EngineOptions options) {
    return new Engine(Objects.requireNonNull(vertx, "vertx"), false, options);
  }

  /** The Vert.x instance runs are scheduled on. */
  public Vertx vertx() {
    return vertx;
  }

  /** The options this engine was made with. */
  public EngineOptions options() {
    return options;
  }

  /**
   * Loads a flow: reads and checks it, loads and compiles its components (once per engine), and
   * plans it. Blocking: call it at start-up or on a worker thread, not on an event loop.
   *
   * @throws FlowException with every problem found in the flow
   */
  public LoadedFlow load(Path file) {
    FlowGraph graph = Flows.load(file, components);
    List<InstancePool> made = new ArrayList<>();
    FlowPlan plan = plan(graph, new HashMap<>(), made);
    pools.addAll(made);
    return new LoadedFlow(graph, plan, () -> release(made));
  }

  /** Closes the pools of a flow that is closed ({@link LoadedFlow#close()}). */
  private void release(List<InstancePool> flowPools) {
    flowPools.forEach(pools::remove);
    flowPools.forEach(InstancePool::close);
  }

  /**
   * Plans a flow and, once each, the flows its nodes run; every flow gets pools of its own, which
   * are added to {@code made}.
   */
  private FlowPlan plan(FlowGraph graph, Map<Path, FlowPlan> planned, List<InstancePool> made) {
    Map<String, InstancePool> flowPools = new HashMap<>();
    Map<String, Long> timeouts = new HashMap<>();
    for (FlowComponent c : graph.components()) {
      InstancePool pool =
          new InstancePool(
              components.get(c.wasm(), c.memoryLimitBytes(), c.name(), c.grants()),
              c.name(),
              c.poolMax().orElse(options.defaultPoolMax()),
              options.queueLimit(),
              c.poolReset());
      made.add(pool);
      flowPools.put(c.name(), pool);
      c.timeoutMillis().ifPresent(t -> timeouts.put(c.name(), t));
    }
    Map<String, FlowPlan> subplans = new HashMap<>();
    for (FlowNode n : graph.nodes()) {
      if (n.subflow().isPresent()) {
        FlowGraph sub = n.subflow().get();
        Path key = sub.file().toAbsolutePath().normalize();
        FlowPlan p = planned.get(key);
        if (p == null) {
          p = plan(sub, planned, made);
          planned.put(key, p);
        }
        subplans.put(n.id().name(), p);
      }
    }
    return new FlowPlan(graph, flowPools, timeouts, subplans);
  }


  /**
   * Runs a flow with typed inputs, one per declared input. Inputs that break a constraint the
   * flow declares ({@code max-bytes}...) fail the run before any node starts.
   *
   * @return the output; or fails with a {@link RunException} naming the node, component,
   *     function and kind of failure, or the input and the constraint it breaks
   */
  public Future<RunResult> run(LoadedFlow flow, Map<String, WitValue> inputs) {
    try {
      flow.checkConstraints(inputs);
    } catch (RunException e) {
      return Future.failedFuture(e);
    }
    return scheduler.run(flow.plan(), inputs);
  }

  /**
   * Runs a flow with inputs given as a JSON object in Weft's value mapping.
   *
   * @return the output, or fails with a {@link RunException} ({@link ErrorKind#TYPE} when the
   *     input does not fit the flow's input types, {@link ErrorKind#LIMIT} when it breaks a
   *     declared constraint)
   */
  public Future<RunResult> run(LoadedFlow flow, JsonNode input) {
    Map<String, WitValue> values;
    try {
      values = flow.inputsFromJson(input);
    } catch (RunException e) {
      return Future.failedFuture(e);
    }
    return run(flow, values);
  }

  /** The host capabilities components of this engine's flows import ({@code weft:host}). */
  public HostEnvironment host() {
    return host;
  }

  /** Closes the pools, the workers, the host's KV and HTTP clients and, when the engine made it, Vert.x. */
  @Override
  public void close() {
    pools.forEach(InstancePool::close);
    pools.clear();
    workers.close();
    try {
      host.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Closing is best effort: a Redis that is down cannot be told goodbye.
    }
    if (ownsVertx) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
