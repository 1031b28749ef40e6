import at.favre.lib.crypto.bcrypt.BCrypt;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * A warm loop of at.favre bcrypt hashes (the Java peer's library), printing median wall and
 * thread CPU time per hash as one JSON line, like dev.weft.bench.BcryptTiming. Not part of the
 * build: bcrypt-bench.sh runs it as a source file against the peer's jar.
 *
 * <pre>java -cp peers-java.jar BcryptFavreTiming.java [cost] [warm-up] [runs]</pre>
 */
public class BcryptFavreTiming {
  public static void main(String[] args) {
    int cost = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    byte[] salt = new byte[16];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = (byte) (i * 37 + 11);
    }
    byte[] password = "hunter2-pw".getBytes();
    for (int i = 0; i < warmup; i++) {
      BCrypt.withDefaults().hash(cost, salt, password);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    String hash = null;
    for (int i = 0; i < runs; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      hash = new String(BCrypt.withDefaults().hash(cost, salt, password));
      wall[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(Locale.ROOT, "{\"impl\":\"at.favre bcrypt, JDK %d\",\"cost\":%d,\"runs\":%d,"
            + "\"wall_med_ms\":%.1f,\"cpu_med_ms\":%.1f,\"result\":\"%s\"}%n",
        Runtime.version().feature(), cost, runs, wall[runs / 2], cpu[runs / 2], hash);
  }
}
