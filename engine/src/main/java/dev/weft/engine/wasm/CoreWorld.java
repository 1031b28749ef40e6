package dev.weft.engine.wasm;

import dev.weft.wit.model.TypeTable;
import java.util.List;
import java.util.Objects;

/**
 * The WIT world of a plain core module: the functions it exports and imports, keyed as component
 * exports are ({@code fn} for a world-level function, {@code ns:pkg/iface@ver#fn} in an interface),
 * with types pointing into {@code types}.
 */
public record CoreWorld(
    TypeTable types, List<ExportedFunction> exports, List<ExportedFunction> imports) {
  public CoreWorld {
    Objects.requireNonNull(types, "types");
    exports = List.copyOf(exports);
    imports = List.copyOf(imports);
  }
}
