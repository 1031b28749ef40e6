package dev.weft.flows.ast;

import dev.weft.flows.host.GrantsDecl;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code components: name: {wasm: path, ...}}: a component the flow calls, or a core module with
 * the WIT world it implements.
 *
 * @param wasm the path as written, relative to the flow file
 * @param wit a WIT file or folder, for core modules
 * @param world the world in {@code wit} the core module implements
 * @param poolMax the most instances to run at once (default: cores)
 * @param memoryLimitBytes the most linear memory an instance may have
 * @param timeoutMillis the default deadline of a call to this component
 * @param grants the host interfaces the component may import
 * @param poolReset whether every instance goes back to its state after instantiation after each
 *     call ({@code pool: {reset: true}}), so no run sees another's leftovers
 * @param grants the host interfaces it may import ({@code grants:}); none when absent
 */
public record ComponentDecl(
    Ident name,
    Ident wasm,
    Optional<Ident> wit,
    Optional<Ident> world,
    OptionalInt poolMax,
    Optional<Long> memoryLimitBytes,
    Optional<Long> timeoutMillis,
    Optional<GrantsDecl> grants,
    boolean poolReset) {
  /** A declaration whose pool keeps instances as calls leave them. */
  public ComponentDecl(
      Ident name,
      Ident wasm,
      Optional<Ident> wit,
      Optional<Ident> world,
      OptionalInt poolMax,
      Optional<Long> memoryLimitBytes,
      Optional<Long> timeoutMillis,
      Optional<GrantsDecl> grants) {
    this(name, wasm, wit, world, poolMax, memoryLimitBytes, timeoutMillis, grants, false);
  }

  /** A declaration without {@code grants:}. */
  public ComponentDecl(
      Ident name,
      Ident wasm,
      Optional<Ident> wit,
      Optional<Ident> world,
      OptionalInt poolMax,
      Optional<Long> memoryLimitBytes,
      Optional<Long> timeoutMillis) {
    this(name, wasm, wit, world, poolMax, memoryLimitBytes, timeoutMillis, Optional.empty());
  }
}
