package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft wit check} and {@code weft wit print} as a user runs them. */
class WitCliEndToEndTest {
  @Test
  void checkAcceptsAPackageFolderAndPrintRoundTrips(@TempDir Path dir) throws Exception {
    Cli.Result check = Cli.weft("wit", "check", "examples/components/kitchen/wit");
    assertEquals(0, check.exit(), check.err());
    assertTrue(check.out().startsWith("ok: examples/components/kitchen/wit (1 package"), check.out());
    Cli.Result print = Cli.weft("wit", "print", "examples/components/kitchen/wit");
    assertEquals(0, print.exit(), print.err());
    assertTrue(print.out().contains("interface kinds {"), print.out());
    Path printed = dir.resolve("printed.wit");
    Files.writeString(printed, print.out());
    Cli.Result again = Cli.weft("wit", "print", printed.toString());
    assertEquals(print.out(), again.out(), "printing the printed WIT changes nothing");
  }

  @Test
  void checkReportsEveryProblemWithPlaceAndExitCode1(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.wit");
    Files.writeString(bad, "package a:b;\ninterface i {\n  f: func(x: u32) -> strin;\n  type t = u32;\n  type t = u64;\n}\n");
    Cli.Result r = Cli.weft("wit", "check", bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("error[WIT0102]: type `strin` does not exist\n --> " + bad + ":3:22"), r.err());
    assertTrue(r.err().contains("= help: did you mean `string`?"), r.err());
    assertTrue(r.err().contains("error[WIT0111]: name `t` is defined more than once"), r.err());
    assertTrue(r.err().endsWith("2 problems found\n"), r.err());
  }
}
