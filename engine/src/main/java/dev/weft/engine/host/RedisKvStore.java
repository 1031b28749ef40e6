package dev.weft.engine.host;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
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
 * A {@link KvStore} on Redis, through the Vert.x Redis client. Key {@code k} of bucket {@code b}
 * is the Redis key {@code weft:kv:b:k}; bucket names cannot hold {@code :}, so buckets never
 * overlap. Thread-safe. Failures (connection refused, a Redis error reply) complete the Future
 * with a {@link KvException}; a Redis that does not answer leaves it pending, and the caller's
 * deadline ({@link HostCalls}, or the built-in node's) ends the wait.
 *
 * <p>Commands are pipelined on long-lived connections, one per event loop that sends them,
 * rather than sent through the client's pool one command per connection at a time: built-in
 * nodes of many runs have commands in flight together, and a pool lease per command, or a hop to
 * another event loop and back, cost more than the command (measured with kv-bench.sh). The
 * client writes each connection's commands from its own event loop, in order, so a caller on
 * another thread is safe too. A connection that closes or fails is dropped, and the next command
 * connects again, so calls work again as soon as Redis is back.
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

  private final Redis redis;
  // A connection (or one being made) per event loop that sends commands.
  private final Map<Object, Future<RedisConnection>> lanes = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private RedisKvStore(Redis redis) {
    this.redis = redis;
  }

  /**
   * A store on the Redis at {@code url} ({@code redis://host:port/db}, with an optional password
   * as {@code redis://:pw@host}). Starts connecting at once, in the background; creating it
   * never fails on a down Redis.
   *
   * @param maxConnections the most connections (one per event loop that sends commands is used),
   *     each carrying up to {@value #MAX_PIPELINED} commands in flight
   */
  public static RedisKvStore connect(Vertx vertx, String url, int maxConnections, int connectTimeoutMillis) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive");
    }
    RedisOptions options =
        new RedisOptions()
            .setConnectionString(url)
            .setMaxPoolSize(maxConnections)
            .setMaxPoolWaiting(maxConnections * 64)
            .setMaxWaitingHandlers(MAX_PIPELINED)
            .setNetClientOptions(new NetClientOptions().setConnectTimeout(connectTimeoutMillis).setTcpNoDelay(true));
    RedisKvStore store = new RedisKvStore(Redis.createClient(vertx, options));
    // Connect now, in the background: the first connection (and the client's class loading) can
    // take longer than a guest's KV deadline on a busy machine. A Redis that is down is not an
    // error here; calls report it when they are made.
    store.redis.send(Request.cmd(Command.PING));
    return store;
  }

  /** The caller's lane: its event loop, or one lane for every other thread. */
  private static Object laneKey() {
    Context c = Vertx.currentContext();
    return c instanceof ContextInternal ci && c.isEventLoopContext() ? ci.nettyEventLoop() : ANY_THREAD;
  }

  /** The connection of lane {@code key}, connecting (on the caller's context) when it has none. */
  private Future<RedisConnection> lane(Object key) {
    while (true) {
      if (closed) {
        return Future.failedFuture(new KvException(KvException.Kind.UNAVAILABLE, "the store is closed"));
      }
      Future<RedisConnection> current = lanes.get(key);
      if (current != null && !current.failed()) {
        return current; // connected, or connecting
      }
      Promise<RedisConnection> p = Promise.promise();
      Future<RedisConnection> mine = p.future();
      boolean won = current == null ? lanes.putIfAbsent(key, mine) == null : lanes.replace(key, current, mine);
      if (!won) {
        continue;
      }
      redis.connect().onComplete(ar -> {
        if (ar.failed()) {
          lanes.remove(key, mine);
          p.fail(ar.cause());
          return;
        }
        RedisConnection c = ar.result();
        c.exceptionHandler(e -> drop(key, mine, c));
        c.endHandler(v -> drop(key, mine, c));
        p.complete(c);
      });
      return mine;
    }
  }

  private void drop(Object key, Future<RedisConnection> f, RedisConnection c) {
    if (lanes.remove(key, f)) {
      c.close();
    }
  }

  private static String key(String bucket, String key) {
    return PREFIX + bucket + ':' + key;
  }

  /**
   * Sends {@code request} on the caller's lane and maps the reply with {@code ok}; failures
   * become {@link KvException}s, and a connection found closed is dropped. One Future per
   * command on a lane that is connected (the usual case): this runs for every KV call.
   */
  private <T> Future<T> send(Request request, Function<Response, T> ok) {
    Object key = laneKey();
    Future<RedisConnection> lane = lane(key);
    if (lane.succeeded()) {
      return send(key, lane, lane.result(), request, ok);
    }
    return lane.transform(ar -> ar.succeeded()
        ? send(key, lane, ar.result(), request, ok)
        : Future.failedFuture(failure(ar.cause())));
  }

  private <T> Future<T> send(
      Object key, Future<RedisConnection> lane, RedisConnection c, Request request, Function<Response, T> ok) {
    Future<Response> reply;
    try {
      reply = c.send(request);
    } catch (IllegalStateException closed) { // a connection closed under us
      drop(key, lane, c);
      return Future.failedFuture(failure(closed));
    }
    return reply.transform(ar -> {
      if (ar.succeeded()) {
        return Future.succeededFuture(ok.apply(ar.result()));
      }
      if (isClosed(ar.cause())) {
        drop(key, lane, c);
      }
      return Future.failedFuture(failure(ar.cause()));
    });
  }

  private static boolean isClosed(Throwable e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("CONNECTION_CLOSED") || m.contains("closed");
  }

  private static KvException failure(Throwable e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("not an integer") || message.contains("overflow")) {
      return new KvException(KvException.Kind.NOT_AN_INTEGER, message, e);
    }
    return new KvException(KvException.Kind.UNAVAILABLE, "redis: " + message, e);
  }

  @Override
  public Future<Optional<byte[]>> get(String bucket, String key) {
    return send(Request.cmd(Command.GET).arg(key(bucket, key)),
        r -> r == null ? Optional.empty() : Optional.of(r.toBytes()));
  }

  @Override
  public Future<Void> set(String bucket, String key, byte[] value, OptionalLong ttlMillis) {
    Request set = Request.cmd(Command.SET).arg(key(bucket, key)).arg(value);
    if (ttlMillis.isPresent()) {
      set.arg("PX").arg(Math.max(1, ttlMillis.getAsLong()));
    }
    return send(set, r -> null);
  }

  @Override
  public Future<Boolean> delete(String bucket, String key) {
    return send(Request.cmd(Command.DEL).arg(key(bucket, key)), r -> r.toLong() > 0);
  }

  @Override
  public Future<Long> increment(String bucket, String key, long delta) {
    return send(Request.cmd(Command.INCRBY).arg(key(bucket, key)).arg(delta), Response::toLong);
  }

  @Override
  public Future<List<String>> keys(String bucket, String prefix, int limit) {
    String pattern = glob(key(bucket, prefix)) + "*";
    return scan("0", pattern, PREFIX.length() + bucket.length() + 1, limit, new LinkedHashSet<>());
  }

  // One SCAN round trip per step; SCAN may return a key twice, so skip ones already found.
  private Future<List<String>> scan(String cursor, String pattern, int skip, int limit, Set<String> found) {
    Request scan = Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(SCAN_COUNT);
    return send(scan, r -> r).compose(r -> {
      for (Response k : r.get(1)) {
        String name = k.toString(StandardCharsets.UTF_8).substring(skip);
        if (found.size() < limit) {
          found.add(name);
        }
      }
      String next = r.get(0).toString();
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
    return redis.close();
  }
}
