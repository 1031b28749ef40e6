package dev.weft.wit.abi;

import java.util.Objects;

/**
 * The canonical options of a {@code canon lift} or {@code canon lower} that matter to codecs: the
 * string encoding and whether a memory and a {@code realloc} were given (binding fails when a
 * function needs one that is missing).
 */
public record CanonOptions(StringEncoding stringEncoding, boolean hasMemory, boolean hasRealloc) {
  /** UTF-8 with a memory and a realloc: what wit-component emits for most functions. */
  public static final CanonOptions UTF8 = new CanonOptions(StringEncoding.UTF8, true, true);

  public CanonOptions {
    Objects.requireNonNull(stringEncoding, "stringEncoding");
  }
}
