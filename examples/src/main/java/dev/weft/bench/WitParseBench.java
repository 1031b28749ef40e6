package dev.weft.bench;

import dev.weft.wit.Wit;
import dev.weft.wit.WitLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * WIT front end: parse and resolve the reference parser's whole UI corpus (the 74 accepted cases,
 * the two with component text and binaries among them),
 * and generated packages of 5,000, 10,000 and 20,000 lines, whose times should grow linearly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WitParseBench {
  @Param({"5000", "10000", "20000"})
  public int lines;

  private List<Path> corpus;
  private Path generated;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Path ui = BenchFlows.root().resolveSibling("shared/conformance/wit-parser-ui");
    try (Stream<Path> s = Files.list(ui)) {
      corpus = s.filter(p -> !p.getFileName().toString().equals("parse-fail"))
          .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".wit") || p.toString().endsWith(".wit.md")
              || p.toString().endsWith(".wat"))
          .filter(p -> Wit.check(p, Set.of("active")).ok())
          .sorted()
          .toList();
    }
    generated = Files.createTempFile("weft-bench", ".wit");
    generated.toFile().deleteOnExit();
    Files.writeString(generated, generate(lines));
  }

  /** A package of {@code lines} lines: records, variants and functions that use them. */
  static String generate(int lines) {
    StringBuilder b = new StringBuilder("package bench:generated@1.0.0;\n\ninterface big {\n");
    int n = 0;
    int written = 3;
    while (written < lines - 1) {
      b.append("  /// Record number ").append(n).append(".\n");
      b.append("  record rec").append(n).append(" {\n");
      b.append("    id: u64,\n    name: string,\n    tags: list<string>,\n");
      b.append("    prev: option<").append(n == 0 ? "u32" : "rec" + (n - 1)).append(">,\n  }\n");
      b.append("  variant var").append(n).append(" { none, one(rec").append(n)
          .append("), many(list<rec").append(n).append(">) }\n");
      b.append("  fn").append(n).append(": func(a: rec").append(n).append(", b: var").append(n)
          .append(") -> result<rec").append(n).append(", string>;\n");
      written += 10;
      n++;
    }
    return b.append("}\n").toString();
  }

  @Benchmark
  public int corpus() {
    int ok = 0;
    for (Path p : corpus) {
      WitLoad l = Wit.check(p, Set.of("active"));
      ok += l.ok() ? 1 : 0;
    }
    if (ok != corpus.size()) {
      throw new IllegalStateException("a corpus case stopped resolving");
    }
    return ok;
  }

  @Benchmark
  public WitLoad generatedPackage() {
    WitLoad l = Wit.check(generated, Set.of());
    if (!l.ok()) {
      throw new UncheckedIOException(new IOException(l.render()));
    }
    return l;
  }
}
