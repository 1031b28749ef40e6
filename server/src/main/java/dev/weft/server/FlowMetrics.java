package dev.weft.server;

import dev.weft.engine.EngineException;
import dev.weft.engine.NodeTrace;
import dev.weft.engine.RunException;
import dev.weft.engine.RunResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Weft's own meters, next to the ones Vert.x exports (event bus, pools; the HTTP server's with
 * {@code --http-metrics}): runs and errors per flow, run latency per flow, node latency per flow
 * and node (from the run's trace), and runs in flight. Prometheus names: {@code
 * weft_runs_total}, {@code weft_run_errors_total}, {@code weft_run_duration_seconds}, {@code
 * weft_node_duration_seconds}, {@code weft_node_errors_total}, {@code weft_runs_in_flight}. Node
 * times come from the run's trace ({@code RunResult.trace()}), so the engine needs no listener
 * hook for them.
 *
 * <p>Thread-safe (Micrometer meters are).
 */
final class FlowMetrics {
  private final PrometheusMeterRegistry registry;

  FlowMetrics(PrometheusMeterRegistry registry, InFlight inFlight) {
    this.registry = registry;
    Gauge.builder("weft.runs.in.flight", inFlight, InFlight::count)
        .description("runs started and not yet finished")
        .register(registry);
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Records a successful run and the time of each node that ran. */
  void succeeded(String flow, long nanos, RunResult result) {
    Meters m = meters(flow);
    m.ok().increment();
    m.duration().record(nanos, TimeUnit.NANOSECONDS);
    for (NodeTrace t : result.trace()) {
      if (!t.skipped()) {
        Timer node = m.nodes().get(t.node()); // no capturing lambda per node and run when it is there
        if (node == null) {
          node = m.nodes().computeIfAbsent(t.node(), n -> Timer.builder("weft.node.duration")
              .description("time of one node, from queued to done")
              .tag("flow", flow).tag("node", n).register(registry));
        }
        node.record(t.durationNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  /**
   * The meters of one flow, looked up once: a registry lookup builds and hashes a meter id, which
   * costs more than the increment it precedes.
   */
  private record Meters(Counter ok, Timer duration, Map<String, Timer> nodes) {}

  private final Map<String, Meters> meters = new ConcurrentHashMap<>();

  private Meters meters(String flow) {
    Meters m = meters.get(flow);
    if (m != null) {
      return m;
    }
    return meters.computeIfAbsent(flow, f -> new Meters(
        Counter.builder("weft.runs").tag("flow", f).tag("outcome", "ok").register(registry),
        runTimer(f), new ConcurrentHashMap<>()));
  }

  /** Records a failed run; {@code kind} is the error kind or the problem's slug. */
  void failed(String flow, long nanos, Throwable cause) {
    String kind = cause instanceof EngineException e ? e.kind().name().toLowerCase() : "input";
    Counter.builder("weft.runs").tag("flow", flow).tag("outcome", "error").register(registry).increment();
    Counter.builder("weft.run.errors").description("failed runs by kind")
        .tag("flow", flow).tag("kind", kind).register(registry).increment();
    meters(flow).duration().record(nanos, TimeUnit.NANOSECONDS);
    if (cause instanceof RunException r && r.node().isPresent()) {
      Counter.builder("weft.node.errors").description("failures by the node that failed")
          .tag("flow", flow).tag("node", r.node().get()).tag("kind", kind).register(registry).increment();
    }
  }

  private Timer runTimer(String flow) {
    return Timer.builder("weft.run.duration").description("time of a whole run")
        .publishPercentileHistogram().tag("flow", flow).register(registry);
  }
}
