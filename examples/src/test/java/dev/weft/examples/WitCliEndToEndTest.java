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

  @Test
  void printShowsTheWorldOfAComponentBinary() throws Exception {
    Cli.Result r = Cli.weft("wit", "print", "examples/components/greet/greet.wasm");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "package root:component;\n\n"
            + "world root {\n"
            + "  export greet: func(name: string) -> string;\n"
            + "  export shout: func(text: string) -> string;\n"
            + "  export count-chars: func(text: string) -> u32;\n"
            + "}\n",
        r.out());
  }

  @Test
  void printedWitOfAComponentWithInterfacesParsesAgain(@TempDir Path dir) throws Exception {
    Cli.Result print = Cli.weft("wit", "print", "examples/components/kitchen/kitchen.wasm");
    assertEquals(0, print.exit(), print.err());
    assertTrue(print.out().contains("  export weft:examples/kinds@0.1.0;\n"), print.out());
    assertTrue(print.out().contains("package weft:examples@0.1.0 {\n  interface kinds {"), print.out());
    Path printed = dir.resolve("kitchen.wit");
    Files.writeString(printed, print.out());
    Cli.Result check = Cli.weft("wit", "check", printed.toString());
    assertEquals(0, check.exit(), check.err());
    Cli.Result again = Cli.weft("wit", "print", "examples/components/kitchen/kitchen.wasm");
    assertEquals(print.out(), again.out());
  }

  @Test
  void checkOfABrokenBinaryNamesTheOffsetAndExits1(@TempDir Path dir) throws Exception {
    Path cut = dir.resolve("cut.wasm");
    byte[] whole = Files.readAllBytes(Cli.ROOT.resolve("examples/components/greet/greet.wasm"));
    Files.write(cut, java.util.Arrays.copyOf(whole, 64));
    Cli.Result r = Cli.weft("wit", "check", cut.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("error[WIT0204]: `" + cut + "` is not a valid component: expected section"), r.err());
    assertTrue(r.err().contains(" at byte offset 8\n"), r.err());
    assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
  }

  @Test
  void checkReadsComponentText(@TempDir Path dir) throws Exception {
    Path wat = dir.resolve("pkg.wat");
    Files.writeString(wat, "(component\n  (type $t (component\n    (export \"a:b/x\" (instance\n"
        + "      (export \"f\" (func (param \"n\" u32) (result string)))))))\n  (export \"x\" (type $t)))\n");
    Cli.Result r = Cli.weft("wit", "print", wat.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("package a:b;\n\ninterface x {\n  f: func(n: u32) -> string;\n}\n", r.out());
  }
}
