package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.impl.ComponentCache;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.flows.FlowException;
import dev.weft.flows.Flows;
import dev.weft.wit.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WASI grants in flows: a WASI program without {@code wasi:} fails the check saying what to add, a
 * folder that does not exist fails it where it is written, and a granted program runs.
 */
class WasiFlowTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path flow(String... componentLines) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/motto.txt"), "Less is more.\n");
    Path file = dir.resolve("demo.yaml");
    StringBuilder b = new StringBuilder("flow: demo\ncomponents:\n  demo:\n    wasm: " + GrantedWasiTest.WASM + "\n");
    for (String l : componentLines) {
      b.append(l).append('\n');
    }
    b.append("input: { name: string }\n")
        .append("nodes:\n  hi: { call: demo.greet, with: { name: $input.name } }\n")
        .append("output: { greeting: $hi }\n");
    Files.writeString(file, b.toString());
    return file;
  }

  private static FlowException refused(Path file) {
    return assertThrows(FlowException.class, () -> Flows.load(file, new ComponentCache(new LoadOptions(256, false))));
  }

  @Test
  void aWasiProgramWithoutAGrantFailsTheCheckSayingWhatToAdd() throws Exception {
    FlowException e = refused(flow());
    assertEquals(List.of("FLOW0405"), e.diagnostics().stream().map(Diagnostic::code).toList(), e.render());
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("component `demo` is a WASI preview 1 program (it uses `wasi_snapshot_preview1`)"
        + " but is not granted `wasi`", d.message());
    assertTrue(d.help().orElseThrow().startsWith("add `wasi: true` under the component's `grants:`"), d.help().get());
    assertTrue(e.render().contains("demo.yaml:3:3"), "at the component's name:\n" + e.render());
  }

  @Test
  void aCoreModuleImportingWasiItselfNeedsTheGrantToo() throws Exception {
    Path file = flow("    grants: { log: true }");
    Files.writeString(file, Files.readString(file).replace(GrantedWasiTest.WASM.toString(),
        GrantedWasiTest.EMBED.toString()));
    FlowException e = refused(file);
    assertEquals(List.of("FLOW0405"), e.diagnostics().stream().map(Diagnostic::code).toList(), e.render());
    Files.writeString(file, Files.readString(file).replace("grants: { log: true }", "grants: { wasi: true }"));
    assertEquals("demo", Flows.load(file, new ComponentCache(new LoadOptions(256, false))).name());
  }

  @Test
  void otherGrantsAreNotEnough() throws Exception {
    FlowException e = refused(flow("    grants: { log: true, clock: true, random: true }"));
    assertEquals(List.of("FLOW0405"), e.diagnostics().stream().map(Diagnostic::code).toList(), e.render());
    assertTrue(e.render().contains("demo.yaml:5:5"), "at `grants:`:\n" + e.render());
  }

  @Test
  void aFolderThatDoesNotExistFailsTheCheckWhereItIsWritten() throws Exception {
    FlowException e = refused(flow("    grants:", "      wasi: { dirs: { /data: data, /more: missing } }"));
    assertEquals(List.of("FLOW0406"), e.diagnostics().stream().map(Diagnostic::code).toList(), e.render());
    assertEquals("folder `missing` for the guest's `/more` does not exist", e.diagnostics().get(0).message());
    assertTrue(e.render().contains("demo.yaml:6:43"), e.render());
  }

  @Test
  void aGrantedProgramRunsWithItsArgumentsVariablesAndFolder() throws Exception {
    Path file = flow("    grants:",
        "      wasi:",
        "        args: [demo, --excited]",
        "        env: { GREETING: Howdy }",
        "        dirs: { /data: data }");
    try (Engine engine = Engine.create(EngineOptions.defaults().withCompile(false).withWorkerThreads(2))) {
      LoadedFlow f = engine.load(file);
      String out = engine.run(f, JSON.readTree("{\"name\": \"Ada\"}"))
          .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS).toJson().toString();
      assertEquals("{\"greeting\":{\"tag\":\"ok\",\"val\":\"Howdy, Ada! Less is more.\"}}", out);
      assertEquals(Optional.of(dir.resolve("data").toAbsolutePath().normalize()),
          Optional.ofNullable(f.graph().components().get(0).grants().wasi().orElseThrow().dirs().get("/data")));
    }
  }
}
