package dev.weft.wit.binary;

/** A well-formed component whose shape Weft does not run (for example nested components). */
public class UnsupportedComponentException extends RuntimeException {
  public UnsupportedComponentException(String message) {
    super(message);
  }
}
