package dev.weft.bench;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.InstanceSnapshot;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Making an instance: fresh (core modules instantiated, data segments copied in, start functions
 * and {@code _initialize} run) against seeded from a snapshot of a fresh instance (core modules
 * instantiated with empty memories, then the snapshot's pages, globals and tables written in,
 * nothing run), and the reset a {@code pool: {reset: true}} does after every call. {@code primes}
 * has the heavy initialiser (a sieve of the numbers below 2^24, 1 MiB of tables); {@code greet} and
 * {@code qrcode} only copy data segments.
 *
 * <p>Run with {@code -bm sample} on a shared machine: the medians (p0.50) stay put when other
 * processes take the CPU away, the means do not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// Every operation allocates fresh memory pages (1.3 MB for primes): a heap of fixed size, touched
// at start-up, keeps the first-touch page faults of a growing heap (milliseconds each on a busy VM)
// out of the figures.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class InstanceBench {
  @Param({"greet", "qrcode", "primes"})
  public String component;

  private LoadedComponent loaded;
  private InstanceSnapshot snapshot;
  private ComponentInstance kept;

  @Setup(Level.Trial)
  public void setUp() {
    loaded = ComponentLoader.load(BenchFlows.component(component), LoadOptions.defaults());
    try (ComponentInstance i = loaded.instantiate()) {
      snapshot = i.snapshot();
    }
    kept = loaded.instantiate();
  }

  @Benchmark
  public void fresh() {
    loaded.instantiate().close();
  }

  @Benchmark
  public void fromSnapshot() {
    loaded.instantiate(snapshot).close();
  }

  @Benchmark
  public void reset() {
    kept.reset(snapshot);
  }
}
