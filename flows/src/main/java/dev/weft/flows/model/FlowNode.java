package dev.weft.flows.model;

import dev.weft.wit.model.Function;
import java.util.List;
import java.util.Optional;

/**
 * A checked node: which export of which component it calls, its arguments in parameter order,
 * its condition, its deadline, and the nodes it waits for.
 *
 * @param exportKey the component's export key ({@code fn} or {@code ns:pkg/iface#fn})
 * @param resultType the type downstream nodes see: the function's result, a {@code list} of them
 *     for a {@code for-each} node, wrapped in an {@code option} for a conditional node; empty when
 *     the function returns nothing
 * @param forEach the list to call the function once per element of ({@code $item} in args)
 * @param concurrency the most {@code for-each} calls in flight at once; 0 for the pool's size
 * @param retry attempts and backoff after failures
 * @param fallback the value of a call that failed (after retries); with {@code for-each}, of each
 *     failed element's call
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
    Optional<Typed> resultType,
    Optional<Binding> forEach,
    int concurrency,
    Optional<RetryPolicy> retry,
    Optional<Binding> fallback) {
  public FlowNode {
    args = List.copyOf(args);
    dependsOn = List.copyOf(dependsOn);
  }
}
