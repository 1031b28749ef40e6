package dev.weft.wit.binary;

import dev.weft.wit.abi.CanonOptions;
import dev.weft.wit.abi.StringEncoding;
import java.util.Optional;

/** The canonical options of a lift or lower, with their core items resolved. */
public record PlanOptions(
    StringEncoding encoding,
    Optional<CoreRef> memory,
    Optional<CoreRef> realloc,
    Optional<CoreRef> postReturn) {
  /** What the ABI codecs need to know of these options. */
  public CanonOptions canonOptions() {
    return new CanonOptions(encoding, memory.isPresent(), realloc.isPresent());
  }
}
