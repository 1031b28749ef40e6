package dev.weft.engine;

/**
 * A component call trapped: the guest executed {@code unreachable}, accessed memory out of bounds,
 * or handed the host a value that breaks the canonical ABI (bad pointer, length, discriminant or
 * char). The message names the export and what was wrong.
 */
public class TrapException extends EngineException {
  private final String function;

  public TrapException(String function, String message, Throwable cause) {
    super(ErrorKind.TRAP, "`" + function + "` trapped: " + message, cause);
    this.function = function;
  }

  /** The export that trapped. */
  public String function() {
    return function;
  }
}
