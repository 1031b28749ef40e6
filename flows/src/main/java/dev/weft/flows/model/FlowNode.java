package dev.weft.flows.model;

import dev.weft.flows.builtin.Builtin;
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
 * @param subflow the flow this node runs instead of a component function ({@code flow:}); then
 *     {@code function} describes it: the flow's inputs as parameters, its output as the result
 * @param builtin the built-in this node calls instead of a component function ({@code call:
 *     kv.get}); then {@code component} is empty, {@code exportKey} is the call name ({@code
 *     kv.get}) and {@code function} is the signature the node sees (a {@code result}'s {@code ok}
 *     type as the result)
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
    Optional<Binding> fallback,
    Optional<FlowGraph> subflow,
    Optional<Builtin> builtin) {
  public FlowNode {
    args = List.copyOf(args);
    dependsOn = List.copyOf(dependsOn);
  }

  /** A node that calls a component function or runs a sub-flow. */
  public FlowNode(
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
      Optional<Binding> fallback,
      Optional<FlowGraph> subflow) {
    this(id, component, exportKey, function, args, when, timeoutMillis, dependsOn, resultType,
        forEach, concurrency, retry, fallback, subflow, Optional.empty());
  }
}
