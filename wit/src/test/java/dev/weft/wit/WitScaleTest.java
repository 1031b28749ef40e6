package dev.weft.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.model.Resolve;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large and hostile inputs: passes must stay linear and must not recurse along chains of
 * declarations (only along type nesting, which the parser caps at {@code MAX_TYPE_DEPTH}).
 */
class WitScaleTest {
  @TempDir Path dir;

  @Test
  void longAliasChainResolvesWithoutDeepRecursion() throws IOException {
    int n = 20_000;
    StringBuilder b = new StringBuilder("package big:chain;\ninterface i {\n  type t0 = u32;\n");
    // Declared last-first, so the resolver must sort them: t1 needs t0, t2 needs t1...
    for (int k = n; k >= 1; k--) {
      b.append("  type t").append(k).append(" = t").append(k - 1).append(";\n");
    }
    b.append("  f: func() -> t").append(n).append(";\n}\n");
    Path file = write("chain.wit", b.toString());
    Resolve r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Wit.load(file, Set.of()));
    assertEquals(n + 1, r.types().size());
  }

  @Test
  void manyInterfacesAndErrorsStayFast() throws IOException {
    StringBuilder b = new StringBuilder("package big:many;\n");
    for (int k = 0; k < 5_000; k++) {
      b.append("interface i")
          .append(k)
          .append(" {\n  record r { a: u32, b: strng }\n")
          .append("  f: func(x: r) -> list<option<tuple<u8, s64>>>;\n}\n");
    }
    Path file = write("many.wit", b.toString());
    WitLoad load =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Wit.check(file, Set.of()));
    assertFalse(load.ok());
    assertEquals(5_000, load.diagnostics().size(), "one error per interface, no cascades");
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() throws IOException {
    String deep =
        "package a:b;\ninterface i {\n  type t = "
            + "list<".repeat(50_000)
            + "u8"
            + ">".repeat(50_000)
            + ";\n}\n";
    WitLoad load = Wit.check(write("deep.wit", deep), Set.of());
    assertFalse(load.ok());
    assertTrue(load.render().contains("type nesting too deep"), load.render());
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }
}
