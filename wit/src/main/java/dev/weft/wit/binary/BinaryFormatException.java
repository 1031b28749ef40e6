package dev.weft.wit.binary;

/** Malformed or truncated component binary: names the byte offset and what was expected there. */
public class BinaryFormatException extends RuntimeException {
  private final long offset;

  public BinaryFormatException(long offset, String message) {
    super("at byte " + offset + ": " + message);
    this.offset = offset;
  }

  /** The offset in the binary where decoding failed. */
  public long offset() {
    return offset;
  }
}
