package dev.weft.wit.binary;

import dev.weft.wit.model.Function;
import dev.weft.wit.model.TypeTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A WIT world decoded from a binary (a {@code component-type} custom section): its functions, keyed
 * as a component's are ({@code fn} for the world's own, {@code ns:pkg/iface@ver#fn} in an
 * interface).
 *
 * @param name the world's name, {@code ns:pkg/world@ver}
 */
public record DecodedWorld(
    String name, TypeTable types, Map<String, Function> exports, Map<String, Function> imports) {
  public DecodedWorld {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(types, "types");
    exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
  }
}
