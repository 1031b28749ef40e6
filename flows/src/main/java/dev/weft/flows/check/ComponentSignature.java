package dev.weft.flows.check;

import dev.weft.wit.model.Function;
import dev.weft.wit.model.TypeTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the type checker needs of a component: its exported functions by export key ({@code fn}
 * for a world's own function, {@code ns:pkg/iface@ver#fn} for an interface's) and the table
 * their types refer to.
 */
public record ComponentSignature(TypeTable types, Map<String, Function> exports) {
  public ComponentSignature {
    exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports)); // keep export order
  }

  /**
   * The export key that {@code name} means: an exact key, {@code iface#fn} with the interface's
   * short name, or a bare function name that only one export has.
   */
  public Optional<String> find(String name) {
    if (exports.containsKey(name)) {
      return Optional.of(name);
    }
    List<String> matches = new ArrayList<>();
    for (String key : exports.keySet()) {
      int hash = key.indexOf('#');
      String fn = hash < 0 ? key : key.substring(hash + 1);
      String iface = hash < 0 ? "" : shortInterface(key.substring(0, hash));
      if (name.equals(fn) || name.equals(iface + "#" + fn)) {
        matches.add(key);
      }
    }
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /** {@code ns:pkg/iface@1.0.0} gives {@code iface}. */
  static String shortInterface(String qualified) {
    int slash = qualified.lastIndexOf('/');
    int at = qualified.indexOf('@', Math.max(slash, 0));
    return qualified.substring(slash + 1, at < 0 ? qualified.length() : at);
  }
}
