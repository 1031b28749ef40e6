package dev.weft.engine.host;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the engine provides {@code weft:host}.
 *
 * @param redisUrl the Redis that backs {@code weft:host/kv} ({@code redis://host:port}); the
 *     embedded in-memory store when empty
 * @param kvTimeoutMillis the longest a guest waits for one KV operation before it gets {@code
 *     error::timeout}
 * @param maxBlockedCalls the most guest threads that may wait on the network in host calls at
 *     once (KV on Redis, HTTP); a call beyond it waits at most {@link
 *     HostCalls#SLOT_WAIT_MILLIS} for a slot, then fails with a typed error (kv {@code
 *     unavailable}, http {@code connection-failed}). Empty: half the engine's worker threads, at
 *     least 1, so a slow backend never takes every worker
 * @param httpMaxTimeoutMillis the default and longest deadline of an outbound HTTP exchange
 * @param httpMaxBodyBytes the largest response body a guest receives
 */
public record HostOptions(
    Optional<String> redisUrl,
    long kvTimeoutMillis,
    OptionalInt maxBlockedCalls,
    long httpMaxTimeoutMillis,
    int httpMaxBodyBytes) {
  /** The environment variable that points KV at Redis. */
  public static final String REDIS_URL_ENV = "WEFT_REDIS_URL";

  public HostOptions {
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(maxBlockedCalls, "maxBlockedCalls");
    if (kvTimeoutMillis < 1 || httpMaxTimeoutMillis < 1 || httpMaxBodyBytes < 0
        || (maxBlockedCalls.isPresent() && maxBlockedCalls.getAsInt() < 1)) {
      throw new IllegalArgumentException("host options must be positive");
    }
  }

  /**
   * Checks a Redis URL the way KV will read it, so that a bad one is reported when it is given,
   * not when a KV call first needs it.
   *
   * @throws IllegalArgumentException saying what is wrong and what to write
   */
  public static void checkRedisUrl(String url) {
    RedisAddress.parse(url);
  }

  /**
   * {@value #REDIS_URL_ENV}'s problem, if it is set to something KV cannot use.
   *
   * @return the message, naming the variable, or empty when it is unset or good
   */
  public static Optional<String> environmentProblem() {
    String url = System.getenv(REDIS_URL_ENV);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      checkRedisUrl(url.strip());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(REDIS_URL_ENV + ": " + e.getMessage());
    }
  }

  /** In-memory KV, 1 s KV deadline, 30 s HTTP deadline, 16 MiB HTTP bodies. */
  public static HostOptions defaults() {
    return new HostOptions(Optional.empty(), 1000, OptionalInt.empty(), 30_000, 16 << 20);
  }

  /** {@link #defaults()}, on the Redis that {@value #REDIS_URL_ENV} names when it is set. */
  public static HostOptions fromEnvironment() {
    String url = System.getenv(REDIS_URL_ENV);
    return defaults().withRedisUrl(url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip()));
  }

  public HostOptions withRedisUrl(Optional<String> value) {
    return new HostOptions(value, kvTimeoutMillis, maxBlockedCalls, httpMaxTimeoutMillis, httpMaxBodyBytes);
  }

  public HostOptions withKvTimeoutMillis(long value) {
    return new HostOptions(redisUrl, value, maxBlockedCalls, httpMaxTimeoutMillis, httpMaxBodyBytes);
  }

  public HostOptions withMaxBlockedCalls(int value) {
    return new HostOptions(redisUrl, kvTimeoutMillis, OptionalInt.of(value), httpMaxTimeoutMillis, httpMaxBodyBytes);
  }

  public HostOptions withHttpMaxTimeoutMillis(long value) {
    return new HostOptions(redisUrl, kvTimeoutMillis, maxBlockedCalls, value, httpMaxBodyBytes);
  }
}
