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
 * Making an instance: fresh (core modules instantiated, data segments copied in) against seeded
 * from a snapshot of a fresh instance (the same, then memories and globals overwritten), and the
 * reset a {@code pool: {reset: true}} does after every call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InstanceBench {
  @Param({"greet", "qrcode"})
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
