package dev.weft.bench;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.wit.value.WitValue;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A warm loop of bcrypt hashes in the bcrypt component, printing the median wall time and the
 * median CPU time of the calling thread per hash as one JSON line. CPU time is the figure to
 * compare on a shared machine: it does not count the time other processes held the core.
 *
 * <pre>
 * java -XX:-DontCompileHugeMethods -cp examples/target/weft-bench.jar dev.weft.bench.BcryptTiming [cost] [warm-up] [runs]
 * </pre>
 *
 * {@code examples/bench/bcrypt-bench.sh} runs it beside native bcrypt and at.favre's Java bcrypt.
 */
public final class BcryptTiming {
  private BcryptTiming() {}

  public static void main(String[] args) {
    int cost = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    LoadedComponent bcrypt = ComponentLoader.load(BenchFlows.component("bcrypt"), LoadOptions.defaults());
    byte[] salt = new byte[16];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) (i * 37 + 11);
    }
    List<WitValue> call =
        List.of(new WitValue.Str("hunter2-pw"), new WitValue.U32(cost), WitValue.Bytes.of(salt));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    String hash;
    try (ComponentInstance instance = bcrypt.instantiate()) {
      for (int i = 0; i < warmup; i++) {
        instance.call("weft:examples/hasher@0.1.0#hash", call);
      }
      WitValue last = null;
      for (int i = 0; i < runs; i++) {
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        last = instance.call("weft:examples/hasher@0.1.0#hash", call).orElseThrow();
        wall[i] = (System.nanoTime() - t0) / 1e6;
        cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
      }
      hash = last instanceof WitValue.ResultValue r && r.value().orElse(null) instanceof WitValue.Str h
          ? h.value() : String.valueOf(last);
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.println(String.format(Locale.ROOT,
        "{\"impl\":\"weft bcrypt.wasm, JDK %s\",\"cost\":%d,\"runs\":%d,\"wall_med_ms\":%.1f,"
            + "\"wall_min_ms\":%.1f,\"cpu_med_ms\":%.1f,\"cpu_min_ms\":%.1f,\"result\":\"%s\"}",
        Runtime.version().feature(), cost, runs, wall[runs / 2], wall[0], cpu[runs / 2], cpu[0],
        hash.replace("\"", "'")));
  }
}
