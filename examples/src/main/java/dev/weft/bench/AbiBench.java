package dev.weft.bench;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.wit.binary.ComponentReader;
import dev.weft.wit.binary.Section;
import dev.weft.wit.value.WitValue;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import run.endive.compiler.MachineFactoryCompiler;
import run.endive.runtime.ExportFunction;
import run.endive.runtime.Instance;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;

/**
 * The canonical ABI's cost, on the kitchen component: a lifted {@code inc-u32} against the raw
 * core call of the same function, a 100-byte string round trip, a 1 MiB {@code list<u8>} and
 * 10,000 records, each lowered, passed, and lifted back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AbiBench {
  private static final String IFACE = "weft:examples/kinds@0.1.0#";

  private ComponentInstance instance;
  private ExportFunction rawIncU32;
  private List<WitValue> u32Arg;
  private List<WitValue> string100;
  private List<WitValue> bytes1MiB;
  private List<WitValue> points10k;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    LoadedComponent kitchen = ComponentLoader.load(BenchFlows.component("kitchen"), LoadOptions.defaults());
    instance = kitchen.instantiate();
    // The baseline: the component's core module on Endive alone, called with flat i32s.
    byte[] core = null;
    for (Section s : ComponentReader.read(Files.readAllBytes(BenchFlows.component("kitchen")))) {
      if (s instanceof Section.CoreModule m && core == null) {
        core = m.bytes();
      }
    }
    WasmModule module = Parser.parse(core);
    Instance raw = Instance.builder(module)
        .withMachineFactory(MachineFactoryCompiler.compile(module)).withStart(false).build();
    String name = null;
    for (int i = 0; i < module.exportSection().exportCount(); i++) {
      String n = module.exportSection().getExport(i).name();
      if (n.endsWith("|inc-u32") || n.endsWith("#inc-u32")) {
        name = n;
      }
    }
    rawIncU32 = raw.export(name);
    u32Arg = List.of(new WitValue.U32(41));
    string100 = List.of(new WitValue.Str("x".repeat(100)));
    byte[] mib = new byte[1 << 20];
    for (int i = 0; i < mib.length; i++) {
      mib[i] = (byte) i;
    }
    bytes1MiB = List.of(WitValue.Bytes.of(mib));
    List<WitValue> pts = new ArrayList<>(10_000);
    for (int i = 0; i < 10_000; i++) {
      pts.add(WitValue.RecordValue.of(new WitValue.FieldValue("x", new WitValue.S32(i)),
          new WitValue.FieldValue("y", new WitValue.S32(-i))));
    }
    points10k = List.of(new WitValue.ListValue(pts), new WitValue.S32(1), new WitValue.S32(2));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    instance.close();
  }

  @Benchmark
  public long rawCoreCall() {
    return rawIncU32.apply(41)[0];
  }

  @Benchmark
  public Optional<WitValue> liftedU32Call() {
    return instance.call(IFACE + "inc-u32", u32Arg);
  }

  @Benchmark
  public Optional<WitValue> string100RoundTrip() {
    return instance.call(IFACE + "reverse-string", string100);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Optional<WitValue> bytes1MiBRoundTrip() {
    return instance.call(IFACE + "reverse-bytes", bytes1MiB);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Optional<WitValue> records10kRoundTrip() {
    return instance.call(IFACE + "move-points", points10k);
  }
}
