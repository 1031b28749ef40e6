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
  private final Vertx vertx;
  private final KvFunctions kv;
  private final HttpExchange http;
  private final GuestLog log;
  private final SecureRandom random;
  private final long kvTimeoutMillis;
  private final List<String> requestFields;

  BuiltinHost(Vertx vertx, KvFunctions kv, HttpExchange http, GuestLog log, SecureRandom random, long kvTimeoutMillis) {
    this.vertx = vertx;
    this.kv = kv;
    this.http = http;
    this.log = log;
    this.random = random;
    this.kvTimeoutMillis = kvTimeoutMillis;
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
    try {
      return switch (b) {
        case KV_GET -> unwrap(b, kvDeadline(kv.get(args)));
        case KV_SET -> unwrap(b, kvDeadline(kv.set(args)));
        case KV_DELETE -> unwrap(b, kvDeadline(kv.delete(args)));
        case KV_INCREMENT -> unwrap(b, kvDeadline(kv.increment(args)));
        case KV_KEYS -> unwrap(b, kvDeadline(kv.keys(args)));
        case HTTP_REQUEST -> unwrap(b, request(args));
        case LOG -> {
          LogHost.log(log, source, args);
          yield Future.succeededFuture();
        }
        case CLOCK_NOW -> Future.succeededFuture(new U64(System.currentTimeMillis()));
        case CLOCK_MONOTONIC -> Future.succeededFuture(new U64(System.nanoTime()));
        case RANDOM_BYTES -> Future.succeededFuture(RandomHost.bytes(random, ((U32) args.get(0)).value()));
        case RANDOM_NEXT_U64 -> Future.succeededFuture(new U64(random.nextLong()));
      };
    } catch (EngineException e) {
      return Future.failedFuture(e);
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

  /** A KV operation bounded by the host's KV deadline: {@code error::timeout} after it. */
  private Future<WitValue> kvDeadline(Future<WitValue> op) {
    if (op.isComplete()) {
      return op;
    }
    Promise<WitValue> p = Promise.promise();
    long timer = vertx.setTimer(kvTimeoutMillis, id -> p.tryComplete(errValue("timeout")));
    op.onComplete(ar -> {
      vertx.cancelTimer(timer);
      p.tryComplete(ar.succeeded() ? ar.result() : KvFunctions.error(ar.cause()));
    });
    return p.future();
  }

  /** {@code result<T, error>} to the node's outcome: {@code T}, or a host error naming the case. */
  private static Future<WitValue> unwrap(Builtin b, Future<WitValue> result) {
    if (result.failed()) { // not expected: the KV and HTTP functions give errors as values
      return Future.failedFuture(new EngineException(ErrorKind.HOST,
          b.callName() + ": " + result.cause().getMessage(), result.cause()));
    }
    if (result.isComplete()) {
      return unwrap(b, result.result());
    }
    return result.compose(v -> unwrap(b, v));
  }

  private static Future<WitValue> unwrap(Builtin b, WitValue v) {
    ResultValue r = (ResultValue) v;
    if (r.isOk()) {
      return Future.succeededFuture(r.value().orElse(null));
    }
    return Future.failedFuture(new EngineException(ErrorKind.HOST,
        b.callName() + ": " + HostValues.describeError(r.value().orElse(null))));
  }
}
