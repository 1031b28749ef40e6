package dev.weft.flows.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.flows.Flows;
import dev.weft.flows.model.FlowGraph;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.SourceMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in nodes are drawn apart from component calls, with the WIT type on every edge. */
class GraphRendererTest {
  @TempDir Path dir;

  private FlowGraph builtins() throws IOException {
    return graph(
        "flow: counter",
        "input: { user: string }",
        "nodes:",
        "  count: { call: kv.increment, with: { bucket: visits, key: $input.user, delta: 1 } }",
        "  note:  { call: log, with: { level: info, message: $input.user, fields: [] } }",
        "output: { count: $count }");
  }

  /** The checked graph of a flow of built-in nodes only. */
  private FlowGraph graph(String... lines) throws IOException {
    Path f = Files.createTempFile(dir, "flow", ".yaml");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return Flows.check(f, (decl, wasm, d) -> java.util.Optional.empty(), new SourceMap(), new Diagnostics())
        .orElseThrow();
  }

  @Test
  void mermaidDrawsBuiltinsAsHexagons() throws IOException {
    String m = GraphRenderer.render(builtins(), GraphRenderer.Format.MERMAID);
    assertTrue(m.contains("n_count{{\"count<br/><small>kv.increment</small>\"}}"), m);
    assertTrue(m.contains("n_note{{\"note<br/><small>log</small>\"}}"), m);
    assertTrue(m.contains("input -- \"user: string\" --> n_count"), m);
    assertTrue(m.contains("n_count -- \"s64\" --> output"), m);
  }

  @Test
  void dotDrawsBuiltinsAsHexagons() throws IOException {
    String d = GraphRenderer.render(builtins(), GraphRenderer.Format.DOT);
    assertTrue(d.contains("n_count [shape=hexagon, label=\"count\\nkv.increment\"];"), d);
    assertTrue(d.contains("n_count -> output [label=\"s64\"];"), d);
  }

  @Test
  void aWaitWithoutAValueIsAnEdgeLabelledAfter() throws IOException {
    FlowGraph g = graph(
        "flow: after",
        "input: { user: string }",
        "nodes:",
        "  save: { call: kv.set, with: { bucket: b, key: $input.user, value: [], ttl-ms: null } }",
        "  read: { call: kv.get, with: { bucket: b, key: $input.user }, after: save }",
        "output: { read: $read }");
    String m = GraphRenderer.render(g, GraphRenderer.Format.MERMAID);
    assertTrue(m.contains("n_save -- \"after\" --> n_read"), m);
    String d = GraphRenderer.render(g, GraphRenderer.Format.DOT);
    assertTrue(d.contains("n_save -> n_read [label=\"after\"];"), d);
  }
}
