package dev.weft.engine;

import java.util.Objects;

/** Base of every failure the engine reports; carries the {@link ErrorKind}. */
public class EngineException extends RuntimeException {
  private final ErrorKind kind;

  public EngineException(ErrorKind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public EngineException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** What kind of failure this is. */
  public ErrorKind kind() {
    return kind;
  }
}
