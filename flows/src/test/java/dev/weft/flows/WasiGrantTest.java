package dev.weft.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.flows.host.Grants;
import dev.weft.flows.host.WasiGrant;
import dev.weft.flows.host.WasiGrant.Output;
import dev.weft.flows.model.FlowComponent;
import dev.weft.flows.model.FlowGraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code grants: {wasi: ...}} grants, as the checked flow carries it to the engine. */
class WasiGrantTest {
  private static final Path FLOW = Path.of("src/test/resources/ui/flows/ok-wasi.yaml");

  private static Grants grants(String component) {
    FlowGraph g = Flows.load(FLOW, new TestCatalog());
    return g.components().stream().filter(c -> c.name().equals(component)).findFirst()
        .map(FlowComponent::grants).orElseThrow();
  }

  @Test
  void argsEnvNamesFoldersAndStreamsAreKeptInTheFlowsOrder() {
    WasiGrant w = grants("greet").wasi().orElseThrow();
    assertEquals(List.of("tool", "--fast", "3"), w.args());
    assertEquals(List.of("LANG", "TZ"), List.copyOf(w.env().keySet()));
    assertTrue(w.env().values().stream().allMatch(Optional::isEmpty), "names only: passed from Weft's environment");
    assertEquals(Output.LOG, w.stdout());
    assertEquals(Output.DISCARD, w.stderr());
  }

  @Test
  void foldersAreResolvedAgainstTheFlowFile() {
    Path dir = FLOW.toAbsolutePath().getParent().normalize();
    assertEquals(Map.of("/data", dir, "/", dir), grants("greet").wasi().orElseThrow().dirs());
    assertEquals(List.of("/data", "/"), List.copyOf(grants("greet").wasi().orElseThrow().dirs().keySet()));
  }

  @Test
  void wasiTrueGrantsNothingButClocksRandomAndLoggedOutput() {
    assertEquals(Optional.of(WasiGrant.DEFAULT), grants("plain").wasi());
    assertEquals(List.of(), WasiGrant.DEFAULT.args());
    assertTrue(grants("plain").grants("wasi"));
  }

  @Test
  void aMappingGivesValues() {
    assertEquals(Map.of("LANG", Optional.of("C.UTF-8"), "RETRIES", Optional.of("3")),
        grants("values").wasi().orElseThrow().env());
  }

  @Test
  void wasiFalseGrantsNoWasi() {
    assertFalse(grants("off").grants("wasi"));
    assertTrue(grants("off").log());
  }
}
