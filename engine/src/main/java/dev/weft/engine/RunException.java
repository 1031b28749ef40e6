package dev.weft.engine;

import dev.weft.flows.model.InputConstraints;
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
  private boolean input;
  private Optional<String> inputName = Optional.empty();
  private Optional<InputConstraints.Violation> violation = Optional.empty();

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

  /** A failure of the flow as a whole, such as an output that cannot be built. */
  public static RunException ofFlow(ErrorKind kind, String flow, String detail) {
    return new RunException(
        kind, flow, Optional.empty(), Optional.empty(), Optional.empty(), detail, null);
  }

  /** Inputs that do not fit the flow: missing, unknown, or of the wrong type. */
  public static RunException ofInput(String flow, String detail) {
    RunException e = ofFlow(ErrorKind.TYPE, flow, detail);
    e.input = true;
    return e;
  }

  /**
   * An input whose value breaks one of its declared constraints ({@code max-bytes}...): a failure
   * of kind {@link ErrorKind#LIMIT} that is the caller's fault, as {@link #ofInput} is.
   */
  public static RunException ofConstraint(String flow, String input, InputConstraints.Violation v) {
    RunException e = ofFlow(ErrorKind.LIMIT, flow, "input `" + input + "` " + v.detail());
    e.input = true;
    e.inputName = Optional.of(input);
    e.violation = Optional.of(v);
    return e;
  }

  /** The input at fault, when one input is (a broken constraint). */
  public Optional<String> input() {
    return inputName;
  }

  /** The constraint an input broke, for {@link #ofConstraint} failures. */
  public Optional<InputConstraints.Violation> violation() {
    return violation;
  }

  /** Whether the caller's input was at fault (an HTTP 400, a CLI usage error). */
  public boolean inputError() {
    return input;
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
