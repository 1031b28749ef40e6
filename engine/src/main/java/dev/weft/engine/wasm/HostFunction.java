package dev.weft.engine.wasm;

import dev.weft.wit.value.WitValue;
import java.util.List;
import java.util.Optional;

/**
 * The host's implementation of a WIT function that components import. Called on the thread that
 * runs the guest, in the middle of its call; arguments are already lifted and checked against the
 * import's WIT type, and the result is checked when it is lowered.
 *
 * <p>Failures: throw an {@link dev.weft.engine.EngineException} (for example of kind {@code HOST});
 * the guest's call ends with it and the instance is not used again.
 */
@FunctionalInterface
public interface HostFunction {
  /**
   * Runs the function.
   *
   * @param args the arguments, one per WIT parameter
   * @return the result, empty for a function without one
   */
  Optional<WitValue> call(List<WitValue> args);
}
