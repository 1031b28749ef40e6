package dev.weft.flows.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code nodes: name: {call: component.function, with: {...}, ...}}: one step of the flow.
 *
 * @param call the component name and the function as written ({@code fn} or {@code iface#fn});
 *     empty for a node that runs a sub-flow
 * @param flow the sub-flow this node runs, a path relative to the flow file
 * @param with the arguments, by parameter name
 * @param when run only when this bool is true
 * @param timeoutMillis a deadline for the call, overriding the component's
 * @param forEach call once per element of this list, with {@code $item} bound to the element
 * @param concurrency the most calls of a {@code for-each} in flight at once
 * @param retry how often to try again after a failure, and how long to wait
 * @param fallback the node's value when it fails (after its retries)
 * @param after nodes this node waits for without using their values ({@code after: [save]})
 */
public record NodeDecl(
    Ident name,
    Optional<Call> call,
    Optional<Ident> flow,
    List<Arg> with,
    Optional<Expr> when,
    Optional<Long> timeoutMillis,
    Optional<Expr> forEach,
    Optional<Integer> concurrency,
    Optional<Retry> retry,
    Optional<Expr> fallback,
    List<Ident> after) {
  public NodeDecl {
    with = List.copyOf(with);
    after = List.copyOf(after);
  }

  /**
   * {@code call: component.function}, or a built-in ({@code kv.get}: {@code kv} then stands where
   * the component would; {@code call: log} has an empty function).
   */
  public record Call(Ident component, Ident function) {}

  /** {@code retry: {attempts: 3, backoff: 100ms}}: attempts in all, and the first wait. */
  public record Retry(int attempts, long backoffMillis) {}

  /** One argument: {@code param: expr}. */
  public record Arg(Ident param, Expr value) {}
}
