package dev.weft.wit.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.Wit;
import dev.weft.wit.WitLoad;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Resolve;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binaries and component text where WIT is loaded: problems are diagnostics, never exceptions. */
class BinaryWitTest {
  private static final Path FIXTURES = Path.of("src/test/resources/decode");

  @Test
  void truncatedBinaryIsADiagnosticWithTheByteOffset(@TempDir Path dir) throws Exception {
    Path cut = dir.resolve("cut.wasm");
    Files.write(cut, Arrays.copyOf(Files.readAllBytes(FIXTURES.resolve("app.component.wasm")), 30));
    WitLoad load = Wit.check(cut, Set.of());
    assertFalse(load.ok());
    assertEquals(
        "error[WIT0204]: `"
            + cut
            + "` is not a valid component: expected section 10 of 24 bytes, but only 5 remain"
            + " at byte offset 23\n"
            + "  = help: give a component (`.wasm`), component text (`.wat`) or WIT text;"
            + " `wasm-tools validate` says more about a broken binary\n",
        load.render());
  }

  @Test
  void textThatIsNotWasmSaysWhatWasExpected(@TempDir Path dir) throws Exception {
    Path text = dir.resolve("notes.wasm");
    Files.writeString(text, "package a:b;\ninterface i {}\n");
    WitLoad load = Wit.check(text, Set.of());
    assertTrue(
        load.render().contains("is not a valid component: expected the Wasm magic number"),
        load.render());
  }

  @Test
  void componentTextErrorsPointAtLineAndColumn(@TempDir Path dir) throws Exception {
    Path wat = dir.resolve("bad.wat");
    Files.writeString(
        wat,
        "(component\n  (type $c (component\n    (export \"a:b/x\" (instance (type $missing)))\n"
            + "  ))\n  (export \"x\" (type $c))\n)\n");
    WitLoad load = Wit.check(wat, Set.of());
    assertTrue(
        load.render()
            .startsWith(
                "error[WIT0206]: invalid component text: no type named `$missing` here\n --> "
                    + wat
                    + ":3:37\n"),
        load.render());
  }

  @Test
  void binaryDependencyResolvesAlongsideTextOnes(@TempDir Path dir) throws Exception {
    Path deps = Files.createDirectories(dir.resolve("deps"));
    Files.copy(FIXTURES.resolve("pkg.wasm"), deps.resolve("pkg.wasm"));
    Files.writeString(
        dir.resolve("main.wit"),
        "package a:main;\n\nworld w {\n  import test:pkg/shapes@1.0.0;\n}\n");
    WitLoad load = Wit.check(dir, Set.of());
    assertTrue(load.ok(), load.render());
    Resolve r = load.resolve().orElseThrow();
    // The binary carries the part of wasi:clocks it uses; with no other source it is taken.
    assertTrue(r.findPackage(new PackageName("wasi", "clocks", Optional.of("0.2.3"))).isPresent());
  }

  @Test
  void packagesABinaryCarriesGiveWayToTheFullTextOnes(@TempDir Path dir) throws Exception {
    Path deps = Files.createDirectories(dir.resolve("deps"));
    Files.copy(FIXTURES.resolve("pkg.wasm"), deps.resolve("pkg.wasm"));
    Files.writeString(
        deps.resolve("clocks.wit"),
        "package wasi:clocks@0.2.3;\n\ninterface types {\n  record instant {\n    seconds: u64,\n"
            + "  }\n  now: func() -> instant;\n}\n");
    Files.writeString(
        dir.resolve("main.wit"),
        "package a:main;\n\nworld w {\n  import test:pkg/shapes@1.0.0;\n}\n");
    WitLoad load = Wit.check(dir, Set.of());
    assertTrue(load.ok(), load.render());
    Resolve r = load.resolve().orElseThrow();
    var clocks =
        r.pkg(r.findPackage(new PackageName("wasi", "clocks", Optional.of("0.2.3"))).orElseThrow());
    Interface types = r.iface(clocks.interfaces().get("types"));
    assertTrue(types.functions().containsKey("now"), "the text package, not the binary's slice");
  }
}
