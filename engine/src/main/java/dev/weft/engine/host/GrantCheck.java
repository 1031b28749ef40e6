package dev.weft.engine.host;

import dev.weft.flows.host.Grants;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a component's imports against its grants before it is loaded: every import must be a
 * {@code weft:host} function the engine provides, of an interface the flow grants. Stateless.
 */
public final class GrantCheck {
  private GrantCheck() {}

  /**
   * One problem, for a diagnostic.
   *
   * @param code {@code FLOW0402} (not granted) or {@code FLOW0403} (not provided by the host)
   * @param message what is wrong, naming the imports
   * @param help what to write
   */
  public record Problem(String code, String message, String help) {}

  /** The problems of component {@code component} importing {@code imports} with {@code grants}. */
  public static List<Problem> check(String component, Collection<String> imports, Grants grants) {
    Map<HostInterface, List<String>> ungranted = new LinkedHashMap<>();
    List<Problem> out = new ArrayList<>();
    for (String key : imports) {
      Optional<HostInterface> iface = hostInterface(key);
      if (iface.isEmpty()) {
        out.add(new Problem("FLOW0403", "component `" + component + "` imports `" + key
            + "`, which the host does not provide",
            "Weft provides the interfaces of `weft:host@" + HostInterface.VERSION
                + "` (log, kv, http, clock, random, config); see docs/host.md"));
      } else if (!grants.grants(iface.get().grantKey())) {
        ungranted.computeIfAbsent(iface.get(), i -> new ArrayList<>()).add(key);
      }
    }
    ungranted.forEach((iface, keys) -> out.add(new Problem("FLOW0402",
        "component `" + component + "` imports " + String.join(", ", keys.stream().map(k -> "`" + k + "`").toList())
            + " but is not granted `" + iface.grantKey() + "`",
        "add `" + iface.grantExample() + "` under the component's `grants:`")));
    return out;
  }

  /** The host interface of import key {@code key}, when the host provides that function. */
  static Optional<HostInterface> hostInterface(String key) {
    int hash = key.indexOf('#');
    if (hash < 0) {
      return Optional.empty();
    }
    String fn = key.substring(hash + 1);
    return HostInterface.byQualifiedName(key.substring(0, hash)).filter(i -> i.functions().contains(fn));
  }
}
