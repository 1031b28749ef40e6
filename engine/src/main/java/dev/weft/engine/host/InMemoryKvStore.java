package dev.weft.engine.host;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The embedded {@link KvStore}: a concurrent map in this JVM, lost when it stops. Thread-safe
 * (each key is updated atomically with {@link ConcurrentHashMap#compute}); every Future is
 * already complete when returned. Expired entries are dropped when read, and by a sweep every
 * {@value #SWEEP_EVERY} writes so keys never read again do not pile up.
 */
public final class InMemoryKvStore implements KvStore {
  static final int SWEEP_EVERY = 1024;

  /** A value and its deadline on {@link #clock} (Long.MAX_VALUE: none); arrays are never shared. */
  private static final class Entry {
    final byte[] value;
    final long expiresAt;

    Entry(byte[] value, long expiresAt) {
      this.value = value;
      this.expiresAt = expiresAt;
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicInteger writes = new AtomicInteger();
  private final LongSupplier clock;

  /** A store on {@link System#nanoTime()}. */
  public InMemoryKvStore() {
    this(System::nanoTime);
  }

  /** A store whose TTLs run on {@code nanoClock}, for tests. */
  InMemoryKvStore(LongSupplier nanoClock) {
    this.clock = nanoClock;
  }

  // A NUL cannot occur in a bucket name (see GrantsParser), so bucket+key pairs never collide.
  private static String id(String bucket, String key) {
    return bucket + '\0' + key;
  }

  private boolean live(Entry e) {
    return e != null && e.expiresAt - clock.getAsLong() > 0;
  }

  @Override
  public boolean isLocal() {
    return true;
  }

  @Override
  public Future<Optional<byte[]>> get(String bucket, String key) {
    Entry e = entries.get(id(bucket, key));
    if (!live(e)) {
      if (e != null) {
        entries.remove(id(bucket, key), e);
      }
      return Future.succeededFuture(Optional.empty());
    }
    return Future.succeededFuture(Optional.of(e.value.clone()));
  }

  @Override
  public Future<Void> set(String bucket, String key, byte[] value, OptionalLong ttlMillis) {
    long expires = ttlMillis.isPresent() ? clock.getAsLong() + ttlMillis.getAsLong() * 1_000_000L : Long.MAX_VALUE;
    entries.put(id(bucket, key), new Entry(value.clone(), expires));
    wrote();
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> delete(String bucket, String key) {
    Entry e = entries.remove(id(bucket, key));
    return Future.succeededFuture(live(e));
  }

  @Override
  public Future<Long> increment(String bucket, String key, long delta) {
    long[] out = new long[1];
    try {
      entries.compute(id(bucket, key), (k, e) -> {
        boolean live = live(e);
        long current = live ? parse(e.value) : 0;
        try {
          out[0] = Math.addExact(current, delta);
        } catch (ArithmeticException overflow) {
          throw new KvException(KvException.Kind.NOT_AN_INTEGER, "increment would overflow");
        }
        return new Entry(Long.toString(out[0]).getBytes(StandardCharsets.US_ASCII), live ? e.expiresAt : Long.MAX_VALUE);
      });
    } catch (KvException e) {
      return Future.failedFuture(e);
    }
    wrote();
    return Future.succeededFuture(out[0]);
  }

  private static long parse(byte[] value) {
    try {
      return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    } catch (NumberFormatException e) {
      throw new KvException(KvException.Kind.NOT_AN_INTEGER, "value is not an integer");
    }
  }

  @Override
  public Future<List<String>> keys(String bucket, String prefix, int limit) {
    String start = id(bucket, prefix);
    int skip = bucket.length() + 1;
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (out.size() >= limit) {
        break;
      }
      if (e.getKey().startsWith(start) && live(e.getValue())) {
        out.add(e.getKey().substring(skip));
      }
    }
    return Future.succeededFuture(out);
  }

  private void wrote() {
    if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
      entries.entrySet().removeIf(e -> !live(e.getValue()));
    }
  }

  @Override
  public Future<Void> close() {
    entries.clear();
    return Future.succeededFuture();
  }
}
