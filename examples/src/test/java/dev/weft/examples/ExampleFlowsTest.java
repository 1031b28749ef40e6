package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Examples are tests: every flow in {@code examples/flows} has a {@code NAME.cases.json} of inputs
 * and the outputs they must give, run here through the embedding API. A case's {@code matches}
 * gives regular expressions for output fields that change from run to run; the other fields must
 * be equal.
 */
class ExampleFlowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FLOWS = Cli.ROOT.resolve("examples/flows");
  private static Engine engine;

  @BeforeAll
  static void start() {
    engine = Engine.create(EngineOptions.defaults());
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @TestFactory
  Stream<DynamicTest> everyExampleFlowGivesItsRecordedOutputs() throws IOException {
    List<Path> flows;
    try (Stream<Path> s = Files.list(FLOWS)) {
      flows = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(flows.size() >= 1);
    return flows.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
  }

  private static void run(Path flow) throws Exception {
    String name = flow.getFileName().toString().replaceFirst("\\.yaml$", "");
    Path cases = flow.resolveSibling(name + ".cases.json");
    assertTrue(Files.isRegularFile(cases), "every example flow needs " + cases.getFileName());
    LoadedFlow loaded = engine.load(flow);
    for (JsonNode c : JSON.readTree(cases.toFile())) {
      RunResult r = engine.run(loaded, c.get("input")).toCompletionStage().toCompletableFuture().get();
      ObjectNode actual = (ObjectNode) JSON.readTree(r.toJson().toString());
      // "matches": output fields that differ from run to run (a random salt), as regular expressions.
      JsonNode matches = c.path("matches");
      for (var m : matches.properties()) {
        JsonNode v = actual.remove(m.getKey());
        assertTrue(v != null && v.isTextual() && v.asText().matches(m.getValue().asText()),
            "input " + c.get("input") + ": output `" + m.getKey() + "` is " + v + ", expected to match "
                + m.getValue());
      }
      assertEquals(c.get("output"), actual, "input " + c.get("input"));
    }
  }
}
