package dev.weft.flows.check;

import dev.weft.flows.ast.Expr;
import dev.weft.flows.ast.NodeDecl;
import dev.weft.wit.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders a flow's nodes so that each comes after the nodes it refers to, keeping source order
 * among nodes that are free to go in any order (as wit-parser's toposort does), and reports each
 * cycle once, at the reference that closes it.
 */
final class GraphOrder {
  private GraphOrder() {}

  /**
   * The node names in dependency order; nodes on or behind a cycle are left out (and reported).
   */
  static List<String> sort(
      List<NodeDecl> nodes, Map<String, List<Expr.Ref>> refs, Diagnostics diags) {
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    for (NodeDecl n : nodes) {
      Set<String> d = new HashSet<>();
      for (Expr.Ref r : refs.getOrDefault(n.name().name(), List.of())) {
        if (refs.containsKey(r.root().name())) {
          d.add(r.root().name());
        }
      }
      deps.put(n.name().name(), d);
    }
    List<String> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (String n : deps.keySet()) {
        if (!placed.contains(n) && placed.containsAll(deps.get(n))) {
          order.add(n);
          placed.add(n);
          progress = true;
          break; // restart from the top so source order wins among ready nodes
        }
      }
    }
    if (order.size() < deps.size()) {
      reportCycles(deps, placed, refs, diags);
    }
    return order;
  }

  private static void reportCycles(
      Map<String, Set<String>> deps,
      Set<String> placed,
      Map<String, List<Expr.Ref>> refs,
      Diagnostics diags) {
    Set<String> reported = new HashSet<>();
    for (String start : deps.keySet()) {
      if (placed.contains(start) || reported.contains(start)) {
        continue;
      }
      // Walk unplaced dependencies until a node repeats: that closes a cycle.
      List<String> path = new ArrayList<>();
      String at = start;
      while (!path.contains(at)) {
        path.add(at);
        String next = null;
        for (String d : deps.get(at)) {
          if (!placed.contains(d)) {
            next = d;
            break;
          }
        }
        if (next == null) {
          break;
        }
        at = next;
      }
      if (!path.contains(at) || reported.contains(at)) {
        continue;
      }
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
      reported.addAll(cycle);
      String last = cycle.get(cycle.size() - 1);
      String first = at;
      Expr.Ref closing =
          refs.get(last).stream().filter(r -> r.root().name().equals(first)).findFirst().orElseThrow();
      cycle.add(at);
      String message =
          cycle.size() == 2
              ? "node `" + at + "` refers to its own result"
              : "nodes form a cycle: " + String.join(" -> ", cycle);
      diags.error(
          "FLOW0105",
          message,
          closing.span(),
          "a node can only use inputs and the results of nodes that do not depend on it");
    }
  }
}
