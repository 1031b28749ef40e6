package dev.weft.server;

import dev.weft.engine.host.HostOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * {@code weft serve --config FILE}: the server's options in YAML (or JSON, which YAML reads),
 * with the same names as the command-line options:
 *
 * <pre>
 * flows: [examples/flows]        # or one path
 * host: 127.0.0.1
 * port: 8080
 * max-body: 1MiB                 # bytes, or a size with B, KiB, MiB
 * drain: 10s                     # milliseconds, or a duration with ms, s
 * watch: false
 * queue-limit: 1000
 * cluster: { host: 127.0.0.1, port: 5701, members: [127.0.0.1:5701, 127.0.0.1:5702] }
 * redis: redis://127.0.0.1:6379   # KV on Redis (default: WEFT_REDIS_URL, else in memory)
 * http-metrics: false            # Vert.x's HTTP server meters (vertx_http_server_*)
 * </pre>
 *
 * Relative flow paths are relative to the config file. Unknown keys are errors.
 */
public final class ServerConfig {
  private static final Set<String> KEYS =
      Set.of("flows", "host", "port", "max-body", "drain", "watch", "queue-limit", "cluster", "redis", "http-metrics");
  private static final Set<String> CLUSTER_KEYS = Set.of("host", "port", "members");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s)?");

  private ServerConfig() {}

  /**
   * Reads {@code file} over {@code base}: keys present in the file replace the base's values.
   *
   * @throws ServeException naming the file and the problem
   */
  public static ServerOptions read(Path file, ServerOptions base) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    } catch (IOException e) {
      throw new ServeException("cannot read config `" + file + "`: " + e.getMessage());
    } catch (YamlEngineException e) {
      throw new ServeException("config `" + file + "` is not valid YAML or JSON: " + e.getMessage());
    }
    if (root == null) {
      return base;
    }
    Map<?, ?> map = map(root, file, "the config");
    ServerOptions o = base;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object v = e.getValue();
      if (!KEYS.contains(key)) {
        throw new ServeException("config `" + file + "`: unknown key `" + key + "`; keys: " + String.join(", ", KEYS.stream().sorted().toList()));
      }
      o = switch (key) {
        case "flows" -> o.withPaths(paths(v, file));
        case "host" -> o.withHost(String.valueOf(v));
        case "port" -> o.withPort((int) number(v, file, key));
        case "max-body" -> o.withMaxBodyBytes(size(v, file));
        case "drain" -> o.withDrainMillis(duration(v, file));
        case "watch" -> o.withWatch(Boolean.parseBoolean(String.valueOf(v)));
        case "queue-limit" -> o.withQueueLimit((int) number(v, file, key));
        case "redis" -> o.withRedisUrl(Optional.of(redisUrl(v, file)));
        case "http-metrics" -> o.withHttpMetrics(Boolean.parseBoolean(String.valueOf(v)));
        default -> o.withCluster(Optional.of(cluster(v, file)));
      };
    }
    return o;
  }

  private static List<Path> paths(Object v, Path file) {
    List<Path> paths = new ArrayList<>();
    Path dir = file.toAbsolutePath().getParent();
    for (Object p : v instanceof List<?> l ? l : List.of(v)) {
      paths.add(dir.resolve(String.valueOf(p)).normalize());
    }
    return paths;
  }

  private static ClusterOptions cluster(Object v, Path file) {
    Map<?, ?> m = map(v, file, "`cluster`");
    for (Object k : m.keySet()) {
      if (!CLUSTER_KEYS.contains(String.valueOf(k))) {
        throw new ServeException("config `" + file + "`: unknown key `" + k + "` in `cluster`; keys: host, port, members");
      }
    }
    String host = String.valueOf(m.containsKey("host") ? m.get("host") : ServerOptions.DEFAULT_HOST);
    int port = m.containsKey("port") ? (int) number(m.get("port"), file, "cluster.port") : ClusterOptions.DEFAULT_PORT;
    Object members = m.get("members");
    List<String> list = members == null ? List.of()
        : members instanceof List<?> l ? l.stream().map(String::valueOf).toList()
        : members(String.valueOf(members));
    return new ClusterOptions(host, port, list);
  }

  /**
   * A Redis URL: {@code redis://host:port/db}, {@code redis://:password@host}, or {@code
   * rediss://} for TLS.
   *
   * @throws ServeException naming the file (when given) and what to write
   */
  public static String redisUrl(Object v, Path file) {
    String url = String.valueOf(v).strip();
    String where = file == null ? "" : "config `" + file + "`: ";
    if (!url.matches("rediss?://[^\\s]+")) {
      throw new ServeException(where + "`" + v
          + "` is not a Redis URL; write e.g. redis://127.0.0.1:6379 or redis://:password@host:6379/0");
    }
    try {
      HostOptions.checkRedisUrl(url);
    } catch (IllegalArgumentException e) {
      throw new ServeException(where + e.getMessage());
    }
    return url;
  }

  /** {@code host:port,host:port} as a list. */
  public static List<String> members(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Map<?, ?> map(Object v, Path file, String what) {
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw new ServeException("config `" + file + "`: " + what + " must be a mapping");
  }

  private static long number(Object v, Path file, String key) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new ServeException("config `" + file + "`: `" + key + "` must be a number, found `" + v + "`");
  }

  /** A size: bytes, or a number with B, KiB, MiB or GiB. */
  public static long size(Object v, Path file) {
    Matcher m = SIZE.matcher(String.valueOf(v).strip());
    if (!m.matches()) {
      throw new ServeException((file == null ? "" : "config `" + file + "`: ") + "`" + v + "` is not a size; write e.g. 1MiB or 65536");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "kib" -> n << 10;
      case "mib" -> n << 20;
      case "gib" -> n << 30;
      default -> n;
    };
  }

  private static long duration(Object v, Path file) {
    Matcher m = DURATION.matcher(String.valueOf(v).strip());
    if (!m.matches()) {
      throw new ServeException("config `" + file + "`: `" + v + "` is not a duration; write e.g. 10s or 500ms");
    }
    long n = Long.parseLong(m.group(1));
    return "s".equals(m.group(2)) ? n * 1000 : n;
  }
}
