package dev.weft.flows.builtin;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in functions a node may {@code call} without declaring a component, each backed by
 * a function of the {@code weft:host} WIT. The engine dispatches on this enum, so a new constant
 * fails its build until it is implemented.
 */
public enum Builtin {
  KV_GET("kv", "get", "get"),
  KV_SET("kv", "set", "set"),
  KV_DELETE("kv", "delete", "delete"),
  KV_INCREMENT("kv", "increment", "increment"),
  KV_KEYS("kv", "keys", "keys"),
  /** {@code http.send(req: request)}, with the fields of {@code request} as its parameters. */
  HTTP_REQUEST("http", "request", "send"),
  /** {@code call: log}: the one built-in written without a dot. */
  LOG("log", "", "log"),
  CLOCK_NOW("clock", "now", "now"),
  CLOCK_MONOTONIC("clock", "monotonic", "monotonic"),
  RANDOM_BYTES("random", "bytes", "bytes"),
  RANDOM_NEXT_U64("random", "next-u64", "next-u64");

  /** The reserved names: built-in namespaces, which no component may be called. */
  public static final Set<String> NAMESPACES = Set.of("kv", "http", "clock", "random", "log");

  private final String namespace;
  private final String function;
  private final String witFunction;

  Builtin(String namespace, String function, String witFunction) {
    this.namespace = namespace;
    this.function = function;
    this.witFunction = witFunction;
  }

  /** Its namespace, also its {@code weft:host} interface: {@code kv}. */
  public String namespace() {
    return namespace;
  }

  /** Its name in the namespace ({@code get}); empty for {@code log}. */
  public String function() {
    return function;
  }

  /** The {@code weft:host} function behind it: {@code send} for {@code http.request}. */
  public String witFunction() {
    return witFunction;
  }

  /** What a node writes after {@code call:}: {@code kv.get}, {@code log}. */
  public String callName() {
    return function.isEmpty() ? namespace : namespace + "." + function;
  }

  /** The built-in {@code namespace.function} names, if any. */
  public static Optional<Builtin> find(String namespace, String function) {
    return Arrays.stream(values())
        .filter(b -> b.namespace.equals(namespace) && b.function.equals(function))
        .findFirst();
  }

  /** The built-ins of {@code namespace}, in declaration order. */
  public static List<Builtin> in(String namespace) {
    return Arrays.stream(values()).filter(b -> b.namespace.equals(namespace)).toList();
  }
}
