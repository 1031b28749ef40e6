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
 * @param wasiPreview1 whether it is a WASI preview 1 program: it carries wit-component's {@code
 *     wasi_snapshot_preview1} adapter, whose {@code wasi:*} imports the host's WASI preview 1
 *     replaces
 */
public record ComponentDescription(
    String displayName,
    TypeTable types,
    Map<String, Function> exports,
    Map<String, Function> imports,
    boolean wasiPreview1) {
  public ComponentDescription {
    exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
  }

  /** A component that is not a WASI preview 1 program. */
  public ComponentDescription(
      String displayName,
      TypeTable types,
      Map<String, Function> exports,
      Map<String, Function> imports) {
    this(displayName, types, exports, imports, false);
  }
}
