package dev.weft.cli;

import dev.weft.engine.host.HostOptions;
import dev.weft.server.Cluster;
import dev.weft.server.ClusterOptions;
import dev.weft.server.ServeException;
import dev.weft.server.ServerConfig;
import dev.weft.server.ServerOptions;
import dev.weft.server.WeftServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft serve PATH...}: serves flows over HTTP and the event bus until SIGTERM or SIGINT,
 * then drains. Options on the command line override those of {@code --config}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves flows: POST /flows/{name}, the routes flows declare, /openapi.json, /health, /metrics,",
      "and the event-bus address weft.flow.{name}. Stops on SIGTERM/SIGINT after draining runs.",
      "Exit codes: 0 after a clean stop, 1 when the server cannot start, 2 for a bad flow or option."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "flow files or folders of flows")
  List<Path> paths = List.of();

  @Option(names = "--config", paramLabel = "FILE", description = "options in YAML or JSON (see docs/serve.md)")
  Path config;

  @Option(names = "--host", paramLabel = "HOST", description = "HTTP host (default: 127.0.0.1)")
  String host;

  @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "HTTP port, 0 for any free port (default: 8080)")
  Integer port;

  @Option(names = "--max-body", paramLabel = "SIZE", description = "largest request body, e.g. 1MiB (default); larger gets 413")
  String maxBody;

  @Option(names = "--drain", paramLabel = "MILLIS", description = "how long shutdown waits for runs in flight (default: 10000)")
  Long drain;

  @Option(names = "--queue-limit", paramLabel = "N", description = "calls that may wait for a busy component before 503 (default: 1000)")
  Integer queueLimit;

  @Option(names = "--watch", description = "reload changed flow and component files; a broken edit keeps the last good version")
  boolean watch;

  @Option(names = "--http-metrics", description = "export Vert.x's HTTP server meters (vertx_http_server_*) on /metrics; off by default: they cost every request several registry look-ups")
  boolean httpMetrics;

  @Option(names = "--cluster", description = "join a Vert.x cluster (Hazelcast, TCP/IP join to --members)")
  boolean cluster;

  @Option(names = "--cluster-host", paramLabel = "HOST", description = "address to bind and announce in the cluster (default: 127.0.0.1)")
  String clusterHost;

  @Option(names = "--cluster-port", paramLabel = "PORT", description = "Hazelcast port (default: 5701)")
  Integer clusterPort;

  @Option(names = "--members", paramLabel = "HOST:PORT,...", description = "the cluster's members")
  String members;

  @Option(names = "--redis", paramLabel = "URL",
      description = "run KV (built-in kv.* nodes, components' weft:host/kv) on this Redis, e.g. redis://127.0.0.1:6379 (default: $WEFT_REDIS_URL, else in memory)")
  String redis;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    ServerOptions options;
    try {
      options = options();
    } catch (ServeException | IllegalArgumentException e) {
      err.println("weft: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    Optional<String> badRedis = options.redisUrl().isEmpty() ? HostOptions.environmentProblem() : Optional.empty();
    if (badRedis.isPresent()) {
      err.println("weft: " + badRedis.get());
      return Main.EXIT_USAGE;
    }
    if (options.paths().isEmpty()) {
      err.println("weft: give flow files or folders to serve (or `flows:` in --config)");
      return Main.EXIT_USAGE;
    }
    WeftServer server;
    try {
      server = WeftServer.start(options, line -> log(err, line));
    } catch (ServeException e) {
      err.println("weft: cannot serve: " + e.getMessage());
      return e.getMessage().contains("error[") ? Main.EXIT_USAGE : Main.EXIT_FAILED;
    }
    int n = server.flows().size();
    log(err, "serving " + n + (n == 1 ? " flow (" : " flows (") + String.join(", ", server.flows()) + ") on http://"
        + options.host() + ":" + server.port() + options.cluster().map(c -> ", cluster " + c.host() + ":" + c.port()).orElse(""));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log(err, "stopping: draining runs in flight (at most " + options.drainMillis() + " ms)");
      server.close();
      log(err, "stopped");
      stopped.countDown();
    }, "weft-shutdown"));
    stopped.await(); // until a signal runs the hook; the JVM then exits
    return 0;
  }

  private ServerOptions options() {
    ServerOptions o = ServerOptions.of(paths);
    if (config != null) {
      o = ServerConfig.read(config, o);
      if (!paths.isEmpty()) {
        o = o.withPaths(paths);
      }
    }
    if (host != null) {
      o = o.withHost(host);
    }
    if (port != null) {
      o = o.withPort(port);
    }
    if (maxBody != null) {
      o = o.withMaxBodyBytes(ServerConfig.size(maxBody, null));
    }
    if (drain != null) {
      o = o.withDrainMillis(drain);
    }
    if (queueLimit != null) {
      o = o.withQueueLimit(queueLimit);
    }
    if (watch) {
      o = o.withWatch(true);
    }
    if (httpMetrics) {
      o = o.withHttpMetrics(true);
    }
    if (redis != null) {
      try {
        o = o.withRedisUrl(Optional.of(ServerConfig.redisUrl(redis, null)));
      } catch (ServeException e) {
        throw new ServeException("--redis: " + e.getMessage()); // as `weft run` says it
      }
    }
    if (cluster || clusterHost != null || clusterPort != null || members != null) {
      ClusterOptions base = o.cluster().orElse(new ClusterOptions(ServerOptions.DEFAULT_HOST, ClusterOptions.DEFAULT_PORT, List.of()));
      o = o.withCluster(Optional.of(new ClusterOptions(
          clusterHost != null ? clusterHost : base.host(),
          clusterPort != null ? clusterPort : base.port(),
          members != null ? ServerConfig.members(members) : base.members())));
      Cluster.quietLogging();
    }
    return o;
  }

  private static void log(PrintWriter err, String line) {
    synchronized (err) {
      err.println("weft: " + line);
      err.flush();
    }
  }
}
