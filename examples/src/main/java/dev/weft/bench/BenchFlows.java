package dev.weft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the example components and writes generated flows for the benchmarks. */
final class BenchFlows {
  private BenchFlows() {}

  /** The project root: {@code -Dweft.root}, or the first parent of the working dir with examples. */
  static Path root() {
    String prop = System.getProperty("weft.root");
    Path p = Path.of(prop != null ? prop : "").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("examples/components"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("run from the Weft project folder or set -Dweft.root");
    }
    return p;
  }

  static Path component(String name) {
    return root().resolve("examples/components/" + name + "/" + name + ".wasm");
  }

  /** Writes {@code yaml} (with {@code @spin} and {@code @greet} replaced by paths) to a temp file. */
  static Path write(String name, String yaml) {
    try {
      Path dir = Files.createTempDirectory("weft-bench");
      Path file = dir.resolve(name + ".yaml");
      Files.writeString(
          file,
          yaml.replace("@spin", component("spin").toString())
              .replace("@greet", component("greet").toString()));
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A chain of {@code n} cheap nodes, each using the previous node's result. */
  static String chain(int n, int poolMax) {
    StringBuilder b = new StringBuilder("flow: chain\ncomponents:\n  spin: { wasm: '@spin', pool: { max: ")
        .append(poolMax).append(" } }\ninput: { seed: u64 }\nnodes:\n");
    b.append("  n0: { call: spin.work, with: { seed: $input.seed, rounds: 1 } }\n");
    for (int i = 1; i < n; i++) {
      b.append("  n").append(i).append(": { call: spin.work, with: { seed: $n").append(i - 1)
          .append(", rounds: 1 } }\n");
    }
    return b.append("output: { last: $n").append(n - 1).append(" }\n").toString();
  }
}
