package dev.weft.engine.host;

import static dev.weft.engine.host.HostValues.err;

import dev.weft.engine.wasm.HostImports;
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
import java.util.Set;

/**
 * {@code weft:host/http} for one component: requests to its granted hosts on the engine's Vert.x
 * {@link HttpClient}, the guest's thread waiting through {@link HostCalls} (so within its
 * deadline, and with at most {@code maxBlocked} threads waiting). Failures are typed {@code
 * error} values; a host with every blocked-call slot taken is {@code connection-failed}.
 */
final class HttpHost {
  /** Why a response was dropped: its body is over the limit. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("response body too large", null, false, false);
    }
  }

  private final Set<String> hosts;
  private final HttpClient client;
  private final HostCalls calls;
  private final HostOptions options;

  HttpHost(Set<String> hosts, HttpClient client, HostCalls calls, HostOptions options) {
    this.hosts = Set.copyOf(hosts);
    this.client = client;
    this.calls = calls;
    this.options = options;
  }

  void register(HostImports.Builder b) {
    b.withFunction(HostInterface.HTTP.key("send"), args -> send((RecordValue) args.get(0)));
  }

  private Optional<WitValue> send(RecordValue req) {
    Map<String, WitValue> f = new HashMap<>();
    req.fields().forEach(x -> f.put(x.name(), x.value()));
    String url = HostValues.str(f.get("url"));
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return err("invalid-url", e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return err("invalid-url", "`" + url + "` is not an absolute http or https URL");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (!allowed(hosts, uri.getHost(), port)) {
      return err("access-denied", uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
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
    try {
      // A little over the exchange's own deadline, so the client's timeout usually reports first.
      return Optional.of(ResultValue.ok(calls.await(() -> exchange(ro, body), timeout + 250)));
    } catch (HostCalls.Failure e) {
      if (e.outcome() == HostCalls.Outcome.TIMEOUT || isTimeout(e.getCause())) {
        return err("timeout");
      }
      if (e.getCause() instanceof TooLarge) {
        return err("body-too-large");
      }
      return err("connection-failed", e.getMessage());
    }
  }

  private static boolean isTimeout(Throwable t) {
    return t != null && t.getClass().getSimpleName().contains("Timeout");
  }

  // Runs on the event loop (see HostCalls).
  private Future<WitValue> exchange(RequestOptions ro, Optional<byte[]> body) {
    return client.request(ro).compose(req -> {
      Future<HttpClientResponse> sent = body.isPresent() ? req.send(Buffer.buffer(body.get())) : req.send();
      return sent.compose(resp -> read(req, resp));
    });
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

  /**
   * Whether a grant allows {@code host:port}: an entry {@code name} allows any port of that host,
   * {@code name:port} that port only, {@code *.domain} any subdomain of it (not the domain itself).
   */
  static boolean allowed(Set<String> grants, String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String g : grants) {
      String entry = g.toLowerCase(Locale.ROOT);
      int colon = entry.lastIndexOf(':');
      boolean hasPort = colon > entry.lastIndexOf(']');
      String name = hasPort ? entry.substring(0, colon) : entry;
      if (hasPort && !entry.substring(colon + 1).equals(Integer.toString(port))) {
        continue;
      }
      if (name.startsWith("*.") ? h.endsWith(name.substring(1)) : h.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
