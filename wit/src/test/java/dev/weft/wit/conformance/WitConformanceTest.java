package dev.weft.wit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.Wit;
import dev.weft.wit.WitLoad;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.print.WitPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference parser's UI corpus (see {@code shared/conformance/README.md}): every case outside
 * {@code parse-fail/} resolves with feature {@code active} on and matches the reference model's
 * names and kinds; every case in {@code parse-fail/} is rejected, and its rendered diagnostics
 * match {@code src/test/resources/ui/parse-fail/<case>.expected} ({@code -Dbless=true} rewrites
 * them).
 */
class WitConformanceTest {
  private static final Set<String> FEATURES = Set.of("active");

  private static final Path GOLDEN = Paths.get("src", "test", "resources", "ui", "parse-fail");

  @TestFactory
  List<DynamicTest> acceptedCasesResolve() {
    Path corpus = corpus();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path c : Corpus.cases(corpus)) {
      String name = c.getFileName().toString();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                WitLoad load = Wit.check(c, FEATURES);
                assertTrue(load.ok(), () -> name + " should resolve:\n" + load.render());
                Path json = c.resolveSibling(name + ".json");
                if (Files.exists(json)) {
                  new ModelOracle(json).check(load.resolve().orElseThrow());
                }
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> printedModelsParseBackToTheSameModel(@TempDir Path tmp) {
    Path corpus = corpus();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path c : Corpus.cases(corpus)) {
      String name = c.getFileName().toString();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                Resolve original = Wit.load(c, FEATURES);
                String printed = WitPrinter.printAll(original);
                Path file = tmp.resolve(name.replace(".wit.md", "").replace(".wit", "") + ".wit");
                Files.writeString(file, printed, StandardCharsets.UTF_8);
                WitLoad again = Wit.check(file, FEATURES);
                assertTrue(
                    again.ok(),
                    () ->
                        "printed "
                            + name
                            + " does not parse:\n"
                            + again.render()
                            + "\n--- printed:\n"
                            + printed);
                assertEquals(
                    ModelDump.of(original),
                    ModelDump.of(again.resolve().orElseThrow()),
                    () -> "printed:\n" + printed);
                assertEquals(
                    printed, WitPrinter.printAll(again.resolve().orElseThrow()), "fixpoint");
              }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> parseFailCasesAreRejectedWithGoldenErrors() {
    Path corpus = corpus().resolve("parse-fail");
    boolean bless = Boolean.getBoolean("bless");
    List<DynamicTest> tests = new ArrayList<>();
    for (Path c : Corpus.cases(corpus)) {
      String name = c.getFileName().toString();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                WitLoad load = Wit.check(c, FEATURES);
                assertFalse(load.ok(), name + " should be rejected");
                String rendered = normalise(load.render(), corpus);
                Path golden = GOLDEN.resolve(name + ".expected");
                if (bless) {
                  Files.createDirectories(GOLDEN);
                  Files.writeString(golden, rendered, StandardCharsets.UTF_8);
                } else {
                  assertTrue(
                      Files.exists(golden), "no " + golden + "; run with -Dbless=true to write it");
                  assertEquals(normalise(read(golden), corpus), rendered, name);
                }
              }));
    }
    return tests;
  }

  private static Path corpus() {
    var found = Corpus.witParserUi();
    Assumptions.assumeTrue(
        found.isPresent(),
        "conformance corpus not found: expected shared/conformance/wit-parser-ui beside the"
            + " repository (or -Dweft.conformance=DIR)");
    return found.get();
  }

  /** Paths relative to the corpus, `/` separators and `\n` line ends, so goldens are portable. */
  private static String normalise(String text, Path corpus) {
    String prefix = corpus.toString() + corpus.getFileSystem().getSeparator();
    return text.replace(prefix, "").replace('\\', '/').replace("\r\n", "\n");
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
