package dev.weft.engine.host;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The store behind {@code weft:host/kv}: keys and byte values in named buckets, with TTLs,
 * integer increments and prefix scans. Implementations must be thread-safe; every method returns
 * at once and completes its Future later (never blocks the caller), failing with a {@link
 * KvException} when the store cannot answer.
 *
 * <p>Increments work on values holding a decimal 64-bit integer, as Redis {@code INCRBY} does, so
 * both implementations agree on what {@code get} returns after {@code increment}.
 */
public interface KvStore {
  /**
   * True when every Future this store returns is already complete (no I/O): the host then reads
   * it directly, without a hop to the event loop or a blocked-call slot.
   */
  default boolean isLocal() {
    return false;
  }

  /** The value of {@code key} in {@code bucket}, empty when unset or expired. */
  Future<Optional<byte[]>> get(String bucket, String key);

  /** Sets {@code key}; it expires after {@code ttlMillis} when given (which replaces any TTL). */
  Future<Void> set(String bucket, String key, byte[] value, OptionalLong ttlMillis);

  /** Removes {@code key}; true when it was set. */
  Future<Boolean> delete(String bucket, String key);

  /**
   * Adds {@code delta} to the integer at {@code key} (0 when unset), keeping its TTL.
   *
   * @return the new value; fails with {@link KvException.Kind#NOT_AN_INTEGER} when the value is
   *     not a decimal 64-bit integer or the sum overflows
   */
  Future<Long> increment(String bucket, String key, long delta);

  /** Up to {@code limit} keys of {@code bucket} starting with {@code prefix}, in no order. */
  Future<List<String>> keys(String bucket, String prefix, int limit);

  /** Releases connections; the store is not used afterwards. */
  Future<Void> close();
}
