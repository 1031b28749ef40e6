package dev.weft.flows.model;

import dev.weft.flows.host.Grants;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A component of a checked flow: where its binary is, and its pool and limits.
 *
 * @param name the flow-local name
 * @param wasm the resolved path of the binary
 * @param poolReset whether each instance is reset to its state after instantiation after every
 *     call
 * @param grants the host interfaces it may import
 */
public record FlowComponent(
    String name,
    Path wasm,
    Optional<Path> wit,
    Optional<String> world,
    OptionalInt poolMax,
    Optional<Long> memoryLimitBytes,
    Optional<Long> timeoutMillis,
    Grants grants,
    boolean poolReset) {
  /** A component whose pool keeps instances as calls leave them. */
  public FlowComponent(
      String name,
      Path wasm,
      Optional<Path> wit,
      Optional<String> world,
      OptionalInt poolMax,
      Optional<Long> memoryLimitBytes,
      Optional<Long> timeoutMillis,
      Grants grants) {
    this(name, wasm, wit, world, poolMax, memoryLimitBytes, timeoutMillis, grants, false);
  }

  /** A component granted no host interface. */
  public FlowComponent(
      String name,
      Path wasm,
      Optional<Path> wit,
      Optional<String> world,
      OptionalInt poolMax,
      Optional<Long> memoryLimitBytes,
      Optional<Long> timeoutMillis) {
    this(name, wasm, wit, world, poolMax, memoryLimitBytes, timeoutMillis, Grants.NONE);
  }
}
