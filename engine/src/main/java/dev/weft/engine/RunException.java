package dev.weft.engine;

import java.util.Optional;

/**
 * A flow run that failed: which node, component and function, what kind of failure, and the
 * message. Nodes that did not run because of it are not reported separately.
 */
public class RunException extends EngineException {
  private final String flow;
  private final Optional<String> node;
  private final Optional<String> component;
  private final Optional<String> function;
  private final String detail;

  public RunException(
      ErrorKind kind,
      String flow,
      Optional<String> node,
      Optional<String> component,
      Optional<String> function,
      String detail,
      Throwable cause) {
    super(kind, describe(flow, node, function, detail), cause);
    this.flow = flow;
    this.node = node;
    this.component = component;
    this.function = function;
    this.detail = detail;
  }

  /** A failure before any node ran, such as an input that does not fit its type. */
  public static RunException ofFlow(ErrorKind kind, String flow, String detail) {
    return new RunException(
        kind, flow, Optional.empty(), Optional.empty(), Optional.empty(), detail, null);
  }

  private static String describe(
      String flow, Optional<String> node, Optional<String> function, String detail) {
    StringBuilder b = new StringBuilder("flow `").append(flow).append('`');
    node.ifPresent(n -> b.append(", node `").append(n).append('`'));
    function.ifPresent(f -> b.append(" (").append(f).append(')'));
    return b.append(": ").append(detail).toString();
  }

  public String flow() {
    return flow;
  }

  public Optional<String> node() {
    return node;
  }

  public Optional<String> component() {
    return component;
  }

  public Optional<String> function() {
    return function;
  }

  /** The message without the flow and node prefix. */
  public String detail() {
    return detail;
  }
}
