package dev.weft.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code weft serve} runs.
 *
 * @param paths flow files and folders of flows
 * @param host the HTTP host to bind
 * @param port the HTTP port (0: any free port)
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param drainMillis how long shutdown waits for runs in flight
 * @param watch whether to reload changed flow and component files
 * @param queueLimit calls that may wait for a busy component before new ones get 503
 * @param cluster set to join a cluster
 * @param redisUrl the Redis that KV (built-in nodes and components' {@code weft:host/kv}) runs on;
 *     empty: {@code WEFT_REDIS_URL} when set, else the in-memory store
 * @param httpMetrics whether Vert.x's HTTP server meters ({@code vertx_http_server_*}) are kept:
 *     off by default, they cost every request several registry look-ups
 */
public record ServerOptions(
    List<Path> paths,
    String host,
    int port,
    long maxBodyBytes,
    long drainMillis,
    boolean watch,
    int queueLimit,
    Optional<ClusterOptions> cluster,
    Optional<String> redisUrl,
    boolean httpMetrics) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY = 1L << 20;
  public static final long DEFAULT_DRAIN_MILLIS = 10_000;
  public static final int DEFAULT_QUEUE_LIMIT = 1000;

  public ServerOptions {
    paths = List.copyOf(paths);
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(redisUrl, "redisUrl");
    if (port < 0 || port > 65535 || maxBodyBytes < 1 || drainMillis < 0 || queueLimit < 0) {
      throw new IllegalArgumentException("server options out of range");
    }
  }

  /**
   * The defaults for {@code paths}: 127.0.0.1:8080, 1 MiB bodies, 10 s drain, no watch, no
   * Vert.x HTTP server meters.
   */
  public static ServerOptions of(List<Path> paths) {
    return new ServerOptions(paths, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY,
        DEFAULT_DRAIN_MILLIS, false, DEFAULT_QUEUE_LIMIT, Optional.empty(), Optional.empty(), false);
  }

  public ServerOptions withPaths(List<Path> v) {
    return new ServerOptions(v, host, port, maxBodyBytes, drainMillis, watch, queueLimit, cluster, redisUrl, httpMetrics);
  }

  public ServerOptions withHost(String v) {
    return new ServerOptions(paths, v, port, maxBodyBytes, drainMillis, watch, queueLimit, cluster, redisUrl, httpMetrics);
  }

  public ServerOptions withPort(int v) {
    return new ServerOptions(paths, host, v, maxBodyBytes, drainMillis, watch, queueLimit, cluster, redisUrl, httpMetrics);
  }

  public ServerOptions withMaxBodyBytes(long v) {
    return new ServerOptions(paths, host, port, v, drainMillis, watch, queueLimit, cluster, redisUrl, httpMetrics);
  }

  public ServerOptions withDrainMillis(long v) {
    return new ServerOptions(paths, host, port, maxBodyBytes, v, watch, queueLimit, cluster, redisUrl, httpMetrics);
  }

  public ServerOptions withWatch(boolean v) {
    return new ServerOptions(paths, host, port, maxBodyBytes, drainMillis, v, queueLimit, cluster, redisUrl, httpMetrics);
  }

  public ServerOptions withQueueLimit(int v) {
    return new ServerOptions(paths, host, port, maxBodyBytes, drainMillis, watch, v, cluster, redisUrl, httpMetrics);
  }

  public ServerOptions withCluster(Optional<ClusterOptions> v) {
    return new ServerOptions(paths, host, port, maxBodyBytes, drainMillis, watch, queueLimit, v, redisUrl, httpMetrics);
  }

  public ServerOptions withRedisUrl(Optional<String> v) {
    return new ServerOptions(paths, host, port, maxBodyBytes, drainMillis, watch, queueLimit, cluster, v, httpMetrics);
  }

  public ServerOptions withHttpMetrics(boolean v) {
    return new ServerOptions(paths, host, port, maxBodyBytes, drainMillis, watch, queueLimit, cluster, redisUrl, v);
  }
}
