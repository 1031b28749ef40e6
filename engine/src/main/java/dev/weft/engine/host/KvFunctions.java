package dev.weft.engine.host;

import static dev.weft.engine.host.HostValues.errValue;
import static dev.weft.engine.host.HostValues.str;

import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Bool;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.ListValue;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.ResultValue;
import dev.weft.wit.value.WitValue.S64;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.U32;
import dev.weft.wit.value.WitValue.U64;
import io.vertx.core.Future;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The functions of {@code weft:host/kv} on a {@link KvStore}, shared by guests' imports ({@link
 * KvHost}, which adds the bucket grant) and built-in nodes ({@link BuiltinHost}): each checks its
 * arguments as the WIT promises (no empty key, a TTL of at least 1 ms, at most {@value
 * #MAX_KEYS} keys), runs the store operation and gives its outcome as the WIT's {@code result<T,
 * error>} value. The Futures never fail: a store failure is an {@code err}. They may stay pending
 * on a backend that does not answer; callers bound the wait. Thread-safe.
 */
final class KvFunctions {
  /** The largest {@code limit} of {@code keys}. */
  static final long MAX_KEYS = 10_000;

  private final KvStore store;

  KvFunctions(KvStore store) {
    this.store = store;
  }

  /** Whether every Future is complete when returned (the in-memory store). */
  boolean isLocal() {
    return store.isLocal();
  }

  /** {@code get(bucket, key) -> result<option<list<u8>>, error>}. */
  Future<WitValue> get(List<WitValue> a) {
    return keyed(a, () -> run(store.get(str(a.get(0)), str(a.get(1))),
        v -> v.<WitValue>map(bytes -> OptionValue.some(Bytes.wrap(bytes))).orElse(OptionValue.NONE)));
  }

  /** {@code set(bucket, key, value, ttl-ms) -> result<_, error>}. */
  Future<WitValue> set(List<WitValue> a) {
    return keyed(a, () -> {
      OptionalLong ttl = OptionalLong.empty();
      if (((OptionValue) a.get(3)).value().orElse(null) instanceof U64 t) {
        if (t.value() <= 0) { // a u64 over 2^63-1 is negative here
          return Future.succeededFuture(errValue("invalid-argument", "ttl-ms must be between 1 and 2^63-1"));
        }
        ttl = OptionalLong.of(t.value());
      }
      return run(store.set(str(a.get(0)), str(a.get(1)), HostValues.bytes(a.get(2)), ttl), v -> null);
    });
  }

  /** {@code delete(bucket, key) -> result<bool, error>}. */
  Future<WitValue> delete(List<WitValue> a) {
    return keyed(a, () -> run(store.delete(str(a.get(0)), str(a.get(1))), Bool::of));
  }

  /** {@code increment(bucket, key, delta) -> result<s64, error>}. */
  Future<WitValue> increment(List<WitValue> a) {
    return keyed(a, () -> run(store.increment(str(a.get(0)), str(a.get(1)), ((S64) a.get(2)).value()), S64::new));
  }

  /** {@code keys(bucket, prefix, limit) -> result<list<string>, error>}. */
  Future<WitValue> keys(List<WitValue> a) {
    long limit = ((U32) a.get(2)).value();
    if (limit > MAX_KEYS) {
      return Future.succeededFuture(errValue("invalid-argument", "limit must be at most " + MAX_KEYS));
    }
    return run(store.keys(str(a.get(0)), str(a.get(1)), (int) limit),
        keys -> new ListValue(keys.stream().<WitValue>map(Str::new).toList()));
  }

  private static Future<WitValue> keyed(List<WitValue> a, Supplier<Future<WitValue>> op) {
    if (str(a.get(1)).isEmpty()) {
      return Future.succeededFuture(errValue("invalid-argument", "the key is empty"));
    }
    return op.get();
  }

  /** The store's outcome as {@code result<T, error>}; {@code ok} maps a value, null for {@code _}. */
  private static <T> Future<WitValue> run(Future<T> op, Function<T, WitValue> ok) {
    return op.transform(ar -> {
      if (ar.failed()) {
        return Future.succeededFuture(error(ar.cause()));
      }
      WitValue v = ok.apply(ar.result());
      return Future.succeededFuture(v == null ? ResultValue.ok() : ResultValue.ok(v));
    });
  }

  /** A store failure as the WIT's error: {@code not-an-integer} or {@code unavailable(message)}. */
  static WitValue error(Throwable e) {
    if (e instanceof KvException k && k.kind() == KvException.Kind.NOT_AN_INTEGER) {
      return errValue("not-an-integer");
    }
    return errValue("unavailable", String.valueOf(e.getMessage()));
  }
}
