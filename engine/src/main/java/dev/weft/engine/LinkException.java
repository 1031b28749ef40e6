package dev.weft.engine;

/** A component's imports could not be satisfied, or its shape is not supported. */
public class LinkException extends EngineException {
  public LinkException(String message) {
    super(ErrorKind.LOAD, message);
  }

  public LinkException(String message, Throwable cause) {
    super(ErrorKind.LOAD, message, cause);
  }
}
