package dev.weft.engine.host;

import static dev.weft.engine.host.HostValues.err;
import static dev.weft.engine.host.HostValues.str;

import dev.weft.engine.wasm.HostFunction;
import dev.weft.engine.wasm.HostImports;
import dev.weft.wit.value.WitValue;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code weft:host/kv} for one component: its granted buckets, on the engine's {@link KvStore}
 * through {@link KvFunctions}. Every failure is a typed {@code error} value for the guest (never
 * an exception): a bucket not granted is {@code access-denied}, a store that fails (or a host
 * with every blocked-call slot taken) is {@code unavailable}, one that does not answer within the
 * deadline is {@code timeout}.
 */
final class KvHost {
  private final Set<String> buckets;
  private final KvFunctions kv;
  private final HostCalls calls;
  private final long timeoutMillis;

  KvHost(Set<String> buckets, KvFunctions kv, HostCalls calls, long timeoutMillis) {
    this.buckets = Set.copyOf(buckets);
    this.kv = kv;
    this.calls = calls;
    this.timeoutMillis = timeoutMillis;
  }

  void register(HostImports.Builder b) {
    HostInterface iface = HostInterface.KV;
    b.withFunction(iface.key("get"), bucketed(kv::get));
    b.withFunction(iface.key("set"), bucketed(kv::set));
    b.withFunction(iface.key("delete"), bucketed(kv::delete));
    b.withFunction(iface.key("increment"), bucketed(kv::increment));
    b.withFunction(iface.key("keys"), bucketed(kv::keys));
  }

  /** Checks the bucket against the grant, then runs the operation and waits for its result. */
  private HostFunction bucketed(Function<List<WitValue>, Future<WitValue>> op) {
    return args -> {
      String bucket = str(args.get(0));
      if (!buckets.contains(bucket)) {
        return err("access-denied", bucket);
      }
      return run(() -> op.apply(args));
    };
  }

  /** Waits for a {@code result<T, error>}: at once on the in-memory store, else within the deadline. */
  private Optional<WitValue> run(java.util.function.Supplier<Future<WitValue>> op) {
    try {
      return Optional.of(kv.isLocal() ? HostCalls.now(op.get()) : calls.await(op, timeoutMillis));
    } catch (HostCalls.Failure f) {
      return f.outcome() == HostCalls.Outcome.TIMEOUT ? err("timeout") : err("unavailable", f.getMessage());
    }
  }
}
