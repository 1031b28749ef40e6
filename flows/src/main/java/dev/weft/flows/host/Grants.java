package dev.weft.flows.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a component may import from the host. An interface is granted when its field is {@code
 * true} or present; everything else is denied. Immutable.
 *
 * @param log whether {@code weft:host/log} is granted
 * @param clock whether {@code weft:host/clock} is granted
 * @param random whether {@code weft:host/random} is granted
 * @param kvBuckets the KV buckets the component may use, when {@code weft:host/kv} is granted
 * @param httpHosts the hosts ({@code name}, {@code name:port} or {@code *.domain}) the component
 *     may send requests to, when {@code weft:host/http} is granted
 * @param config the configuration values, when {@code weft:host/config} is granted
 * @param wasi what the component gets of WASI preview 1, when it is granted
 */
public record Grants(
    boolean log,
    boolean clock,
    boolean random,
    Optional<Set<String>> kvBuckets,
    Optional<Set<String>> httpHosts,
    Optional<Map<String, String>> config,
    Optional<WasiGrant> wasi) {
  /** Nothing granted: the default of a component without {@code grants:}. */
  public static final Grants NONE =
      new Grants(false, false, false, Optional.empty(), Optional.empty(), Optional.empty());

  /** The interfaces of {@code weft:host}, by the key that grants them. */
  public static final Set<String> INTERFACES = Set.of("log", "kv", "http", "clock", "random", "config");

  public Grants {
    kvBuckets = kvBuckets.map(Set::copyOf);
    httpHosts = httpHosts.map(Set::copyOf);
    // Keep the flow's order, for messages and `weft graph`.
    config = config.map(c -> Collections.unmodifiableMap(new LinkedHashMap<>(c)));
    Objects.requireNonNull(wasi, "wasi");
  }

  /** Grants of the {@code weft:host} interfaces only, no WASI. */
  public Grants(
      boolean log,
      boolean clock,
      boolean random,
      Optional<Set<String>> kvBuckets,
      Optional<Set<String>> httpHosts,
      Optional<Map<String, String>> config) {
    this(log, clock, random, kvBuckets, httpHosts, config, Optional.empty());
  }

  /** The same grants with WASI preview 1 granted as {@code value} (or not, when empty). */
  public Grants withWasi(Optional<WasiGrant> value) {
    return new Grants(log, clock, random, kvBuckets, httpHosts, config, value);
  }

  /**
   * Whether the interface {@code name} ({@code log}, {@code kv}, {@code http}, {@code clock},
   * {@code random}, {@code config}), or WASI preview 1 ({@code wasi}), is granted.
   *
   * @throws IllegalArgumentException for another name
   */
  public boolean grants(String name) {
    Objects.requireNonNull(name, "name");
    switch (name) {
      case "log":
        return log;
      case "clock":
        return clock;
      case "random":
        return random;
      case "kv":
        return kvBuckets.isPresent();
      case "http":
        return httpHosts.isPresent();
      case "config":
        return config.isPresent();
      case "wasi":
        return wasi.isPresent();
      default:
        throw new IllegalArgumentException("not a weft:host interface or `wasi`: " + name);
    }
  }
}
