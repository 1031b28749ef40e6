package dev.weft.engine.host;

/** A {@link KvStore} operation that failed; {@link #kind()} says how the guest is told. */
public final class KvException extends RuntimeException {
  /** How a store operation failed. */
  public enum Kind {
    /** The value is not a decimal 64-bit integer, or the increment overflows. */
    NOT_AN_INTEGER,
    /** The backend is unreachable or answered with an error. */
    UNAVAILABLE
  }

  private final Kind kind;

  public KvException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public KvException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
