package dev.weft.engine.host;

import static dev.weft.engine.host.HostValues.errValue;

import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.EnumValue;
import dev.weft.wit.value.WitValue.FieldValue;
import dev.weft.wit.value.WitValue.ListLike;
import dev.weft.wit.value.WitValue.ListValue;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.RecordValue;
import dev.weft.wit.value.WitValue.ResultValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.TupleValue;
import dev.weft.wit.value.WitValue.U16;
import dev.weft.wit.value.WitValue.U32;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;

/**
 * {@code weft:host/http.send} on the engine's Vert.x {@link HttpClient}, shared by guests' imports
 * ({@link HttpHost}, which adds the host grant and waits on the guest's thread) and built-in
 * {@code http.request} nodes ({@link BuiltinHost}). {@link #prepare} checks the request on the
 * caller's thread; {@link #exchange} runs it (call it on an event loop) and gives the WIT's
 * {@code result<response, error>}; its Future never fails, and completes with {@code
 * error::timeout} at the request's deadline at the latest. Thread-safe.
 */
final class HttpExchange {
  /** A request that may be sent: its options, body and deadline. */
  record Prepared(RequestOptions options, Optional<byte[]> body, long timeoutMillis) {}

  /** A request refused before sending; {@link #error()} is the WIT's {@code err} value. */
  static final class Refused extends Exception {
    private final transient WitValue error;

    Refused(WitValue error) {
      super(null, null, false, false);
      this.error = error;
    }

    WitValue error() {
      return error;
    }
  }

  /** Why a response was dropped: its body is over the limit. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("response body too large", null, false, false);
    }
  }

  private final Vertx vertx;
  private final HttpClient client;
  private final HostOptions options;

  HttpExchange(Vertx vertx, HttpClient client, HostOptions options) {
    this.vertx = vertx;
    this.client = client;
    this.options = options;
  }

  /**
   * Checks a WIT {@code request} record: an absolute http(s) URL (else {@code invalid-url}) to a
   * host and port that {@code allowed} accepts (else {@code access-denied}).
   */
  Prepared prepare(RecordValue req, BiPredicate<String, Integer> allowed) throws Refused {
    Map<String, WitValue> f = new HashMap<>();
    req.fields().forEach(x -> f.put(x.name(), x.value()));
    String url = HostValues.str(f.get("url"));
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Refused(errValue("invalid-url", e.getMessage()));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new Refused(errValue("invalid-url", "`" + url + "` is not an absolute http or https URL"));
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (!allowed.test(uri.getHost(), port)) {
      throw new Refused(errValue("access-denied", uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())));
    }
    long timeout = ((OptionValue) f.get("timeout-ms")).value()
        .map(t -> Math.min(((U32) t).value(), options.httpMaxTimeoutMillis()))
        .orElse(options.httpMaxTimeoutMillis());
    RequestOptions ro = new RequestOptions()
        .setMethod(HttpMethod.valueOf(((EnumValue) f.get("method")).caseName().toUpperCase(Locale.ROOT)))
        .setAbsoluteURI(url)
        .setConnectTimeout(timeout)
        .setIdleTimeout(timeout);
    for (WitValue h : ((ListLike) f.get("headers")).elements()) {
      List<WitValue> kv = ((TupleValue) h).elements();
      ro.addHeader(HostValues.str(kv.get(0)), HostValues.str(kv.get(1)));
    }
    Optional<byte[]> body = ((OptionValue) f.get("body")).value().map(HostValues::bytes);
    return new Prepared(ro, body, Math.max(1, timeout));
  }

  /** Sends a prepared request; on an event loop. */
  Future<WitValue> exchange(Prepared p) {
    Promise<WitValue> done = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer = vertx.setTimer(p.timeoutMillis(), id -> {
      if (done.tryComplete(errValue("timeout"))) {
        HttpClientRequest r = sent.get();
        if (r != null) {
          r.reset();
        }
      }
    });
    client.request(p.options())
        .compose(req -> {
          sent.set(req);
          Future<HttpClientResponse> resp = p.body().isPresent() ? req.send(Buffer.buffer(p.body().get())) : req.send();
          return resp.compose(r -> read(req, r));
        })
        .onComplete(ar -> {
          vertx.cancelTimer(timer);
          done.tryComplete(ar.succeeded() ? ResultValue.ok(ar.result()) : failure(ar.cause()));
        });
    return done.future();
  }

  private static WitValue failure(Throwable e) {
    if (e instanceof TooLarge) {
      return errValue("body-too-large");
    }
    if (e.getClass().getSimpleName().contains("Timeout")) {
      return errValue("timeout");
    }
    return errValue("connection-failed", String.valueOf(e.getMessage()));
  }

  private Future<WitValue> read(HttpClientRequest req, HttpClientResponse resp) {
    Promise<Buffer> done = Promise.promise();
    Buffer data = Buffer.buffer();
    int max = options.httpMaxBodyBytes();
    resp.handler(chunk -> {
      if (data.length() + chunk.length() > max) {
        done.tryFail(new TooLarge());
        req.reset();
      } else {
        data.appendBuffer(chunk);
      }
    });
    resp.exceptionHandler(done::tryFail);
    resp.endHandler(v -> done.tryComplete(data));
    return done.future().map(buf -> {
      List<WitValue> headers = new ArrayList<>();
      resp.headers().forEach(h -> headers.add(TupleValue.of(new Str(h.getKey()), new Str(h.getValue()))));
      return RecordValue.of(
          new FieldValue("status", new U16(resp.statusCode())),
          new FieldValue("headers", new ListValue(headers)),
          new FieldValue("body", Bytes.wrap(buf.getBytes())));
    });
  }
}
