package dev.weft.wit.wat;

/** Component text that is malformed or outside the supported subset, at a character offset. */
public final class WatException extends RuntimeException {
  private final int start;
  private final int end;

  /**
   * @param start offset of the first character at fault
   * @param end offset after the last one
   */
  public WatException(int start, int end, String message) {
    super(message, null, false, false);
    this.start = start;
    this.end = Math.max(end, start + 1);
  }

  /** Where the problem starts, as a character offset into the text. */
  public int start() {
    return start;
  }

  /** Where it ends. */
  public int end() {
    return end;
  }
}
