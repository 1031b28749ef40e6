package dev.weft.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.RunResult;
import dev.weft.engine.host.HostOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of built-in nodes: a chain of {@code kv.increment} nodes (each passing its value as
 * the next one's delta; all zeros, so the values stay put), reported per node, and a one-node
 * flow. {@code backend=memory} (default) uses the in-memory store; {@code -p backend=redis} the
 * Redis that {@code WEFT_REDIS_URL} names (the forks inherit the environment).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BuiltinBench {
  /** Nodes in the chain. */
  static final int CHAIN = 1000;

  @Param({"memory"})
  public String backend;

  private Engine engine;
  private LoadedFlow one;
  private LoadedFlow chain;
  private ObjectNode input;

  @Setup(Level.Trial)
  public void setUp() {
    HostOptions host = switch (backend) {
      case "memory" -> HostOptions.defaults();
      case "redis" -> {
        HostOptions h = HostOptions.fromEnvironment();
        if (h.redisUrl().isEmpty()) {
          throw new IllegalStateException("backend=redis needs WEFT_REDIS_URL=redis://host:port");
        }
        yield h;
      }
      default -> throw new IllegalArgumentException("backend is memory or redis, not " + backend);
    };
    engine = Engine.create(EngineOptions.defaults().withHost(host));
    one = engine.load(BenchFlows.write("one", kvChain(1)));
    chain = engine.load(BenchFlows.write("chain", kvChain(CHAIN)));
    input = new ObjectMapper().createObjectNode();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  /** One {@code kv.increment} node: JSON input, scheduling, the store, output. */
  @Benchmark
  public RunResult oneKvNode() {
    return engine.run(one, input).toCompletionStage().toCompletableFuture().join();
  }

  /** A chain of 1,000 {@code kv.increment} nodes; the score is per node. */
  @Benchmark
  @OperationsPerInvocation(CHAIN)
  public RunResult kvChainPerNode() {
    return engine.run(chain, input).toCompletionStage().toCompletableFuture().join();
  }

  /** A chain of {@code n} {@code kv.increment} nodes, each adding the previous one's value (0). */
  static String kvChain(int n) {
    StringBuilder b = new StringBuilder("flow: kv-chain\nnodes:\n");
    b.append("  n0: { call: kv.increment, with: { bucket: bench, key: k0, delta: 0 } }\n");
    for (int i = 1; i < n; i++) {
      b.append("  n").append(i).append(": { call: kv.increment, with: { bucket: bench, key: k").append(i)
          .append(", delta: $n").append(i - 1).append(" } }\n");
    }
    return b.append("output: { last: $n").append(n - 1).append(" }\n").toString();
  }
}
