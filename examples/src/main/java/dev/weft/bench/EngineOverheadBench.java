package dev.weft.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.RunResult;
import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.wit.value.WitValue;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's cost per node: a lifted component call made directly (the baseline), the same call
 * as a one-node flow, and a 1,000-node chain of it (reported per node).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineOverheadBench {
  private Engine engine;
  private LoadedFlow one;
  private LoadedFlow chain;
  private ComponentInstance instance;
  private ObjectNode input;
  private final List<WitValue> args = List.of(new WitValue.U64(7), new WitValue.U32(1));

  @Setup(Level.Trial)
  public void setUp() {
    engine = Engine.create(EngineOptions.defaults());
    one = engine.load(BenchFlows.write("one", BenchFlows.chain(1, 1)));
    chain = engine.load(BenchFlows.write("chain", BenchFlows.chain(1000, 1)));
    instance = ComponentLoader.load(BenchFlows.component("spin"), LoadOptions.defaults()).instantiate();
    input = new ObjectMapper().createObjectNode().put("seed", 7);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    instance.close();
    engine.close();
  }

  /** The baseline: one lifted call of {@code work(seed, 1)} on an instance, no engine. */
  @Benchmark
  public Optional<WitValue> directCall() {
    return instance.call("work", args);
  }

  /** The same call as a one-node flow: JSON input, scheduling, pool, worker hop, output. */
  @Benchmark
  public RunResult oneNodeFlow() {
    return engine.run(one, input).toCompletionStage().toCompletableFuture().join();
  }

  /** A chain of 1,000 such nodes; the score is per node. */
  @Benchmark
  @OperationsPerInvocation(1000)
  public RunResult chainPerNode() {
    return engine.run(chain, input).toCompletionStage().toCompletableFuture().join();
  }
}
