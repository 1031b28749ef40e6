package dev.weft.bench;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warm time of one bcrypt hash in the bcrypt component ({@code hasher#hash}), called through
 * the lifted export as a flow node calls it. At cost 12 a hash is about 4.3 million Blowfish
 * block encryptions, so the ABI's share (a 10-byte string, a 16-byte list, a 60-byte string back)
 * is nothing; the figure is the quality of the compiled Wasm. Compare with native bcrypt (npm
 * {@code bcrypt}) and at.favre's Java bcrypt, measured outside this benchmark (see the README).
 *
 * <p>The JVM needs {@code -XX:-DontCompileHugeMethods} as {@code ./weft} passes it, or a Wasm
 * function compiled to a method over 8000 bytes of bytecode stays interpreted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods")
public class BcryptBench {
  private static final String HASH = "weft:examples/hasher@0.1.0#hash";

  @Param({"12"})
  public int cost;

  private ComponentInstance instance;
  private List<WitValue> args;

  @Setup(Level.Trial)
  public void setUp() {
    LoadedComponent bcrypt = ComponentLoader.load(BenchFlows.component("bcrypt"), LoadOptions.defaults());
    instance = bcrypt.instantiate();
    byte[] salt = new byte[16];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) (i * 37 + 11);
    }
    args = List.of(new WitValue.Str("hunter2-pw"), new WitValue.U32(cost), WitValue.Bytes.of(salt));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    instance.close();
  }

  @Benchmark
  public Optional<WitValue> hash() {
    return instance.call(HASH, args);
  }
}
