package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WASI grants through the real CLI: the guest's stdout and stderr go to the log on stderr, never
 * into the JSON on stdout; variables pass from Weft's environment by name; a WASI program without
 * a grant is refused by {@code weft check} with what to add.
 */
class WasiEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DEMO = Cli.ROOT.resolve("examples/components/wasi-demo/wasi-demo.wasm");

  @TempDir Path dir;

  @Test
  void guestOutputGoesToTheLogAndStdoutIsTheFlowsJson() throws Exception {
    Cli.Result r = Cli.weft("run", "examples/flows/wasi-demo.yaml", "--input", "name=Ada");
    assertEquals(0, r.exit(), r.err());
    assertEquals(JSON.readTree(Cli.ROOT.resolve("examples/flows/wasi-demo.cases.json").toFile()).get(0).get("output"),
        JSON.readTree(r.out()), "stdout is exactly the output: " + r.out());
    assertTrue(r.err().contains("INFO demo: greeting Ada stream=stdout\n"), r.err());
    assertFalse(r.out().contains("greeting Ada"), r.out());
  }

  private Path flow(String grant) throws Exception {
    Path file = dir.resolve("greet.yaml");
    Files.writeString(file, String.join("\n",
        "flow: greet",
        "components:",
        "  demo:",
        "    wasm: " + DEMO,
        grant,
        "input: { name: string }",
        "nodes:",
        "  hi: { call: demo.greet, with: { name: $input.name } }",
        "output: { greeting: $hi }",
        ""));
    return file;
  }

  @Test
  void variablesListedByNameComeFromWeftsEnvironmentAndStderrIsLoggedAsWarnings() throws Exception {
    Path file = flow("    grants: { wasi: { env: [GREETING, NOT_SET_ANYWHERE] } }");
    Cli.Result r = Cli.weft(Map.of("GREETING", "Bonjour"), "run", file.toString(), "--input", "name=Ada");
    assertEquals(0, r.exit(), r.err());
    assertEquals("{\"greeting\":{\"tag\":\"ok\",\"val\":\"Bonjour, Ada.\"}}", JSON.readTree(r.out()).toString());
    assertTrue(r.err().contains("WARN demo: no motto: /data/motto.txt: "), "no /data granted: " + r.err());
  }

  @Test
  void guestLogsCanBeTurnedOff() throws Exception {
    Cli.Result r = Cli.weft(Map.of("WEFT_GUEST_LOG", "off"), "run", "examples/flows/wasi-demo.yaml",
        "--input", "name=Ada");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("demo:"), r.err());
  }

  @Test
  void aWasiProgramWithoutAGrantIsRefusedByCheck() throws Exception {
    Path file = flow("    grants: { log: true }");
    Cli.Result r = Cli.weft("check", file.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    String all = r.out() + r.err();
    assertTrue(all.contains("error[FLOW0405]: component `demo` is a WASI preview 1 program"), all);
    assertTrue(all.contains("greet.yaml:5:"), all);
    assertTrue(all.contains("= help: add `wasi: true` under the component's `grants:`"), all);
  }
}
