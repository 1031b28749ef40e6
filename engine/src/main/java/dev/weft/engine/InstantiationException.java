package dev.weft.engine;

/** A component's core modules failed to instantiate or initialise. */
public class InstantiationException extends EngineException {
  public InstantiationException(String message, Throwable cause) {
    super(ErrorKind.LOAD, message, cause);
  }
}
