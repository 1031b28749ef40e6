package dev.weft.server;

import dev.weft.engine.PoolStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Gauges of every served flow's instance pools: {@code weft_pool_instances{flow,component,state}}
 * with states {@code max}, {@code live}, {@code idle} and {@code waiting}. A gauge reads the flow
 * in the registry at scrape time, so it follows reloads.
 */
final class PoolGauges {
  private final MeterRegistry metrics;
  private final Set<String> bound = ConcurrentHashMap.newKeySet();

  PoolGauges(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  /** Adds gauges for the pools of flows that have none yet. */
  void bind(FlowRegistry registry) {
    for (ServedFlow f : registry.all()) {
      for (String component : f.flow().poolStats().keySet()) {
        if (bound.add(f.name() + "/" + component)) {
          gauge(registry, f.name(), component, "max", PoolStats::max);
          gauge(registry, f.name(), component, "live", PoolStats::live);
          gauge(registry, f.name(), component, "idle", PoolStats::idle);
          gauge(registry, f.name(), component, "waiting", PoolStats::waiting);
        }
      }
    }
  }

  private void gauge(FlowRegistry registry, String flow, String component, String state, ToIntFunction<PoolStats> read) {
    Gauge.builder("weft.pool.instances", () -> registry.get(flow)
            .map(f -> f.flow().poolStats().get(component))
            .map(s -> (Number) read.applyAsInt(s))
            .orElse(0))
        .description("instances of a component's pool, by state")
        .tag("flow", flow).tag("component", component).tag("state", state)
        .register(metrics);
  }
}
