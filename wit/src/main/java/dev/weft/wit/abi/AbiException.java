package dev.weft.wit.abi;

/**
 * A guest broke the canonical ABI: an out-of-bounds or unaligned pointer, a length that does not
 * fit, a bad discriminant, an invalid char or string encoding, a handle it does not own. The engine
 * reports it as a trap of the call; the message says what was wrong.
 */
public class AbiException extends RuntimeException {
  public AbiException(String message) {
    super(message);
  }
}
