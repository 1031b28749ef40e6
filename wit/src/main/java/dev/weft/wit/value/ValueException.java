package dev.weft.wit.value;

import java.util.Objects;

/**
 * A value that does not fit its WIT type: a type error at a boundary (JSON input, a host call).
 * Names where in the value the problem is ({@code $.items[2].name}) and the expected type.
 */
public class ValueException extends RuntimeException {
  private final String path;
  private final String expected;

  public ValueException(String path, String expected, String problem) {
    super(path + ": expected `" + expected + "`, " + problem);
    this.path = Objects.requireNonNull(path, "path");
    this.expected = Objects.requireNonNull(expected, "expected");
  }

  /** Where in the value the problem is, as a JSON path ({@code $} is the whole value). */
  public String path() {
    return path;
  }

  /** The WIT type that was expected there, rendered by {@link WitTypes#display}. */
  public String expected() {
    return expected;
  }
}
