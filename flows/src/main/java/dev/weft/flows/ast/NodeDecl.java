package dev.weft.flows.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code nodes: name: {call: component.function, with: {...}, ...}}: one step of the flow.
 *
 * @param call the component name and the function as written ({@code fn} or {@code iface#fn})
 * @param with the arguments, by parameter name
 * @param when run only when this bool is true
 * @param timeoutMillis a deadline for the call, overriding the component's
 */
public record NodeDecl(
    Ident name,
    Call call,
    List<Arg> with,
    Optional<Expr> when,
    Optional<Long> timeoutMillis) {
  public NodeDecl {
    with = List.copyOf(with);
  }

  /** {@code call: component.function}. */
  public record Call(Ident component, Ident function) {}

  /** One argument: {@code param: expr}. */
  public record Arg(Ident param, Expr value) {}
}
