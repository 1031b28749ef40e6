package dev.weft.wit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Severity;
import dev.weft.wit.model.TypeScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input never escapes as a Java exception: mutated WIT (characters deleted, duplicated or
 * replaced by WIT punctuation) either resolves or yields diagnostics. A fixed seed keeps failures
 * reproducible.
 */
class WitRobustnessTest {
  private static final String PUNCTUATION = "{}()<>;:,.=@/%-*\"\n ";
  private static final String BASE =
      "package a:b@1.0.0;\n"
          + "interface i {\n"
          + "  use j.{t};\n"
          + "  record r { x: list<option<t>>, y: tuple<u8, string> }\n"
          + "  variant v { a, b(r) }\n"
          + "  resource res { constructor(); m: func() -> result<r, string>; }\n"
          + "  @since(version = 1.0.0)\n"
          + "  f: func(a: borrow<res>) -> list<u8, 4>;\n"
          + "}\n"
          + "interface j { type t = u32; }\n"
          + "world w { import i; export j; include w2 with { g as h } }\n"
          + "world w2 { import g: func(); }\n"
          + "package c:d { interface k { } }\n";

  @TempDir Path dir;

  @Test
  void mutatedWitNeverThrows() throws IOException {
    Random random = new Random(42);
    for (int round = 0; round < 3000; round++) {
      String text = mutate(BASE, random, 1 + random.nextInt(4));
      Path file = dir.resolve("m" + round + ".wit");
      Files.writeString(file, text);
      WitLoad load = Wit.check(file, Set.of());
      assertTrue(load.ok() || !load.diagnostics().isEmpty(), text);
      load.render();
      if (load.ok()) {
        Wit.print(load.orThrow(), load.roots());
      }
    }
  }

  @Test
  void mutatedTypeExpressionsNeverThrow() {
    Random random = new Random(7);
    String base = "result<list<tuple<string, s64>>, option<u32>>";
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < 3000; round++) {
      String text = mutate(base, random, 1 + random.nextInt(3));
      Diagnostics diags = new Diagnostics();
      boolean parsed = Wit.parseType(text, 0, TypeScope.EMPTY, diags).isPresent();
      boolean errors = diags.all().stream().anyMatch(d -> d.severity() == Severity.ERROR);
      if (parsed == errors) {
        failures.add(text);
      }
    }
    assertFalse(failures.size() > 0, "parsed and errors disagree for " + failures);
  }

  private static String mutate(String s, Random random, int edits) {
    StringBuilder b = new StringBuilder(s);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, b.charAt(random.nextInt(b.length())));
        default -> b.setCharAt(at, PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
      }
    }
    return b.toString();
  }
}
