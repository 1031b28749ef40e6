package dev.weft.engine.host;

import dev.weft.engine.wasm.ComponentDescription;
import dev.weft.flows.host.Grants;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.TypeTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a component's imports against its grants before it is loaded: every import must be a
 * {@code weft:host} function the engine provides, with the type the host's WIT gives it, of an
 * interface the flow grants; a WASI preview 1 program must be granted {@code wasi}. Stateless.
 */
public final class GrantCheck {
  private GrantCheck() {}

  /**
   * One problem, for a diagnostic.
   *
   * @param code {@code FLOW0402} (not granted), {@code FLOW0403} (not provided by the host),
   *     {@code FLOW0404} (not of the host's type) or {@code FLOW0405} (WASI not granted)
   * @param message what is wrong, naming the imports
   * @param help what to write
   */
  public record Problem(String code, String message, String help) {}

  /** The prefix of the WASI interfaces' names ({@code wasi:cli/stdout@0.2.0}...). */
  static final String WASI_PACKAGES = "wasi:";

  /**
   * The problems of component {@code component}, as {@code description} describes it, with {@code
   * grants}: a WASI preview 1 program needs {@code wasi} ({@code FLOW0405}), and then its
   * adapter's {@code wasi:*} imports are not the host's to provide (the runtime's WASI preview 1
   * replaces the adapter); every other import is checked by {@link #check(String, Map, TypeTable,
   * Grants)}.
   */
  public static List<Problem> check(String component, ComponentDescription description, Grants grants) {
    List<Problem> out = new ArrayList<>();
    Map<String, Function> imports = description.imports();
    if (description.wasiPreview1()) {
      if (!grants.grants("wasi")) {
        out.add(new Problem("FLOW0405", "component `" + component
            + "` is a WASI preview 1 program (it uses `wasi_snapshot_preview1`) but is not granted `wasi`",
            "add `wasi: true` under the component's `grants:` (stdout and stderr go to the log), or `wasi: {args: [...],"
                + " env: [...], dirs: {/data: ../data}}` for what it needs; see docs/host.md"));
      }
      Map<String, Function> rest = new LinkedHashMap<>();
      imports.forEach((key, f) -> {
        if (!key.startsWith(WASI_PACKAGES)) {
          rest.put(key, f);
        }
      });
      imports = rest;
    }
    out.addAll(check(component, imports, description.types(), grants));
    return out;
  }

  /**
   * The problems of component {@code component} importing {@code imports} (functions by key,
   * their types in {@code types}) with {@code grants}: {@link #check(String, Collection, Grants)},
   * and {@code FLOW0404} for an import whose type is not the one {@code weft:host} defines.
   */
  public static List<Problem> check(
      String component, Map<String, Function> imports, TypeTable types, Grants grants) {
    List<Problem> out = new ArrayList<>(check(component, imports.keySet(), grants));
    HostWit host = HostWit.get();
    imports.forEach((key, f) -> host.function(key).ifPresent(h -> {
      if (!WitShapes.sameFunction(f, types, h, host.types())) {
        out.add(new Problem("FLOW0404", "component `" + component + "` imports `" + key
            + "` with another type than weft:host@" + HostInterface.VERSION + " gives it",
            "build the component against the weft:host WIT (see docs/host.md)"));
      }
    }));
    return out;
  }

  /** The problems of component {@code component} importing {@code imports} with {@code grants}. */
  public static List<Problem> check(String component, Collection<String> imports, Grants grants) {
    Map<HostInterface, List<String>> ungranted = new LinkedHashMap<>();
    List<Problem> out = new ArrayList<>();
    for (String key : imports) {
      Optional<HostInterface> iface = hostInterface(key);
      if (iface.isEmpty() && key.startsWith(WASI_PACKAGES)) {
        out.add(new Problem("FLOW0403", "component `" + component + "` imports `" + key
            + "`, a WASI preview 2 interface, which the host does not provide",
            "Weft runs WASI preview 1 programs: build the component with wit-component's preview 1 adapter"
                + " (`jco new --wasi-reactor`, `wasm-tools component new --adapt`) and grant `wasi`; see docs/host.md"));
      } else if (iface.isEmpty()) {
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
