package dev.weft.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowInput;
import dev.weft.flows.model.FlowNode;
import dev.weft.flows.model.FlowOutput;
import dev.weft.wit.diag.DiagnosticRenderer;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.SourceMap;
import dev.weft.wit.model.TypeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests in the style of wit-parser's UI tests: every {@code ui/flows/*.yaml} is checked
 * and what {@code weft check} would say (the rendered problems, or a summary of the checked graph)
 * must equal {@code *.yaml.expected}. Run with {@code -Dbless=true} to rewrite the expectations.
 */
class FlowUiTest {
  private static final Path DIR = Path.of("src/test/resources/ui/flows");

  @TestFactory
  Stream<DynamicTest> everyFlowCaseMatchesItsExpectation() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(DIR)) {
      cases = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
  }

  private static void run(Path file) throws IOException {
    SourceMap sources = new SourceMap();
    Diagnostics diags = new Diagnostics();
    Optional<FlowGraph> graph = Flows.check(file, new TestCatalog(), sources, diags);
    String actual =
        diags.size() > 0
            ? new DiagnosticRenderer(sources).render(diags.all())
            : summary(graph.orElseThrow());
    actual = actual.replace("\r\n", "\n").replace('\\', '/');
    Path expectedFile = file.resolveSibling(file.getFileName() + ".expected");
    if (Boolean.getBoolean("bless")) {
      Files.writeString(expectedFile, actual);
      return;
    }
    assertEquals(Files.readString(expectedFile).replace("\r\n", "\n"), actual, file.toString());
  }

  private static String summary(FlowGraph g) {
    StringBuilder b = new StringBuilder("ok: flow `" + g.name() + "`\n");
    for (FlowInput in : g.inputs()) {
      if (!in.constraints().isEmpty()) {
        b.append("input ").append(in.name()).append(": ")
            .append(TypeNames.display(in.type().type(), in.type().table()))
            .append(" {").append(String.join(", ", in.constraints().describe())).append("}\n");
      }
    }
    for (FlowNode n : g.nodes()) {
      b.append("node ").append(n.id()).append(" = ")
          .append(n.subflow().isPresent() ? "" : n.builtin().isPresent() ? "builtin " : n.component() + ".")
          .append(n.exportKey());
      if (!n.dependsOn().isEmpty()) {
        b.append(" after ").append(n.dependsOn().stream().map(Object::toString)
            .collect(Collectors.joining(", ")));
      }
      n.resultType().ifPresent(t -> b.append(" -> ").append(TypeNames.display(t.type(), t.table())));
      b.append('\n');
    }
    for (FlowOutput o : g.outputs()) {
      b.append("output ").append(o.name()).append(": ")
          .append(TypeNames.display(o.value().type().type(), o.value().type().table())).append('\n');
    }
    g.http().ifPresent(r -> b.append("http ").append(r.describe()).append('\n'));
    return b.toString();
  }
}
