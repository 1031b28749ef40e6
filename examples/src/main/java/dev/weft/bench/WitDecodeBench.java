package dev.weft.bench;

import dev.weft.wit.decode.WitDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WIT from component binaries: decoding the WIT of the example components (what {@code weft wit
 * print x.wasm} does before printing), all eight together and the kitchen component alone (one
 * exported interface with 38 functions and 9 named types, nested shim components).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WitDecodeBench {
  private final List<byte[]> components = new ArrayList<>();
  private byte[] kitchen;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path dir = BenchFlows.root().resolve("examples/components");
    try (Stream<Path> s = Files.walk(dir, 2)) {
      for (Path p :
          s.filter(p -> p.toString().endsWith(".wasm") && !p.toString().contains("node_modules"))
              .sorted()
              .toList()) {
        components.add(Files.readAllBytes(p));
      }
    }
    kitchen = Files.readAllBytes(dir.resolve("kitchen/kitchen.wasm"));
  }

  @Benchmark
  public int exampleComponents() {
    int n = 0;
    for (byte[] c : components) {
      n += WitDecoder.decode(c).resolve().types().size();
    }
    return n;
  }

  @Benchmark
  public WitDecoder.Decoded kitchen() {
    return WitDecoder.decode(kitchen);
  }
}
