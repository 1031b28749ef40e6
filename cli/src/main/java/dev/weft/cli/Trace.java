package dev.weft.cli;

import dev.weft.engine.NodeTrace;
import dev.weft.engine.RunResult;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowNode;
import dev.weft.flows.model.NodeId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --trace}: each node's start, end, duration, what it calls and the thread it ended on
 * (built-in nodes that wait on I/O end on an event loop), then the critical path.
 */
final class Trace {
  private Trace() {}

  static void print(RunResult result, FlowGraph graph, PrintWriter err) {
    List<NodeTrace> traces = new ArrayList<>(result.trace());
    if (traces.isEmpty()) {
      return;
    }
    traces.sort(Comparator.comparingLong(NodeTrace::startNanos));
    long t0 = traces.get(0).startNanos();
    Map<String, FlowNode> nodes = new HashMap<>();
    graph.nodes().forEach(n -> nodes.put(n.id().name(), n));
    err.printf("%-20s %10s %10s %10s  %-20s %s%n", "node", "start ms", "end ms", "took ms", "call", "thread");
    Map<String, NodeTrace> byNode = new HashMap<>();
    for (NodeTrace t : traces) {
      byNode.put(t.node(), t);
      err.printf("%-20s %10.3f %10.3f %10.3f  %-20s %s%n", t.node(), ms(t.startNanos() - t0),
          ms(t.endNanos() - t0), ms(t.durationNanos()), call(nodes.get(t.node())),
          t.skipped() ? "(skipped)" : t.thread());
    }
    // Walk back from the node that ended last through the dependency that ended last.
    NodeTrace at = traces.stream().max(Comparator.comparingLong(NodeTrace::endNanos)).orElseThrow();
    List<String> path = new ArrayList<>();
    while (at != null) {
      path.add(0, at.node());
      NodeTrace prev = null;
      for (NodeId d : nodes.get(at.node()).dependsOn()) {
        NodeTrace dt = byNode.get(d.name());
        if (dt != null && (prev == null || dt.endNanos() > prev.endNanos())) {
          prev = dt;
        }
      }
      at = prev;
    }
    long last = traces.stream().mapToLong(NodeTrace::endNanos).max().orElse(t0);
    err.printf("critical path: %s (%.3f ms)%n", String.join(" -> ", path), ms(last - t0));
  }

  /**
   * The run as Chrome trace events ({@code chrome://tracing}, Perfetto): one complete event
   * ({@code "ph": "X"}) per node call, with what it called ({@code args.call}) and its category
   * ({@code node}, {@code builtin} or {@code skipped}), one row per thread, times in microseconds.
   */
  static com.fasterxml.jackson.databind.node.ObjectNode chromeTrace(RunResult result, FlowGraph graph) {
    var json = InputArgs.JSON;
    var root = json.createObjectNode();
    var events = root.putArray("traceEvents");
    long t0 = result.trace().stream().mapToLong(NodeTrace::startNanos).min().orElse(0);
    Map<String, Integer> threads = new HashMap<>();
    Map<String, FlowNode> nodes = new HashMap<>();
    graph.nodes().forEach(n -> nodes.put(n.id().name(), n));
    for (NodeTrace t : result.trace()) {
      int tid = threads.computeIfAbsent(t.thread().isEmpty() ? "scheduler" : t.thread(), k -> threads.size() + 1);
      FlowNode node = nodes.get(t.node());
      boolean builtin = node != null && node.builtin().isPresent();
      var e = events.addObject();
      e.put("name", t.node());
      // Built-in nodes (kv.get, http.request...) are a category of their own, on the thread that
      // completed them: an event loop when they did I/O.
      e.put("cat", t.skipped() ? "skipped" : builtin ? "builtin" : "node");
      if (node != null) {
        e.putObject("args").put("call", call(node));
      }
      e.put("ph", "X");
      e.put("ts", (t.startNanos() - t0) / 1000.0);
      e.put("dur", Math.max(0, t.durationNanos()) / 1000.0);
      e.put("pid", 1);
      e.put("tid", tid);
    }
    threads.forEach((name, tid) -> {
      var m = events.addObject();
      m.put("name", "thread_name");
      m.put("ph", "M");
      m.put("pid", 1);
      m.put("tid", tid);
      m.putObject("args").put("name", name);
    });
    var p = events.addObject();
    p.put("name", "process_name");
    p.put("ph", "M");
    p.put("pid", 1);
    p.putObject("args").put("name", "weft flow " + graph.name());
    return root;
  }

  /** What a node calls: {@code greet.greet}, a built-in ({@code kv.get}), or {@code flow NAME}. */
  private static String call(FlowNode node) {
    if (node == null) {
      return "";
    }
    if (node.subflow().isPresent()) {
      return "flow " + node.subflow().get().name();
    }
    if (node.builtin().isPresent()) {
      return node.exportKey();
    }
    String k = node.exportKey();
    return node.component() + "." + k.substring(k.indexOf('#') + 1);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
