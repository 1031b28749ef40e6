package dev.weft.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parallelism: a diamond of two CPU-bound nodes between two cheap ones against the same four
 * nodes in a chain; and pool scaling: 100 concurrent runs of a CPU-bound node with a pool of
 * {@code poolMax} instances.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ParallelismBench {
  /** Rounds of xorshift per CPU-bound node: about 20 ms when compiled. */
  static final int ROUNDS = 20_000_000;

  @Param({"1", "2"})
  public int poolMax;

  private Engine engine;
  private LoadedFlow diamond;
  private LoadedFlow sequence;
  private LoadedFlow single;
  private ObjectNode input;

  @Setup(Level.Trial)
  public void setUp() {
    engine = Engine.create(EngineOptions.defaults().withWorkerThreads(Math.max(2, poolMax)));
    String pool = "components:\n  spin: { wasm: '@spin', pool: { max: " + poolMax + " } }\n";
    diamond = engine.load(BenchFlows.write("diamond", "flow: diamond\n" + pool
        + "input: { seed: u64 }\nnodes:\n"
        + "  a: { call: spin.work, with: { seed: $input.seed, rounds: 1 } }\n"
        + "  b: { call: spin.work, with: { seed: $a, rounds: " + ROUNDS + " } }\n"
        + "  c: { call: spin.work, with: { seed: $a, rounds: " + (ROUNDS + 1) + " } }\n"
        + "  d: { call: spin.work, with: { seed: $b, rounds: 1 } }\n"
        + "output: { c: $c, d: $d }\n"));
    sequence = engine.load(BenchFlows.write("sequence", "flow: sequence\n" + pool
        + "input: { seed: u64 }\nnodes:\n"
        + "  a: { call: spin.work, with: { seed: $input.seed, rounds: 1 } }\n"
        + "  b: { call: spin.work, with: { seed: $a, rounds: " + ROUNDS + " } }\n"
        + "  c: { call: spin.work, with: { seed: $b, rounds: " + (ROUNDS + 1) + " } }\n"
        + "  d: { call: spin.work, with: { seed: $c, rounds: 1 } }\n"
        + "output: { d: $d }\n"));
    single = engine.load(BenchFlows.write("single", "flow: single\n" + pool
        + "input: { seed: u64 }\nnodes:\n"
        + "  w: { call: spin.work, with: { seed: $input.seed, rounds: " + (ROUNDS / 10) + " } }\n"
        + "output: { w: $w }\n"));
    input = new ObjectMapper().createObjectNode().put("seed", 7);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  /** Two independent CPU-bound nodes: with 2 instances they overlap. */
  @Benchmark
  public RunResult diamond() {
    return engine.run(diamond, input).toCompletionStage().toCompletableFuture().join();
  }

  /** The same work in a chain: nothing can overlap. */
  @Benchmark
  public RunResult sequence() {
    return engine.run(sequence, input).toCompletionStage().toCompletableFuture().join();
  }

  /** 100 runs at once of a ~2 ms CPU-bound node: throughput bounded by the pool. */
  @Benchmark
  public List<RunResult> hundredConcurrentRuns() {
    List<CompletableFuture<RunResult>> runs = new ArrayList<>(100);
    for (int i = 0; i < 100; i++) {
      runs.add(engine.run(single, input).toCompletionStage().toCompletableFuture());
    }
    return runs.stream().map(CompletableFuture::join).toList();
  }
}
