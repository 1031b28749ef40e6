package dev.weft.flows.graph;

import dev.weft.flows.model.Binding;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowNode;
import dev.weft.flows.model.FlowOutput;
import dev.weft.flows.model.NodeId;
import dev.weft.flows.model.Step;
import dev.weft.wit.model.TypeNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws a checked flow as Mermaid or Graphviz DOT: the inputs, one box per node with the function
 * it calls (a hexagon for a built-in node such as {@code kv.get}), the output, and one edge per
 * reference labelled with the WIT type that flows on it.
 */
public final class GraphRenderer {
  /** The output formats. */
  public enum Format {
    MERMAID,
    DOT
  }

  /** An edge: from {@code input}, a node or to {@code output}, with its label. */
  private record Edge(String from, String to, String label) {}

  private GraphRenderer() {}

  /** The flow drawn in {@code format}. */
  public static String render(FlowGraph g, Format format) {
    List<Edge> edges = edges(g);
    return switch (format) {
      case MERMAID -> mermaid(g, edges);
      case DOT -> dot(g, edges);
    };
  }

  private static List<Edge> edges(FlowGraph g) {
    Set<Edge> edges = new LinkedHashSet<>();
    for (FlowNode n : g.nodes()) {
      String to = id(n.id().name());
      List<Binding> sources = new ArrayList<>(n.args());
      n.when().ifPresent(sources::add);
      n.forEach().ifPresent(sources::add);
      n.fallback().ifPresent(sources::add);
      for (Binding b : sources) {
        refs(b, to, edges);
      }
      // `after:` and any other wait that passes no value: an edge of its own
      for (NodeId d : n.dependsOn()) {
        String from = id(d.name());
        if (edges.stream().noneMatch(e -> e.from().equals(from) && e.to().equals(to))) {
          edges.add(new Edge(from, to, "after"));
        }
      }
    }
    for (FlowOutput o : g.outputs()) {
      refs(o.value(), "output", edges);
    }
    return List.copyOf(edges);
  }

  private static void refs(Binding b, String to, Set<Edge> out) {
    if (b instanceof Binding.FromInput in) {
      out.add(new Edge("input", to, in.input() + path(in.steps()) + ": " + type(b)));
    } else if (b instanceof Binding.FromNode n) {
      out.add(new Edge(id(n.node().name()), to, type(b)));
    } else if (b instanceof Binding.MakeList l) {
      l.items().forEach(i -> refs(i, to, out));
    } else if (b instanceof Binding.MakeTuple t) {
      t.items().forEach(i -> refs(i, to, out));
    } else if (b instanceof Binding.MakeRecord r) {
      r.values().forEach(v -> refs(v, to, out));
    } else if (b instanceof Binding.WrapSome s) {
      refs(s.inner(), to, out);
    } else if (b instanceof Binding.Template t) {
      t.parts().forEach(p -> refs(p, to, out));
    } else if (b instanceof Binding.Utf8 u) {
      refs(u.text(), to, out);
    }
  }

  private static String path(List<Step> steps) {
    StringBuilder b = new StringBuilder();
    for (Step s : steps) {
      if (s instanceof Step.FieldStep f) {
        b.append('.').append(f.name());
      } else if (s instanceof Step.CaseStep c) {
        b.append('.').append(c.name());
      } else {
        b.append('[').append(((Step.IndexStep) s).index()).append(']');
      }
    }
    return b.toString();
  }

  private static String type(Binding b) {
    return TypeNames.display(b.type().type(), b.type().table());
  }

  private static String mermaid(FlowGraph g, List<Edge> edges) {
    StringBuilder b = new StringBuilder("flowchart LR\n");
    b.append("  input([input])\n");
    for (FlowNode n : g.nodes()) {
      // Built-in nodes are hexagons, component calls and sub-flows boxes.
      boolean builtin = n.builtin().isPresent();
      b.append("  ").append(id(n.id().name())).append(builtin ? "{{\"" : "[\"").append(n.id().name())
          .append("<br/><small>").append(target(n)).append("</small>");
      n.when().ifPresent(w -> b.append("<br/><small>when</small>"));
      b.append(builtin ? "\"}}\n" : "\"]\n");
    }
    b.append("  output([output])\n");
    for (Edge e : edges) {
      b.append("  ").append(e.from()).append(" -- \"").append(escape(e.label())).append("\" --> ")
          .append(e.to()).append('\n');
    }
    return b.toString();
  }

  private static String dot(FlowGraph g, List<Edge> edges) {
    StringBuilder b = new StringBuilder("digraph \"" + g.name() + "\" {\n  rankdir=LR;\n");
    b.append("  input [shape=oval];\n  output [shape=oval];\n");
    for (FlowNode n : g.nodes()) {
      b.append("  ").append(id(n.id().name()))
          .append(n.builtin().isPresent() ? " [shape=hexagon, label=\"" : " [shape=box, label=\"")
          .append(n.id().name())
          .append("\\n").append(target(n)).append("\"];\n");
    }
    for (Edge e : edges) {
      b.append("  ").append(e.from()).append(" -> ").append(e.to()).append(" [label=\"")
          .append(e.label().replace("\"", "\\\"")).append("\"];\n");
    }
    return b.append("}\n").toString();
  }

  private static String target(FlowNode n) {
    if (n.builtin().isPresent()) {
      return n.exportKey(); // the call name: kv.get, log
    }
    return n.subflow().isPresent() ? fn(n) : n.component() + "." + fn(n);
  }

  private static String fn(FlowNode n) {
    if (n.subflow().isPresent()) {
      return "flow " + n.subflow().get().name();
    }
    String k = n.exportKey();
    return k.substring(k.indexOf('#') + 1);
  }

  // Node names may contain `-`, which Mermaid and DOT ids may not; `input` and `output` are ours.
  private static String id(String node) {
    return "n_" + node.replace('-', '_');
  }

  private static String escape(String label) {
    return label.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }
}
