package dev.weft.engine.host;

import static dev.weft.engine.host.HostValues.err;
import static dev.weft.engine.host.HostValues.ok;
import static dev.weft.engine.host.HostValues.str;

import dev.weft.engine.wasm.HostFunction;
import dev.weft.engine.wasm.HostImports;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code weft:host/kv} for one component: its granted buckets, on the engine's {@link KvStore}.
 * Every failure is a typed {@code error} value for the guest (never an exception): a bucket not
 * granted is {@code access-denied}, a store that fails (or a host with every blocked-call slot
 * taken) is {@code unavailable}, one that does not answer within the deadline is {@code timeout}.
 */
final class KvHost {
  /** The largest {@code limit} of {@code keys}. */
  static final long MAX_KEYS = 10_000;

  private final Set<String> buckets;
  private final KvStore store;
  private final HostCalls calls;
  private final long timeoutMillis;

  KvHost(Set<String> buckets, KvStore store, HostCalls calls, long timeoutMillis) {
    this.buckets = Set.copyOf(buckets);
    this.store = store;
    this.calls = calls;
    this.timeoutMillis = timeoutMillis;
  }

  void register(HostImports.Builder b) {
    HostInterface kv = HostInterface.KV;
    b.withFunction(kv.key("get"), bucketed(a -> run(() -> store.get(str(a.get(0)), str(a.get(1))),
        v -> v.<WitValue>map(bytes -> OptionValue.some(Bytes.wrap(bytes))).orElse(OptionValue.NONE)), 1));
    b.withFunction(kv.key("set"), bucketed(a -> {
      OptionalLong ttl = OptionalLong.empty();
      if (((OptionValue) a.get(3)).value().orElse(null) instanceof U64 t) {
        if (t.value() <= 0) {
          return err("invalid-argument", "ttl-ms must be between 1 and 2^63-1");
        }
        ttl = OptionalLong.of(t.value());
      }
      OptionalLong ttlMillis = ttl;
      byte[] value = HostValues.bytes(a.get(2));
      return run(() -> store.set(str(a.get(0)), str(a.get(1)), value, ttlMillis), v -> null);
    }, 1));
    b.withFunction(kv.key("delete"), bucketed(a -> run(() -> store.delete(str(a.get(0)), str(a.get(1))),
        Bool::of), 1));
    b.withFunction(kv.key("increment"), bucketed(a -> run(
        () -> store.increment(str(a.get(0)), str(a.get(1)), ((S64) a.get(2)).value()), S64::new), 1));
    b.withFunction(kv.key("keys"), bucketed(a -> {
      long limit = ((U32) a.get(2)).value();
      if (limit > MAX_KEYS) {
        return err("invalid-argument", "limit must be at most " + MAX_KEYS);
      }
      return run(() -> store.keys(str(a.get(0)), str(a.get(1)), (int) limit),
          keys -> new ListValue(keys.stream().<WitValue>map(Str::new).toList()));
    }, 0));
  }

  /** Checks the bucket (and, when {@code keyArg} is 1, that the key is not empty), then runs. */
  private HostFunction bucketed(HostFunction f, int keyArg) {
    return args -> {
      String bucket = str(args.get(0));
      if (!buckets.contains(bucket)) {
        return err("access-denied", bucket);
      }
      if (keyArg == 1 && str(args.get(1)).isEmpty()) {
        return err("invalid-argument", "the key is empty");
      }
      return f.call(args);
    };
  }

  /** Runs a store operation and turns its outcome into {@code result<T, error>}. */
  private <T> Optional<WitValue> run(Supplier<Future<T>> op, Function<T, WitValue> ok) {
    T value;
    try {
      value = store.isLocal() ? HostCalls.now(op.get()) : calls.await(op, timeoutMillis);
    } catch (HostCalls.Failure f) {
      if (f.outcome() == HostCalls.Outcome.TIMEOUT) {
        return err("timeout");
      }
      if (f.getCause() instanceof KvException k && k.kind() == KvException.Kind.NOT_AN_INTEGER) {
        return err("not-an-integer");
      }
      return err("unavailable", f.getMessage());
    }
    WitValue v = ok.apply(value);
    return v == null ? Optional.of(ResultValue.ok()) : ok(v);
  }
}
