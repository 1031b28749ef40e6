package dev.weft.engine.host;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A {@link KvStore} on Redis. Key {@code k} of bucket {@code b} is the Redis key {@code
 * weft:kv:b:k}; bucket names cannot hold {@code :}, so buckets never overlap. Thread-safe.
 * Failures (connection refused, a Redis error reply) complete the Future with a {@link
 * KvException}; a Redis that does not answer leaves it pending, and the caller's deadline ({@link
 * HostCalls}, or the built-in node's) ends the wait.
 *
 * <p>Commands are pipelined on long-lived connections ({@link RespConnection}), one per event
 * loop that sends them: built-in nodes of many runs have commands in flight together, and a pool
 * lease per command, or a hop to another event loop and back, cost more than the command
 * (measured with kv-bench.sh). Each connection writes the commands of one event-loop turn in one
 * system call. Callers that are not on an event loop share one more connection, on an event loop
 * of its own. A connection that closes or fails is dropped, and the next command connects again,
 * so calls work again as soon as Redis is back.
 */
public final class RedisKvStore implements KvStore {
  /** The prefix of every key Weft writes. */
  public static final String PREFIX = "weft:kv:";

  /** Keys SCAN examines per round trip (a hint to Redis, not a limit). */
  static final int SCAN_COUNT = 1000;

  /** Commands that may wait for their reply on one connection. */
  static final int MAX_PIPELINED = 4096;

  /** The lane of callers that are not on an event loop. */
  private static final Object ANY_THREAD = new Object();

  private final VertxInternal vertx;
  private final NetClient client;
  private final Optional<RedisAddress> address;
  private final String badUrl; // why the URL does not parse, when it does not
  private final int maxConnections;
  private final ContextInternal anyThread;
  // A connection (or one being made) per event loop that sends commands.
  private final Map<Object, Future<RespConnection>> lanes = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private RedisKvStore(VertxInternal vertx, String url, int maxConnections, int connectTimeoutMillis) {
    this.vertx = vertx;
    this.maxConnections = maxConnections;
    Optional<RedisAddress> a = Optional.empty();
    String bad = null;
    try {
      a = Optional.of(RedisAddress.parse(url));
    } catch (IllegalArgumentException e) {
      bad = e.getMessage();
    }
    this.address = a;
    this.badUrl = bad;
    NetClientOptions net = new NetClientOptions().setConnectTimeout(connectTimeoutMillis).setTcpNoDelay(true);
    if (a.isPresent() && a.get().tls()) {
      net.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
    }
    this.client = vertx.createNetClient(net);
    this.anyThread = vertx.createEventLoopContext();
  }

