package dev.weft.engine.wasm;

import dev.weft.wit.model.Function;
import java.util.Objects;

/**
 * A function a component exports: its key ({@code greet}, or {@code ns:pkg/iface@ver#fn} in an
 * exported interface) and WIT type, whose types point into {@link LoadedComponent#types()}.
 */
public record ExportedFunction(String key, Function function) {
  public ExportedFunction {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(function, "function");
  }
}
