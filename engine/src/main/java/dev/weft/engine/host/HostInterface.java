package dev.weft.engine.host;

import dev.weft.flows.builtin.HostPackage;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The interfaces of {@code weft:host@0.1.0} (flows/src/main/resources/wit/weft-host/host.wit),
 * with the functions the engine implements and the {@code grants:} key that grants each.
 */
public enum HostInterface {
  LOG("log", "log: true", Set.of("log")),
  KV("kv", "kv: {buckets: [my-bucket]}", Set.of("get", "set", "delete", "increment", "keys")),
  HTTP("http", "http: {hosts: [api.example.com]}", Set.of("send")),
  CLOCK("clock", "clock: true", Set.of("now", "monotonic")),
  RANDOM("random", "random: true", Set.of("bytes", "next-u64")),
  CONFIG("config", "config: {key: value}", Set.of("get"));

  /** The package every host interface belongs to. */
  public static final String PACKAGE = HostPackage.NAME;

  /** Its version. */
  public static final String VERSION = HostPackage.VERSION;

  private final String grantKey;
  private final String grantExample;
  private final Set<String> functions;

  HostInterface(String grantKey, String grantExample, Set<String> functions) {
    this.grantKey = grantKey;
    this.grantExample = grantExample;
    this.functions = functions;
  }

  /** The key under {@code grants:} that grants it, also its WIT interface name. */
  public String grantKey() {
    return grantKey;
  }

  /** What to write under {@code grants:} to grant it, for messages. */
  public String grantExample() {
    return grantExample;
  }

  /** The names of its functions. */
  public Set<String> functions() {
    return functions;
  }

  /** Its fully qualified name: {@code weft:host/kv@0.1.0}. */
  public String qualifiedName() {
    return PACKAGE + "/" + grantKey + "@" + VERSION;
  }

  /** The import key of its function {@code name}: {@code weft:host/kv@0.1.0#get}. */
  public String key(String function) {
    return qualifiedName() + "#" + function;
  }

  /** The interface whose qualified name is {@code name}, if any. */
  public static Optional<HostInterface> byQualifiedName(String name) {
    return Arrays.stream(values()).filter(i -> i.qualifiedName().equals(name)).findFirst();
  }
}