  /**
   * A store on the Redis at {@code url} ({@code redis://host:port/db}, with an optional password
   * as {@code redis://:pw@host}, {@code rediss://} for TLS). Starts connecting at once, in the
   * background; creating it never fails on a down Redis (nor on a malformed URL: calls then fail
   * saying what is wrong with it).
   *
   * @param maxConnections the most connections (one per event loop that sends commands is used),
   *     each carrying up to {@value #MAX_PIPELINED} commands in flight
   */
  public static RedisKvStore connect(Vertx vertx, String url, int maxConnections, int connectTimeoutMillis) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive");
    }
    RedisKvStore store = new RedisKvStore((VertxInternal) vertx, url, maxConnections, connectTimeoutMillis);
    // Connect now, in the background: the first connection (and class loading) can take longer
    // than a guest's KV deadline on a busy machine. A Redis that is down is not an error here;
    // calls report it when they are made.
    store.anyThread.runOnContext(v -> store.lane(ANY_THREAD));
    return store;
  }

  /** The caller's lane: its event loop, or one lane for every other thread. */
  private static Object laneKey() {
    Context c = Vertx.currentContext();
    return c instanceof ContextInternal ci && c.isEventLoopContext() ? ci.nettyEventLoop() : ANY_THREAD;
  }

  /** The connection of lane {@code key}, connecting (on the lane's event loop) when it has none. */
  private Future<RespConnection> lane(Object key) {
    while (true) {
      if (closed) {
        return Future.failedFuture(new KvException(KvException.Kind.UNAVAILABLE, "the store is closed"));
      }
      if (address.isEmpty()) {
        return Future.failedFuture(new KvException(KvException.Kind.UNAVAILABLE, "redis: " + badUrl));
      }
      Future<RespConnection> current = lanes.get(key);
      if (current != null && !current.failed()) {
        return current; // connected, or connecting
      }
      if (current == null && key != ANY_THREAD && lanes.size() >= maxConnections) {
        key = ANY_THREAD; // as many connections as allowed: share the off-loop one
        continue;
      }
      Promise<RespConnection> p = Promise.promise();
      Future<RespConnection> mine = p.future();
      boolean won = current == null ? lanes.putIfAbsent(key, mine) == null : lanes.replace(key, current, mine);
      if (!won) {
        continue;
      }
      // The connection lives on a context of its own on the lane's loop, not on the caller's
      // (a verticle that may be undeployed, a request's duplicate).
      ContextInternal home = key == ANY_THREAD ? anyThread : vertx.contextBuilder()
          .withThreadingModel(ThreadingModel.EVENT_LOOP).withEventLoop((EventLoop) key).build();
      Object laneKey = key;
      home.emit(null, v -> RespConnection.connect(client, address.get(), home, MAX_PIPELINED, RedisKvStore::failure)
          .onComplete(ar -> {
            if (ar.failed()) {
              lanes.remove(laneKey, mine);
              p.fail(failure(ar.cause()));
              return;
            }
            RespConnection c = ar.result();
            c.onClose(() -> lanes.remove(laneKey, mine));
            if (closed) {
              c.close();
            }
            p.complete(c);
          }));
      return mine;
    }
  }

  private static String key(String bucket, String key) {
    return PREFIX + bucket + ':' + key;
  }

  /**
   * Sends a command on the caller's lane and maps the reply with {@code ok}; failures are {@link
   * KvException}s. One Future per command on a lane that is connected (the usual case): this
   * runs for every KV call.
   */
  private <T> Future<T> send(Function<Object, T> ok, Object... args) {
    Future<RespConnection> lane = lane(laneKey());
    if (lane.succeeded()) {
      return lane.result().send(ok, args);
    }
    return lane.transform(ar -> ar.succeeded()
        ? ar.result().send(ok, args)
        : Future.failedFuture(failure(ar.cause())));
  }

  private static KvException failure(Throwable e) {
    if (e instanceof KvException k) {
      return k;
    }
    String message = String.valueOf(e.getMessage());
    if (e instanceof RespReader.RespError && (message.contains("not an integer") || message.contains("overflow"))) {
      return new KvException(KvException.Kind.NOT_AN_INTEGER, message, e);
    }
    return new KvException(KvException.Kind.UNAVAILABLE, "redis: " + message, e);
  }

  @Override
  public Future<Optional<byte[]>> get(String bucket, String key) {
    return send(r -> Optional.ofNullable((byte[]) r), "GET", key(bucket, key));
  }

  @Override
  public Future<Void> set(String bucket, String key, byte[] value, OptionalLong ttlMillis) {
    if (ttlMillis.isPresent()) {
      return send(r -> null, "SET", key(bucket, key), value, "PX", Math.max(1, ttlMillis.getAsLong()));
    }
    return send(r -> null, "SET", key(bucket, key), value);
  }

  @Override
  public Future<Boolean> delete(String bucket, String key) {
    return send(r -> (Long) r > 0, "DEL", key(bucket, key));
  }

  @Override
  public Future<Long> increment(String bucket, String key, long delta) {
    return send(r -> (Long) r, "INCRBY", key(bucket, key), delta);
  }

  @Override
  public Future<List<String>> keys(String bucket, String prefix, int limit) {
    String pattern = glob(key(bucket, prefix)) + "*";
    return scan("0", pattern, PREFIX.length() + bucket.length() + 1, limit, new LinkedHashSet<>());
  }

  // One SCAN round trip per step; SCAN may return a key twice, so skip ones already found.
  private Future<List<String>> scan(String cursor, String pattern, int skip, int limit, Set<String> found) {
    return send(r -> (List<?>) r, "SCAN", cursor, "MATCH", pattern, "COUNT", (long) SCAN_COUNT).compose(r -> {
      for (Object k : (List<?>) r.get(1)) {
        String name = new String((byte[]) k, StandardCharsets.UTF_8).substring(skip);
        if (found.size() < limit) {
          found.add(name);
        }
      }
      String next = new String((byte[]) r.get(0), StandardCharsets.US_ASCII);
      return next.equals("0") || found.size() >= limit
          ? Future.succeededFuture(new ArrayList<>(found))
          : scan(next, pattern, skip, limit, found);
    });
  }

  /** {@code text} as a Redis glob matching only itself. */
  static String glob(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  @Override
  public Future<Void> close() {
    closed = true;
    lanes.values().forEach(f -> f.onSuccess(RespConnection::close));
    return client.close();
  }
}
