package dev.weft.flows.model;

import dev.weft.wit.model.Function;
import java.util.List;
import java.util.Optional;

/**
 * A checked node: which export of which component it calls, its arguments in parameter order,
 * its condition, its deadline, and the nodes it waits for.
 *
 * @param exportKey the component's export key ({@code fn} or {@code ns:pkg/iface#fn})
 * @param resultType the type downstream nodes see: the function's result, wrapped in an {@code
 *     option} for a conditional node; empty when the function returns nothing
 */
public record FlowNode(
    NodeId id,
    String component,
    String exportKey,
    Function function,
    List<Binding> args,
    Optional<Binding> when,
    Optional<Long> timeoutMillis,
    List<NodeId> dependsOn,
    Optional<Typed> resultType) {
  public FlowNode {
    args = List.copyOf(args);
    dependsOn = List.copyOf(dependsOn);
  }
}
