package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command and its failure modes, through the real launcher and CLI jar. */
class HelloFlowEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes the flow of {@code lines} to {@code file}, {@code @} standing for the example components. */
  private static Path writeFlow(Path file, String... lines) throws java.io.IOException {
    String components = Cli.ROOT.resolve("examples/components").toString() + "/";
    Files.writeString(file, String.join("\n", lines).replace("@", components) + "\n");
    return file;
  }

  @Test
  void helloFlowPrintsTheGreetingAsJson() throws Exception {
    Cli.Result r = Cli.weft("run", "examples/flows/hello.yaml", "--input", "name=World");
    assertEquals(0, r.exit(), r.err());
    JsonNode out = JSON.readTree(r.out());
    assertEquals("Hello, World!", out.get("greeting").asText());
    assertEquals("HELLO, WORLD!", out.get("shouted").asText());
    assertEquals(13, out.get("length").asInt());
    assertFalse(r.err().contains("building weft"), "the jar was built by Maven already: " + r.err());
  }

  @Test
  void inputAsJsonObjectAndNonAsciiText() throws Exception {
    Cli.Result r = Cli.weft("run", "examples/flows/hello.yaml", "--input", "{\"name\": \"Zoë ✓\"}");
    assertEquals(0, r.exit(), r.err());
    JsonNode out = JSON.readTree(r.out());
    assertEquals("Hello, Zoë ✓!", out.get("greeting").asText());
    assertEquals("HELLO, ZOë ✓!", out.get("shouted").asText());
    assertEquals(13, out.get("length").asInt());
  }

  @Test
  void missingInputIsOneLineWithExitCode2() throws Exception {
    Cli.Result r = Cli.weft("run", "examples/flows/hello.yaml");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertEquals(
        "weft: flow `hello`: missing input `name` (string); pass --input name=...\n", r.err());
  }

  @Test
  void missingFlowFileIsOneLineWithExitCode2() throws Exception {
    Cli.Result r = Cli.weft("run", "examples/flows/nope.yaml", "--input", "name=x");
    assertEquals(2, r.exit());
    assertEquals("weft: flow file `examples/flows/nope.yaml` does not exist\n", r.err());
  }

  @Test
  void unknownInputIsRejectedWithTheSignature() throws Exception {
    Cli.Result r = Cli.weft("run", "examples/flows/hello.yaml", "--input", "name=x", "--input", "nme=y");
    assertEquals(2, r.exit());
    assertEquals(
        "weft: flow `hello`: unknown input `nme`; did you mean `name`? the flow takes `name: string`\n", r.err());
    // a misspelt input alone: its name, not only the input it leaves missing
    Cli.Result alone = Cli.weft("run", "examples/flows/hello.yaml", "--input", "nme=y");
    assertEquals(2, alone.exit());
    assertEquals(
        "weft: flow `hello`: unknown input `nme`; did you mean `name`? the flow takes `name: string`\n", alone.err());
  }

  @Test
  void aRunawayCallEndsAtItsDeadline(@TempDir Path dir) throws Exception {
    // On the launcher's JDK (the newest present) the guest's interruption checks are gated: the
    // deadline has to open the gate for the compiled loop to stop.
    Path flow = writeFlow(dir.resolve("deadline.yaml"),
        "flow: deadline",
        "components: { spin: '@spin/spin.wasm' }",
        "nodes:",
        "  stuck: { call: spin.forever, timeout: 800ms }",
        "output: { stuck: $stuck }");
    long t0 = System.nanoTime();
    Cli.Result r = Cli.weft("run", flow.toString());
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        "weft: timeout error in flow `deadline`, node `stuck` (forever): timed out: the call ran"
            + " longer than its deadline\n",
        r.err());
    assertTrue(millis < 20_000, "ended at its deadline, not hung: " + millis + " ms");
  }

  @Test
  void brokenFlowIsReportedWithPlaceAndFix(@TempDir Path dir) throws Exception {
    Path flow = writeFlow(dir.resolve("broken.yaml"),
        "flow: broken",
        "components:",
        "  greet: { wasm: '@greet/greet.wasm' }",
        "nodes:",
        "  size: { call: greet.count-chars, with: { text: hi } }",
        "  loud: { call: greet.shout, with: { text: $size } }",
        "output:",
        "  out: $loud");
    Cli.Result check = Cli.weft("check", flow.toString());
    assertEquals(1, check.exit());
    assertTrue(check.err().contains("error[FLOW0207]: argument `text` of node `loud` expects `string`, found `u32`"), check.err());
    assertTrue(check.err().contains(flow + ":6:44"), check.err());
    assertTrue(check.err().contains("1 problem found in 1 flow"), check.err());
    Cli.Result run = Cli.weft("run", flow.toString());
    assertEquals(2, run.exit());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void checkAcceptsTheExampleFlows() throws Exception {
    Cli.Result r = Cli.weft("check", "examples/flows");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("ok: examples/flows/hello.yaml (flow `hello`, 3 nodes)"), r.out());
  }
}
