package dev.weft.engine.wasm;

import dev.weft.wit.model.Function;
import dev.weft.wit.model.TypeTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a component imports and exports, read from its binary without compiling anything: for {@code
 * weft inspect}, and for deciding which host functions to grant before loading it.
 *
 * @param displayName the name it was read under
 * @param types the WIT types its functions use
 * @param exports exported functions by key ({@code greet}, {@code ns:pkg/iface@ver#fn})
 * @param imports imported functions by key, in the same form
 */
public record ComponentDescription(
    String displayName,
    TypeTable types,
    Map<String, Function> exports,
    Map<String, Function> imports) {
  public ComponentDescription {
    exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
  }
}
