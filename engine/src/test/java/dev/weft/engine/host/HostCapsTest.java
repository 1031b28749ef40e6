package dev.weft.engine.host;

import static dev.weft.engine.host.HostCaps.call;
import static dev.weft.engine.host.HostCaps.err;
import static dev.weft.engine.host.HostCaps.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.EngineException;
import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.flows.host.Grants;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.U32;
import dev.weft.wit.value.WitValue.U64;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code weft:host} interface called from the hostcaps guest: log, clock, random, config
 * and http (against a Vert.x server on loopback), with their typed errors.
 */
class HostCapsTest {
  record Logged(String component, GuestLog.Level level, String message, List<Map.Entry<String, String>> fields) {}

  static Vertx vertx;
  static HttpServer server;
  static HostEnvironment env;
  static ComponentInstance guest;
  static final List<Logged> LOG = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .requestHandler(req -> {
          if (req.path().equals("/slow")) {
            vertx.setTimer(5000, t -> req.response().end("late"));
            return;
          }
          if (req.path().equals("/big")) {
            req.response().end("x".repeat(2048));
            return;
          }
          req.body().onSuccess(body -> req.response()
              .setStatusCode(req.path().equals("/missing") ? 404 : 200)
              .end(req.method() + " " + req.getHeader("x-weft") + (body.length() > 0 ? " " + body : "")));
        })
        .listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    HostOptions options = new HostOptions(Optional.empty(), 1000, java.util.OptionalInt.of(2), 1500, 1024);
    env = HostEnvironment.builder(vertx, options)
        .withLog((component, level, message, fields) -> LOG.add(new Logged(component, level, message, fields)))
        .build();
    guest = HostCaps.instance(env, HostCaps.ALL);
    // Warm the HTTP client (class loading, first connection) before any deadline counts.
    call(guest, "fetch", new Str(url("/warm")), OptionValue.NONE);
  }

  @AfterAll
  static void stop() throws Exception {
    guest.close();
    env.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  private static String fetch(String url, Optional<String> body) {
    return ((Str) ok(call(guest, "fetch", new Str(url),
        body.<dev.weft.wit.value.WitValue>map(b -> OptionValue.some(new Str(b))).orElse(OptionValue.NONE)))).value();
  }

  private static String fetchError(String url) {
    return err(call(guest, "fetch", new Str(url), OptionValue.NONE));
  }

  @Test
  void logMessagesCarryTheComponentLevelAndFields() {
    LOG.clear();
    call(guest, "log-message", new Str("signed up"), new Str("user"), new Str("ada"));
    assertEquals(List.of(new Logged("hostcaps", GuestLog.Level.INFO, "signed up", List.of(Map.entry("user", "ada")))), LOG);
  }

  @Test
  void clocksTellWallAndMonotonicTime() {
    long before = System.currentTimeMillis();
    long now = ((U64) call(guest, "now")).value();
    assertTrue(now >= before && now <= System.currentTimeMillis(), Long.toString(now));
    long m1 = ((U64) call(guest, "monotonic")).value();
    long m2 = ((U64) call(guest, "monotonic")).value();
    assertTrue(m2 >= m1);
  }

  @Test
  void randomBytesAndNumbersDiffer() {
    Bytes a = (Bytes) call(guest, "random-bytes", new U32(32));
    Bytes b = (Bytes) call(guest, "random-bytes", new U32(32));
    assertEquals(32, a.size());
    assertNotEquals(a, b);
    assertEquals(0, ((Bytes) call(guest, "random-bytes", new U32(0))).size());
    assertNotEquals(call(guest, "random-u64"), call(guest, "random-u64"));
  }

  @Test
  void moreRandomBytesThanTheLimitIsAHostError() {
    ComponentInstance other = HostCaps.instance(env, HostCaps.ALL);
    EngineException e = assertThrows(EngineException.class, () -> call(other, "random-bytes", new U32(65537)));
    assertTrue(e.getMessage().contains("at most 65536"), e.getMessage());
    other.close();
  }

  @Test
  void configValuesAreTheFlowsOnly() {
    assertEquals(OptionValue.some(new Str("hi")), call(guest, "config-get", new Str("greeting")));
    assertEquals(OptionValue.NONE, call(guest, "config-get", new Str("PATH")));
  }

  @Test
  void httpRequestsReachGrantedHosts() {
    assertEquals("200 GET hostcaps", fetch(url("/hello"), Optional.empty()));
    assertEquals("200 POST hostcaps {\"a\":1}", fetch(url("/echo"), Optional.of("{\"a\":1}")));
    assertEquals("404 GET hostcaps", fetch(url("/missing"), Optional.empty()));
  }

  @Test
  void httpErrorsAreTyped() throws Exception {
    assertEquals("access-denied: localhost:" + server.actualPort(),
        fetchError("http://localhost:" + server.actualPort() + "/"));
    assertEquals("access-denied: example.com", fetchError("https://example.com/"));
    assertTrue(fetchError("ftp://127.0.0.1/x").startsWith("invalid-url: "));
    assertTrue(fetchError("not a url").startsWith("invalid-url: "));
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertTrue(fetchError("http://127.0.0.1:" + closed + "/").startsWith("connection-failed: "));
    long t0 = System.nanoTime();
    assertEquals("timeout", fetchError(url("/slow")));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertTrue(ms >= 1400 && ms < 3500, "took " + ms + " ms");
    assertEquals("body-too-large", fetchError(url("/big")));
  }

  @Test
  void hostPatternsMatchNamesPortsAndSubdomains() {
    assertTrue(HttpHost.allowed(Set.of("api.example.com"), "API.example.com", 443));
    assertTrue(HttpHost.allowed(Set.of("localhost:8080"), "localhost", 8080));
    assertFalse(HttpHost.allowed(Set.of("localhost:8080"), "localhost", 8081));
    assertTrue(HttpHost.allowed(Set.of("*.example.org"), "a.b.example.org", 80));
    assertFalse(HttpHost.allowed(Set.of("*.example.org"), "example.org", 80));
    assertFalse(HttpHost.allowed(Set.of("*.example.org"), "badexample.org", 80));
    assertTrue(HttpHost.allowed(Set.of("[::1]:80"), "[::1]", 80));
  }

  @Test
  void argumentsOfAnotherWitAreAHostErrorNotACrash() {
    var get = env.importsFor("c", HostCaps.ALL).function("weft:host/kv@0.1.0#get").orElseThrow();
    EngineException e = assertThrows(EngineException.class, () -> get.call(List.of(new U32(1), new U32(2))));
    assertEquals(dev.weft.engine.ErrorKind.HOST, e.kind());
    assertTrue(e.getMessage().startsWith("import `weft:host/kv@0.1.0#get` does not have the type of weft:host@0.1.0"),
        e.getMessage());
  }

  @Test
  void onlyGrantedInterfacesAreProvided() {
    Grants some = new Grants(true, false, false, Optional.of(Set.of("visits")), Optional.empty(), Optional.empty());
    Set<String> keys = env.importsFor("c", some).keys();
    assertTrue(keys.contains("weft:host/log@0.1.0#log"));
    assertTrue(keys.contains("weft:host/kv@0.1.0#increment"));
    assertFalse(keys.stream().anyMatch(k -> k.contains("/http@") || k.contains("/clock@") || k.contains("/config@")));
    assertEquals(Set.of(), env.importsFor("c", Grants.NONE).keys());
  }
}
