package dev.weft.engine.sched;

import dev.weft.engine.pool.InstancePool;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowNode;
import dev.weft.flows.model.NodeId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow ready to run: its nodes in topological order with their dependencies as indexes, the
 * pool each calls into and its deadline. Built once when the flow is loaded; shared by all runs.
 */
public final class FlowPlan {
  /** One node: what it calls, which earlier nodes it waits for, and its deadline (0: none). */
  public record PlannedNode(
      FlowNode node, int[] deps, int[] dependents, InstancePool pool, long timeoutMillis) {}

  private final FlowGraph graph;
  private final PlannedNode[] nodes;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, InstancePool> pools;

  /**
   * @param pools the pool of every component, by flow-local name
   * @param componentTimeouts the default deadline of each component's calls, if any
   */
  public FlowPlan(
      FlowGraph graph, Map<String, InstancePool> pools, Map<String, Long> componentTimeouts) {
    this.graph = graph;
    this.pools = Map.copyOf(pools);
    List<FlowNode> list = graph.nodes();
    this.nodes = new PlannedNode[list.size()];
    for (int i = 0; i < list.size(); i++) {
      FlowNode n = list.get(i);
      index.put(n.id().name(), i);
      int[] deps = new int[n.dependsOn().size()];
      for (int d = 0; d < deps.length; d++) {
        NodeId dep = n.dependsOn().get(d);
        deps[d] = index.get(dep.name()); // topological order: every dependency is already indexed
      }
      long timeout = n.timeoutMillis().orElse(componentTimeouts.getOrDefault(n.component(), 0L));
      nodes[i] = new PlannedNode(n, deps, null, pools.get(n.component()), timeout);
    }
    // The reverse edges, so a finished node can tell its dependents in O(out-degree).
    List<List<Integer>> out = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      out.add(new java.util.ArrayList<>());
    }
    for (int i = 0; i < nodes.length; i++) {
      for (int d : nodes[i].deps()) {
        out.get(d).add(i);
      }
    }
    for (int i = 0; i < nodes.length; i++) {
      PlannedNode p = nodes[i];
      int[] dependents = out.get(i).stream().mapToInt(Integer::intValue).toArray();
      nodes[i] = new PlannedNode(p.node(), p.deps(), dependents, p.pool(), p.timeoutMillis());
    }
  }

  /** The pool of every component, by flow-local name. */
  public Map<String, InstancePool> pools() {
    return pools;
  }

  public FlowGraph graph() {
    return graph;
  }

  int size() {
    return nodes.length;
  }

  PlannedNode node(int i) {
    return nodes[i];
  }

  int indexOf(String node) {
    return index.get(node);
  }
}
