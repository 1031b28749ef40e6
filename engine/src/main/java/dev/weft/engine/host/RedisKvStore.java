package dev.weft.engine.host;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
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

/**
 * A {@link KvStore} on Redis, through the Vert.x Redis client (a pooled, non-blocking client that
 * reconnects on the next command after Redis comes back). Key {@code k} of bucket {@code b} is
 * the Redis key {@code weft:kv:b:k}; bucket names cannot hold {@code :}, so buckets never
 * overlap. Thread-safe. Failures (connection refused, a Redis error reply) complete the Future
 * with a {@link KvException}; a Redis that does not answer leaves it pending, and the caller's
 * deadline ({@link HostCalls}) ends the wait.
 */
public final class RedisKvStore implements KvStore {
  /** The prefix of every key Weft writes. */
  public static final String PREFIX = "weft:kv:";

  /** Keys SCAN examines per round trip (a hint to Redis, not a limit). */
  static final int SCAN_COUNT = 1000;

  private final Redis redis;

  private RedisKvStore(Redis redis) {
    this.redis = redis;
  }

  /**
   * A store on the Redis at {@code url} ({@code redis://host:port/db}, with an optional password
   * as {@code redis://:pw@host}). Starts connecting at once, in the background; creating it
   * never fails on a down Redis.
   *
   * @param poolSize the most connections, and so the most commands in flight at once
   */
  public static RedisKvStore connect(Vertx vertx, String url, int poolSize, int connectTimeoutMillis) {
    RedisOptions options =
        new RedisOptions()
            .setConnectionString(url)
            .setMaxPoolSize(poolSize)
            .setMaxPoolWaiting(poolSize * 64)
            .setMaxWaitingHandlers(poolSize * 64)
            .setNetClientOptions(new NetClientOptions().setConnectTimeout(connectTimeoutMillis).setTcpNoDelay(true));
    RedisKvStore store = new RedisKvStore(Redis.createClient(vertx, options));
    // Connect now, in the background: the first connection (and the client's class loading) can
    // take longer than a guest's KV deadline on a busy machine. A Redis that is down is not an
    // error here; calls report it when they are made.
    store.redis.send(Request.cmd(Command.PING));
    return store;
  }

  private static String key(String bucket, String key) {
    return PREFIX + bucket + ':' + key;
  }

  private Future<Response> send(Request request) {
    return redis.send(request).recover(e -> Future.failedFuture(failure(e)));
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
    return send(Request.cmd(Command.GET).arg(key(bucket, key)))
        .map(r -> r == null ? Optional.empty() : Optional.of(r.toBytes()));
  }

  @Override
  public Future<Void> set(String bucket, String key, byte[] value, OptionalLong ttlMillis) {
    Request set = Request.cmd(Command.SET).arg(key(bucket, key)).arg(value);
    if (ttlMillis.isPresent()) {
      set.arg("PX").arg(Math.max(1, ttlMillis.getAsLong()));
    }
    return send(set).mapEmpty();
  }

  @Override
  public Future<Boolean> delete(String bucket, String key) {
    return send(Request.cmd(Command.DEL).arg(key(bucket, key))).map(r -> r.toLong() > 0);
  }

  @Override
  public Future<Long> increment(String bucket, String key, long delta) {
    return send(Request.cmd(Command.INCRBY).arg(key(bucket, key)).arg(delta)).map(Response::toLong);
  }

  @Override
  public Future<List<String>> keys(String bucket, String prefix, int limit) {
    String pattern = glob(key(bucket, prefix)) + "*";
    return scan("0", pattern, PREFIX.length() + bucket.length() + 1, limit, new LinkedHashSet<>());
  }

  // One SCAN round trip per step; SCAN may return a key twice, so skip ones already found.
  private Future<List<String>> scan(String cursor, String pattern, int skip, int limit, Set<String> found) {
    Request scan = Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(SCAN_COUNT);
    return send(scan).compose(r -> {
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
    return redis.close();
  }
}
