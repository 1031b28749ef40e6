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

/** {@code --trace}: each node's start, end, duration and thread, then the critical path. */
final class Trace {
  private Trace() {}

  static void print(RunResult result, FlowGraph graph, PrintWriter err) {
    List<NodeTrace> traces = new ArrayList<>(result.trace());
    if (traces.isEmpty()) {
      return;
    }
    traces.sort(Comparator.comparingLong(NodeTrace::startNanos));
    long t0 = traces.get(0).startNanos();
    err.printf("%-20s %10s %10s %10s  %s%n", "node", "start ms", "end ms", "took ms", "thread");
    Map<String, NodeTrace> byNode = new HashMap<>();
    for (NodeTrace t : traces) {
      byNode.put(t.node(), t);
      err.printf("%-20s %10.3f %10.3f %10.3f  %s%n", t.node(), ms(t.startNanos() - t0),
          ms(t.endNanos() - t0), ms(t.durationNanos()), t.skipped() ? "(skipped)" : t.thread());
    }
    // Walk back from the node that ended last through the dependency that ended last.
    Map<String, FlowNode> nodes = new HashMap<>();
    graph.nodes().forEach(n -> nodes.put(n.id().name(), n));
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
   * ({@code "ph": "X"}) per node call, one row per worker thread, times in microseconds.
   */
  static com.fasterxml.jackson.databind.node.ObjectNode chromeTrace(RunResult result, FlowGraph graph) {
    var json = InputArgs.JSON;
    var root = json.createObjectNode();
    var events = root.putArray("traceEvents");
    long t0 = result.trace().stream().mapToLong(NodeTrace::startNanos).min().orElse(0);
    Map<String, Integer> threads = new HashMap<>();
    for (NodeTrace t : result.trace()) {
      int tid = threads.computeIfAbsent(t.thread().isEmpty() ? "scheduler" : t.thread(), k -> threads.size() + 1);
      var e = events.addObject();
      e.put("name", t.node());
      e.put("cat", t.skipped() ? "skipped" : "node");
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

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
