package dev.weft.server;

/** The server cannot start or stop as asked; the message says why, for one line of output. */
public final class ServeException extends RuntimeException {
  public ServeException(String message) {
    super(message);
  }
}
