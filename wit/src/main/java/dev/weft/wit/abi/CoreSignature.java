package dev.weft.wit.abi;

import java.util.List;

/**
 * The core function type a lifted or lowered function has after flattening (the spec's {@code
 * flatten_functype}), to check against the core function at link time.
 */
public record CoreSignature(List<CoreType> params, List<CoreType> results) {
  public CoreSignature {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }
}
