package dev.weft.server;

import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.wasm.CompileCache;
import dev.weft.server.codecs.FlowsChangedCodec;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A running {@code weft serve}: Vert.x (clustered or not, with Micrometer metrics), the engine,
 * the served flows, the HTTP verticles, the event-bus consumers and, with {@code --watch}, the
 * file watcher. {@link #start} loads everything before it returns; {@link #stop} drains.
 *
 * <p>Thread-safe. {@link #start} and {@link #close} block; call them from a plain thread (main,
 * a shutdown hook or a test), never from an event loop.
 */
public final class WeftServer implements AutoCloseable {
  /**
   * Micrometer warns once per process that Vert.x registers some gauges twice (the event bus's
   * handler count, once per HTTP verticle; HTTP/2 connections; the clustered event bus): the second
   * registration is ignored and the metrics are right, so the warning only alarms. It is logged
   * through {@code MeterRegistry}'s logger; a filter drops that one message and lets the registry's
   * other warnings through. A strong reference keeps the filter (JUL holds loggers weakly).
   */
  private static final java.util.logging.Logger MICROMETER_WARNINGS =
      java.util.logging.Logger.getLogger("io.micrometer.core.instrument.MeterRegistry");

  static {
    MICROMETER_WARNINGS.setFilter(r -> r.getMessage() == null || !r.getMessage().contains("already registered"));
  }

  private final ServerOptions options;
  private final Vertx vertx;
  private final Engine engine;
  private final InFlight inFlight;
  private final FlowRegistry registry;
  private final EventBusApi bus;
  private final HttpApi api;
  /** The HTTP verticles, one per event loop that serves (the first one's port is everyone's). */
  private final List<ServerVerticle> verticles = new ArrayList<>();
  private final FlowWatcher watcher;
  private final PoolGauges pools;
  private final Consumer<String> log;
  private volatile boolean ready;
  private boolean stopped;

  private WeftServer(ServerOptions options, Vertx vertx, PrometheusMeterRegistry metrics, Consumer<String> log) {
    this.options = options;
    this.vertx = vertx;
    this.log = log;
    int cores = Runtime.getRuntime().availableProcessors();
    EngineOptions engineOptions = new EngineOptions(cores, cores, options.queueLimit(), true,
        EngineOptions.DEFAULT_MAX_MEMORY_PAGES).withCompileCache(CompileCache.defaultDir());
    this.engine = Engine.create(vertx, options.redisUrl().map(engineOptions::withRedisUrl).orElse(engineOptions));
    this.inFlight = new InFlight();
    this.registry = new FlowRegistry(engine, log);
    FlowRuns runs = new FlowRuns(engine, registry, new FlowMetrics(metrics, inFlight), inFlight);
    this.bus = new EventBusApi(vertx, runs);
    String version = String.valueOf(WeftServer.class.getPackage().getImplementationVersion());
    this.api = new HttpApi(runs, metrics, options.maxBodyBytes(), () -> ready && !inFlight.draining(), version);
    this.pools = new PoolGauges(metrics);
    vertx.eventBus().registerDefaultCodec(FlowsChanged.class, new FlowsChangedCodec());
    vertx.eventBus().<FlowsChanged>localConsumer(Addresses.FLOWS_CHANGED, m -> {
      bus.sync();
      pools.bind(registry);
    });
    this.watcher = new FlowWatcher(vertx, registry, options.paths(), log, names ->
        vertx.eventBus().publish(Addresses.FLOWS_CHANGED, new FlowsChanged(names, registry.names())));
  }

  /**
   * Starts a server: makes Vert.x (joining the cluster if asked), loads every flow, listens and
   * consumes. Blocking.
   *
   * @param log receives start-up, reload and shutdown messages, one per call
   * @throws ServeException when a flow does not load (with the rendered problems), the port is
   *     taken, or the cluster cannot be joined
   */
  public static WeftServer start(ServerOptions options, Consumer<String> log) {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    VertxOptions vo = new VertxOptions().setMetricsOptions(metricsOptions(options));
    VertxBuilder builder = Vertx.builder().withMetrics(new MicrometerMetricsFactory(metrics));
    Vertx vertx;
    if (options.cluster().isPresent()) {
      ClusterOptions c = options.cluster().get();
      vertx = await(builder.with(Cluster.eventBus(vo, c)).withClusterManager(Cluster.manager(c)).buildClustered(),
          60_000, "join the cluster at " + c.host() + ":" + c.port());
    } else {
      vertx = builder.with(vo).build();
    }
    WeftServer server = new WeftServer(options, vertx, metrics, log);
    try {
      server.load();
      server.listen();
      await(server.bus.sync(), 30_000, "consume the flows' event-bus addresses");
      server.pools.bind(server.registry);
      if (options.watch()) {
        server.watcher.start();
      }
      server.ready = true;
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /**
   * How many HTTP verticles serve: one per core, as Vert.x servers are usually deployed. With one,
   * every request and the KV I/O of its run shared one event loop (one core at most) while the
   * machine had more; under load that loop was the bottleneck, and on a busy machine the
   * scheduler gave its single thread less time than a server with a loop per core gets.
   */
  static final int HTTP_INSTANCES = Math.max(1, Runtime.getRuntime().availableProcessors());

  /**
   * Deploys the {@link #HTTP_INSTANCES} HTTP verticles, each on an event loop of its own, all on
   * one port: Vert.x shares a server among verticles that listen on the same address and hands
   * the connections round.
   */
  private void listen() {
    String where = options.host() + ":" + options.port();
    // Servers on port 0 get a free port each; on a negative port Vert.x gives them one to share.
    int port = options.port() == 0 ? -1 : options.port();
    ServerVerticle first = new ServerVerticle(api, options.host(), port);
    await(vertx.deployVerticle(first), 30_000, "listen on " + where);
    verticles.add(first);
    for (int i = 1; i < HTTP_INSTANCES; i++) {
      ServerVerticle more = new ServerVerticle(api, options.host(), port);
      await(vertx.deployVerticle(more), 30_000, "listen on " + where);
      verticles.add(more);
    }
  }

  private Future<?> shutdownHttp(long drain) {
    List<Future<Void>> all = new ArrayList<>();
    for (ServerVerticle v : verticles) {
      all.add(v.shutdown(drain));
    }
    return Future.join(all);
  }

  /**
   * Vert.x's meters: event bus, pools, TCP clients and, with {@code --http-metrics}, the HTTP
   * server. Its HTTP server meters look up a counter, a timer and two distribution summaries in
   * the registry on every request (a meter id built from the request's tags each time): 6% of the
   * event loops' CPU samples on the KV-only signup flow under wrk (JFR, Temurin 25), more than
   * Weft's own per-flow meters, which count and time every run anyway.
   */
  static MicrometerMetricsOptions metricsOptions(ServerOptions options) {
    MicrometerMetricsOptions m = new MicrometerMetricsOptions().setEnabled(true);
    return options.httpMetrics() ? m : m.addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER);
  }

  private void load() {
    List<Path> files;
    try {
      files = FlowRegistry.files(options.paths());
    } catch (RuntimeException e) {
      throw new ServeException(e.getMessage());
    }
    if (files.isEmpty()) {
      throw new ServeException("no flow files found in " + options.paths());
    }
    List<String> problems = new ArrayList<>();
    for (Path f : files) {
      FlowRegistry.Outcome o = registry.load(f);
      if (o.flow().isEmpty()) {
        problems.add(o.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ServeException(String.join("\n", problems));
    }
  }

  /** The port HTTP listens on. */
  public int port() {
    return verticles.get(0).actualPort();
  }

  /** The port each HTTP verticle listens on: the same one for all (for tests). */
  List<Integer> httpPorts() {
    return verticles.stream().map(ServerVerticle::actualPort).toList();
  }

  /** The Vert.x instance (clustered with {@code --cluster}). */
  public Vertx vertx() {
    return vertx;
  }

  /** The names of the served flows. */
  public List<String> flows() {
    return registry.names();
  }

  /**
   * Drains and stops: readiness turns DOWN, the event-bus consumers go (so a cluster sends
   * elsewhere), HTTP stops accepting, runs in flight get up to {@code drainMillis} to finish, then
   * the engine and Vert.x close (leaving the cluster). Blocking; idempotent.
   */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    ready = false;
    watcher.stop();
    long drain = options.drainMillis();
    try {
      Future<Integer> drained = bus.close()
          .transform(ar -> Future.join(shutdownHttp(drain), inFlight.drain(vertx, drain)))
          .map(cf -> inFlight.count());
      int left = await(drained, drain + 5_000, "drain");
      if (left > 0) {
        log.accept("stopped with " + left + " runs still in flight after " + drain + " ms");
      }
    } catch (RuntimeException e) {
      log.accept("drain: " + e.getMessage());
    } finally {
      engine.close();
      try {
        await(vertx.close(), 15_000, "close");
      } catch (RuntimeException e) {
        log.accept("close: " + e.getMessage());
      }
    }
  }

  static <T> T await(Future<T> f, long millis, String what) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new ServeException("cannot " + what + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new ServeException("cannot " + what + ": no answer in " + millis + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServeException("interrupted while trying to " + what);
    }
  }
}
