package dev.weft.engine.host;

import static dev.weft.engine.host.HostValues.errValue;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.flows.builtin.Builtin;
import dev.weft.flows.builtin.BuiltinSignature;
import dev.weft.wit.model.Param;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.FieldValue;
import dev.weft.wit.value.WitValue.RecordValue;
import dev.weft.wit.value.WitValue.ResultValue;
import dev.weft.wit.value.WitValue.U32;
import dev.weft.wit.value.WitValue.U64;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in nodes ({@code call: kv.get}, {@code http.request}, {@code log}, {@code clock.now},
 * {@code random.bytes}...): the functions components import from {@code weft:host}, called by the
 * scheduler with a node's arguments and answering with a Future, so no thread waits on Redis or
 * HTTP. No grants apply: the flow's author wrote the node. The KV deadline ({@link
 * HostOptions#kvTimeoutMillis()}) and HTTP deadlines ({@code timeout-ms}, at most {@link
 * HostOptions#httpMaxTimeoutMillis()}) hold as for guests.
 *
 * <p>Threads: {@link #call} returns at once. When {@link #completesAtOnce} is false (KV on Redis,
 * HTTP), call it on an event loop: the I/O starts there and the Future completes on it. Thread-safe.
 */
public final class BuiltinHost {
  /** What a KV operation gives when the deadline passes first. */
  private static final WitValue TIMEOUT = errValue("timeout");

  private final KvFunctions kv;
  private final HttpExchange http;
  private final GuestLog log;
  private final SecureRandom random;
  private final FixedDeadline deadline;
  private final List<String> requestFields;

  BuiltinHost(Vertx vertx, KvFunctions kv, HttpExchange http, GuestLog log, SecureRandom random, long kvTimeoutMillis) {
    this.kv = kv;
    this.http = http;
    this.log = log;
    this.random = random;
    this.deadline = new FixedDeadline(vertx, kvTimeoutMillis);
    this.requestFields =
        BuiltinSignature.of(Builtin.HTTP_REQUEST).function().params().stream().map(Param::name).toList();
  }

  /**
   * Whether {@link #call} of {@code b} returns a complete Future, doing no I/O (clock, random,
   * log, KV on the in-memory store): such a call may run on any thread, worker or event loop.
   */
  public boolean completesAtOnce(Builtin b) {
    return switch (b) {
      case KV_GET, KV_SET, KV_DELETE, KV_INCREMENT, KV_KEYS -> kv.isLocal();
      case HTTP_REQUEST -> false;
      case LOG, CLOCK_NOW, CLOCK_MONOTONIC, RANDOM_BYTES, RANDOM_NEXT_U64 -> true;
    };
  }

  /**
   * Runs built-in {@code b}.
   *
   * @param args the node's arguments, in the order of its {@link BuiltinSignature}'s parameters
   * @param source who is calling, for {@code log}: {@code flow.node}
   * @return the node's value ({@code null} for a function without one, such as {@code kv.set});
   *     or a failed Future with an {@link EngineException} of kind {@link ErrorKind#HOST} whose
   *     message names the built-in, the WIT error case and its payload ({@code kv.get:
   *     unavailable: redis: Connection refused}, {@code http.request: timeout})
   */
  public Future<WitValue> call(Builtin b, List<WitValue> args, String source) {
    Promise<WitValue> p = Promise.promise();
    start(b, args, source, p);
    return p.future();
  }

  /**
   * Runs built-in {@code b} and completes {@code into} with what {@link #call} would give; the
   * caller's own Promise saves a Future per call. {@code into} may be completed meanwhile by
   * someone else (a run that failed): the outcome is then dropped.
   */
  public void start(Builtin b, List<WitValue> args, String source, Promise<WitValue> into) {
    try {
      switch (b) {
        case KV_GET -> kv(b, kv.get(args), into);
        case KV_SET -> kv(b, kv.set(args), into);
        case KV_DELETE -> kv(b, kv.delete(args), into);
        case KV_INCREMENT -> kv(b, kv.increment(args), into);
        case KV_KEYS -> kv(b, kv.keys(args), into);
        case HTTP_REQUEST -> request(args).onComplete(ar -> settle(b, ar.result(), ar.cause(), into));
        case LOG -> {
          LogHost.log(log, source, args);
          into.tryComplete();
        }
        case CLOCK_NOW -> into.tryComplete(new U64(System.currentTimeMillis()));
        case CLOCK_MONOTONIC -> into.tryComplete(new U64(System.nanoTime()));
        case RANDOM_BYTES -> into.tryComplete(RandomHost.bytes(random, ((U32) args.get(0)).value()));
        case RANDOM_NEXT_U64 -> into.tryComplete(new U64(random.nextLong()));
      }
    } catch (EngineException e) {
      into.tryFail(e);
    }
  }

  private Future<WitValue> request(List<WitValue> args) {
    List<FieldValue> fields = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      fields.add(new FieldValue(requestFields.get(i), args.get(i)));
    }
    try {
      return http.exchange(http.prepare(new RecordValue(fields), (host, port) -> true));
    } catch (HttpExchange.Refused r) {
      return Future.succeededFuture(r.error());
    }
  }

  /**
   * A KV operation, bounded by the host's KV deadline ({@code error::timeout} after it). The
   * KV functions' Futures give store failures as {@code err} values and do not fail; one that
   * did would be an {@code unavailable} error here.
   */
  private void kv(Builtin b, Future<WitValue> op, Promise<WitValue> into) {
    if (!op.isComplete()) {
      deadline.watch(into, () -> settle(b, TIMEOUT, null, into));
    }
    op.onComplete(ar -> settle(b, ar.succeeded() ? ar.result() : KvFunctions.error(ar.cause()), null, into));
  }

  /** {@code result<T, error>} (or a failure) to the node's outcome: {@code T}, or a host error naming the case. */
  private static void settle(Builtin b, WitValue v, Throwable failure, Promise<WitValue> into) {
    if (failure != null) { // not expected: the KV and HTTP functions give errors as values
      into.tryFail(new EngineException(ErrorKind.HOST, b.callName() + ": " + failure.getMessage(), failure));
      return;
    }
    ResultValue r = (ResultValue) v;
    if (r.isOk()) {
      into.tryComplete(r.value().orElse(null));
    } else {
      into.tryFail(new EngineException(ErrorKind.HOST,
          b.callName() + ": " + HostValues.describeError(r.value().orElse(null))));
    }
  }
}
