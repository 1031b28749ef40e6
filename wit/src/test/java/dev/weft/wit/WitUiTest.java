package dev.weft.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.print.WitPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests for Weft's own WIT cases, as wit-parser's UI tests: each {@code ui/wit/X.wit} (or
 * {@code .wit.md}) is checked against {@code X.expected}, which holds the rendered diagnostics when
 * the case has errors, and otherwise the canonical printed WIT. {@code -Dbless=true} rewrites the
 * expectations.
 */
class WitUiTest {
  private static final Path DIR = Paths.get("src", "test", "resources", "ui", "wit");

  @TestFactory
  List<DynamicTest> uiCases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .filter(p -> p.toString().endsWith(".wit") || p.toString().endsWith(".wit.md"))
          .sorted()
          .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)))
          .toList();
    }
  }

  private static void check(Path file) throws IOException {
    WitLoad load = Wit.check(file, Set.of());
    String actual =
        load.ok() ? WitPrinter.print(load.resolve().orElseThrow(), load.roots()) : load.render();
    actual = actual.replace('\\', '/').replace("\r\n", "\n");
    Path expected = file.resolveSibling(file.getFileName() + ".expected");
    if (Boolean.getBoolean("bless")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(expected), "no " + expected + "; run with -Dbless=true to write it");
    String want = Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertEquals(want, actual, file.toString());
  }
}
