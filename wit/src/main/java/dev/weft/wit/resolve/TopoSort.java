package dev.weft.wit.resolve;

import dev.weft.wit.diag.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Deterministic topological sort: dependencies come before dependents, ties broken by source order
 * (as wit-parser's). A cycle is reported once, at the span of the edge that closes it, and that
 * edge is ignored so the sort still covers every node. Iterative, so a long chain of declarations
 * cannot overflow the stack.
 */
final class TopoSort {
  /** "Node {@code from} depends on node {@code to}", written at {@code span}. */
  record Edge(int to, Span span) {}

  private TopoSort() {}

  /**
   * @param deps for each node, its dependencies in source order
   * @param onCycle called with (node, closing edge) for each cycle found
   * @return every node, dependencies first
   */
  static List<Integer> sort(List<List<Edge>> deps, BiConsumer<Integer, Edge> onCycle) {
    int n = deps.size();
    byte[] state = new byte[n]; // 0 new, 1 on the stack, 2 done
    List<Integer> order = new ArrayList<>(n);
    for (int root = 0; root < n; root++) {
      if (state[root] != 0) {
        continue;
      }
      Deque<int[]> stack = new ArrayDeque<>(); // {node, next edge index}
      stack.push(new int[] {root, 0});
      state[root] = 1;
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        List<Edge> edges = deps.get(top[0]);
        if (top[1] == edges.size()) {
          stack.pop();
          state[top[0]] = 2;
          order.add(top[0]);
          continue;
        }
        Edge e = edges.get(top[1]++);
        if (state[e.to()] == 1) {
          onCycle.accept(top[0], e);
        } else if (state[e.to()] == 0) {
          state[e.to()] = 1;
          stack.push(new int[] {e.to(), 0});
        }
      }
    }
    return order;
  }
}
