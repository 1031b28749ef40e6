package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code weft invoke} and {@code weft inspect} as a user runs them, on vectors that jco transpile +
 * Node recorded for the kitchen (C) and rusty (Rust) components.
 */
class InvokeEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode invoke(String component, String function, String args) throws Exception {
    Cli.Result r = Cli.weft("invoke", "examples/components/" + component + "/" + component + ".wasm",
        function, "--input", args);
    assertEquals(0, r.exit(), r.err());
    return JSON.readTree(r.out());
  }

  @Test
  void invokeReturnsWhatJcoRecorded() throws Exception {
    JsonNode kitchen = JSON.readTree(Cli.ROOT.resolve("examples/components/kitchen/vectors.json").toFile());
    JsonNode rusty = JSON.readTree(Cli.ROOT.resolve("examples/components/rusty/vectors.json").toFile());
    for (String fn : new String[] {"#birthday", "#rotate-mixed", "#parse-color"}) {
      check("kitchen", kitchen, fn);
    }
    check("rusty", rusty, "#stats");
  }

  private static void check(String component, JsonNode vectors, String suffix) throws Exception {
    for (JsonNode v : vectors) {
      String fn = v.get("function").asText();
      if (!fn.endsWith(suffix) || v.get("args").size() != 1) {
        continue;
      }
      String key = fn.substring(fn.indexOf('#') + 1);
      String param = paramOf(component, fn);
      JsonNode actual = invoke(component, key, "{\"" + param + "\": " + v.get("args").get(0) + "}");
      assertEquals(v.get("result"), actual, fn + " " + v.get("args"));
      return; // one vector per function: each call starts a JVM
    }
    throw new AssertionError("no one-argument vector for " + suffix);
  }

  /** The parameter name, read from `weft inspect` so the test needs no copy of the WIT. */
  private static String paramOf(String component, String fn) throws Exception {
    Cli.Result r = Cli.weft("inspect", "examples/components/" + component + "/" + component + ".wasm");
    String name = fn.substring(fn.indexOf('#') + 1);
    for (String line : r.out().split("\n")) {
      String t = line.strip();
      if (t.startsWith(name + ": func(")) {
        return t.substring(t.indexOf('(') + 1, t.indexOf(':', t.indexOf('(')));
      }
    }
    throw new AssertionError("`weft inspect` does not list " + name + ":\n" + r.out());
  }

  @Test
  void aWrongFunctionNameListsTheExports() throws Exception {
    Cli.Result r = Cli.weft("invoke", "examples/components/greet/greet.wasm", "greeet", "--input", "name=x");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("has no function `greeet`; it exports:"), r.err());
    assertTrue(r.err().contains("  greet: func(name: string) -> string"), r.err());
  }

  @Test
  void aTrapIsOneLineWithExitCode1() throws Exception {
    Cli.Result r = Cli.weft("invoke", "examples/components/hostile/hostile.wasm", "string-out-of-bounds");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("weft: trap error: `string-out-of-bounds` trapped: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
