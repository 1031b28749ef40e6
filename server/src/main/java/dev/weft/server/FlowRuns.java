package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.Engine;
import dev.weft.engine.RunResult;
import dev.weft.wit.value.WitValue;
import io.vertx.core.Future;
import java.util.Map;

/**
 * Runs served flows for every front (HTTP, declared routes, event bus): looks the flow up, reads
 * its input, runs it, and counts it in flight and in the metrics. Refuses new runs while the
 * server drains.
 *
 * <p>Thread-safe; call from an event loop.
 */
final class FlowRuns {
  private final Engine engine;
  private final FlowRegistry registry;
  private final FlowMetrics metrics;
  private final InFlight inFlight;

  FlowRuns(Engine engine, FlowRegistry registry, FlowMetrics metrics, InFlight inFlight) {
    this.engine = engine;
    this.registry = registry;
    this.metrics = metrics;
    this.inFlight = inFlight;
  }

  /**
   * Runs flow {@code name} with a JSON object of inputs.
   *
   * @return the result; or fails with {@link NoSuchFlow}, {@link BadInput}, a {@code
   *     RunException}, or a 503 {@link Unavailable} while shutting down
   */
  Future<RunResult> run(String name, JsonNode input) {
    ServedFlow flow = registry.get(name).orElse(null);
    if (flow == null) {
      return Future.failedFuture(new NoSuchFlow(name, registry.names()));
    }
    Map<String, WitValue> values;
    try {
      values = Inputs.read(flow.flow(), input);
    } catch (BadInput e) {
      metrics.failed(name, 0, e);
      return Future.failedFuture(e);
    }
    return run(flow, values);
  }

  /** Runs {@code flow} with inputs already read. */
  Future<RunResult> run(ServedFlow flow, Map<String, WitValue> values) {
    if (inFlight.draining()) {
      return Future.failedFuture(new Unavailable("the server is shutting down"));
    }
    inFlight.enter();
    long start = System.nanoTime();
    return engine
        .run(flow.flow(), values)
        .andThen(ar -> {
          try {
            long nanos = System.nanoTime() - start;
            if (ar.succeeded()) {
              metrics.succeeded(flow.name(), nanos, ar.result());
            } else {
              metrics.failed(flow.name(), nanos, ar.cause());
            }
          } finally {
            inFlight.exit();
          }
        });
  }

  FlowRegistry registry() {
    return registry;
  }

  /** The server cannot take the request now (shutting down). */
  static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message, null, false, false);
    }
  }
}
