package dev.weft.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in nodes in flows run by the engine: every function (KV on the in-memory store, clock,
 * random, log, HTTP against a Vert.x server on loopback), their failures as host errors that
 * {@code retry} and {@code fallback} handle, deadlines, {@code when} and {@code for-each}, long
 * chains, and no worker thread held while an HTTP node waits.
 */
class BuiltinNodesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path COMPONENTS =
      Path.of("").toAbsolutePath().getParent().resolve("examples/components");
  private static Engine engine;
  private static Vertx serverVertx;
  private static HttpServer server;
  private static final AtomicInteger FLAKY = new AtomicInteger();

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    engine = Engine.create(EngineOptions.defaults().withWorkerThreads(1).withDefaultPoolMax(1)
        .withHost(dev.weft.engine.host.HostOptions.defaults()));
    serverVertx = Vertx.vertx();
    server = serverVertx.createHttpServer()
        .requestHandler(req -> {
          switch (req.path()) {
            case "/slow" -> serverVertx.setTimer(1500, t -> req.response().end("late"));
            case "/flaky" -> {
              if (FLAKY.incrementAndGet() == 1) {
                serverVertx.setTimer(2000, t -> req.response().end("late"));
              } else {
                req.response().end("second try");
              }
            }
            default -> req.body().onSuccess(body -> req.response()
                .setStatusCode(req.path().equals("/created") ? 201 : 200)
                .putHeader("x-echo", String.valueOf(req.getHeader("x-weft")))
                .end(req.method() + " " + req.path() + (body.length() > 0 ? " " + body : "")));
          }
        })
        .listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    engine.close();
    serverVertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  private LoadedFlow flow(String... lines) throws IOException {
    String text = String.join("\n", lines).replace("@", COMPONENTS.toString() + "/").replace("URL/", url("/"));
    Path file = Files.createTempFile(dir, "flow", ".yaml");
    Files.writeString(file, text + "\n");
    return engine.load(file);
  }

  private static RunResult run(LoadedFlow f, String input) throws Exception {
    return engine.run(f, JSON.readTree(input)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static JsonNode json(LoadedFlow f, String input) throws Exception {
    return JSON.readTree(run(f, input).toJson().toString());
  }

  private static RunException failure(LoadedFlow f, String input) throws Exception {
    try {
      run(f, input);
    } catch (ExecutionException e) {
      return assertInstanceOf(RunException.class, e.getCause());
    }
    throw new AssertionError("the run should have failed");
  }

  private static String text(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }

  @Test
  void kvNodesWriteReadIncrementListAndDelete() throws Exception {
    LoadedFlow write = flow(
        "flow: write",
        "input: { user: string }",
        "nodes:",
        "  id:   { call: kv.increment, with: { bucket: signup, key: seq, delta: 1 } }",
        "  salt: { call: random.bytes, with: { n: 16 } }",
        "  save: { call: kv.set, with: { bucket: users, key: $input.user, value: $salt, ttl-ms: null } }",
        "  note: { call: kv.set, with: { bucket: users, key: note, value: aGk=, ttl-ms: 60000 } }",
        "output: { id: $id, salt: $salt }");
    JsonNode first = json(write, "{\"user\": \"ada\"}");
    assertEquals(1, first.get("id").asLong());
    assertEquals(2, json(write, "{\"user\": \"bob\"}").get("id").asLong());
    // `save` and `note` are referenced by no output, and ran all the same.
    assertEquals("hi", new String(engine.host().kv().get("users", "note").toCompletionStage()
        .toCompletableFuture().get().orElseThrow(), StandardCharsets.UTF_8));

    LoadedFlow read = flow(
        "flow: read",
        "input: { user: string }",
        "nodes:",
        "  value: { call: kv.get, with: { bucket: users, key: $input.user } }",
        "  keys:  { call: kv.keys, with: { bucket: users, prefix: '', limit: 10 } }",
        "output: { value: $value, keys: $keys }");
    JsonNode r = json(read, "{\"user\": \"ada\"}");
    assertEquals(first.get("salt"), r.get("value"));
    List<String> keys = new ArrayList<>();
    r.get("keys").forEach(k -> keys.add(k.asText()));
    assertEquals(List.of("ada", "bob", "note"), keys.stream().sorted().toList());

    LoadedFlow delete = flow(
        "flow: delete",
        "input: { user: string }",
        "nodes:",
        "  gone: { call: kv.delete, with: { bucket: users, key: $input.user } }",
        "output: { gone: $gone }");
    assertTrue(json(delete, "{\"user\": \"ada\"}").get("gone").asBoolean());
    assertFalse(json(delete, "{\"user\": \"ada\"}").get("gone").asBoolean());
    assertTrue(json(read, "{\"user\": \"ada\"}").get("value").isNull());
  }

  @Test
  void afterOrdersAReadBehindTheWriteOfTheSameKey() throws Exception {
    LoadedFlow f = flow(
        "flow: read-your-write",
        "input: { user: string, skip: bool }",
        "nodes:",
        "  salt: { call: random.bytes, with: { n: 16 } }",
        "  save: { call: kv.set, with: { bucket: ordered, key: $input.user, value: $salt, ttl-ms: null } }",
        "  also: { call: kv.set, with: { bucket: ordered, key: other, value: $salt, ttl-ms: null }, when: $input.skip }",
        "  read: { call: kv.get, with: { bucket: ordered, key: $input.user }, after: [save, also] }",
        "output: { salt: $salt, read: $read }");
    for (int i = 0; i < 30; i++) { // (its own bucket: the engine's store is shared by the tests)
      // each run writes new bytes: the read sees them, never the previous run's
      JsonNode r = json(f, "{\"user\": \"after\", \"skip\": " + (i % 2 == 0) + "}");
      assertEquals(r.get("salt"), r.get("read"), "run " + i + ": " + r);
    }
  }

  @Test
  void clockAndRandomNodes() throws Exception {
    LoadedFlow f = flow(
        "flow: time",
        "nodes:",
        "  now:   { call: clock.now }",
        "  t0:    { call: clock.monotonic }",
        "  t1:    { call: clock.monotonic, with: {}, when: true }",
        "  bytes: { call: random.bytes, with: { n: 32 } }",
        "  none:  { call: random.bytes, with: { n: 0 } }",
        "  a:     { call: random.next-u64 }",
        "  b:     { call: random.next-u64 }",
        "output: { now: $now, t0: $t0, bytes: $bytes, none: $none, a: $a, b: $b }");
    long before = System.currentTimeMillis();
    JsonNode r = json(f, "{}");
    long now = r.get("now").asLong();
    assertTrue(now >= before && now <= System.currentTimeMillis(), Long.toString(now));
    assertEquals(32, Base64.getDecoder().decode(r.get("bytes").asText()).length);
    assertEquals("", r.get("none").asText());
    assertNotEquals(r.get("a"), r.get("b"));
  }

  @Test
  void logNodesWriteToTheLogUnderTheFlowAndNode() throws Exception {
    Logger logger = Logger.getLogger("weft.guest.logging.note");
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        lines.add(r.getLevel() + " " + r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(h);
    logger.setLevel(Level.ALL);
    try {
      LoadedFlow f = flow(
          "flow: logging",
          "input: { user: string }",
          "nodes:",
          "  note: { call: log, with: { level: warn, message: $input.user, fields: [[user, $input.user], [n, '1']] } }",
          "output: { user: $input.user }");
      run(f, "{\"user\": \"ada\"}");
      assertEquals(List.of("WARNING ada user=ada n=1"), lines);
    } finally {
      logger.removeHandler(h);
    }
  }

  @Test
  void aHostErrorFailsTheNodeNamingTheErrorCase() throws Exception {
    LoadedFlow f = flow(
        "flow: bad",
        "nodes:",
        "  text: { call: kv.set, with: { bucket: b, key: word, value: aGk=, ttl-ms: null } }",
        "  seen: { call: kv.get, with: { bucket: b, key: '' } }",
        "output: { seen: $seen }");
    RunException e = failure(f, "{}");
    assertEquals(ErrorKind.HOST, e.kind());
    assertEquals("seen", e.node().orElseThrow());
    assertEquals("kv.get", e.function().orElseThrow());
    assertTrue(e.component().isEmpty());
    assertEquals("invalid-argument: the key is empty", e.detail());
    assertEquals("flow `bad`, node `seen` (kv.get): invalid-argument: the key is empty", e.getMessage());

    LoadedFlow big = flow(
        "flow: big",
        "nodes:",
        "  many: { call: random.bytes, with: { n: 65537 } }",
        "output: { many: $many }");
    assertEquals("65537 bytes asked, at most 65536", failure(big, "{}").detail());
  }

  @Test
  void fallbackGivesTheValueOfAFailedBuiltin() throws Exception {
    LoadedFlow f = flow(
        "flow: fallback",
        "nodes:",
        "  text:  { call: kv.set, with: { bucket: fb, key: word, value: aGk=, ttl-ms: null } }",
        "  count: { call: kv.increment, with: { bucket: fb, key: word, delta: 1 }, fallback: -1 }",
        "  after: { call: kv.increment, with: { bucket: fb, key: n, delta: $count } }",
        "output: { count: $count, after: $after }");
    JsonNode r = json(f, "{}");
    assertEquals(-1, r.get("count").asLong());
    assertEquals(-1, r.get("after").asLong());
  }

  @Test
  void whenAndForEachWorkOnBuiltins() throws Exception {
    LoadedFlow f = flow(
        "flow: each",
        "input: { keys: list<string>, save: bool }",
        "nodes:",
        "  save: { call: kv.set, for-each: $input.keys, with: { bucket: each, key: $item, value: [1, 2], ttl-ms: null }, when: $input.save }",
        "  read: { call: kv.get, for-each: $input.keys, with: { bucket: each, key: $item }, concurrency: 2 }",
        "  n:    { call: kv.increment, with: { bucket: each, key: count, delta: 5 }, when: $input.save }",
        "output: { read: $read, n: $n }");
    JsonNode skipped = json(f, "{\"keys\": [\"a\", \"b\", \"c\"], \"save\": false}");
    assertEquals("[null,null,null]", skipped.get("read").toString());
    assertTrue(skipped.get("n").isNull());
    json(f, "{\"keys\": [\"a\", \"b\", \"c\"], \"save\": true}");
    JsonNode r = json(f, "{\"keys\": [\"a\", \"b\", \"x\"], \"save\": false}");
    assertEquals("[\"AQI=\",\"AQI=\",null]", r.get("read").toString());
  }

  @Test
  void aLongChainOfBuiltinsThatCompleteAtOnceDoesNotNest() throws Exception {
    int n = 3000;
    List<String> lines = new ArrayList<>(List.of("flow: chain", "nodes:",
        "  n0: { call: kv.increment, with: { bucket: chain, key: k0, delta: 1 } }"));
    for (int i = 1; i < n; i++) {
      lines.add("  n" + i + ": { call: kv.increment, with: { bucket: chain, key: k" + i + ", delta: $n" + (i - 1) + " } }");
    }
    lines.add("output: { last: $n" + (n - 1) + " }");
    LoadedFlow f = flow(lines.toArray(String[]::new));
    assertEquals(1, json(f, "{}").get("last").asLong());
    // Second run: k0 becomes 2, and each next key grows by the one before: 1 + 2 + ... = n + 1.
    assertEquals(n + 1, json(f, "{}").get("last").asLong());
  }

  @Test
  void httpRequestsGiveStatusHeadersAndBody() throws Exception {
    LoadedFlow f = flow(
        "flow: fetch",
        "input: { body: string }",
        "nodes:",
        "  get:  { call: http.request, with: { method: get, url: 'URL/hello', headers: [[x-weft, yes]], body: null, timeout-ms: 5000 } }",
        "  post: { call: http.request, with: { method: post, url: 'URL/created', headers: [], body: aGk=, timeout-ms: null } }",
        "  miss: { call: http.request, with: { method: delete, url: 'URL/missing', headers: [], body: null, timeout-ms: 5000 } }",
        "output: { get: $get, status: $post.status, body: $post.body, miss: $miss.status }");
    JsonNode r = json(f, "{\"body\": \"x\"}");
    assertEquals(200, r.get("get").get("status").asInt());
    assertEquals("GET /hello", text(r.get("get").get("body")));
    boolean echoed = false;
    for (JsonNode h : r.get("get").get("headers")) {
      echoed |= h.get(0).asText().equals("x-echo") && h.get(1).asText().equals("yes");
    }
    assertTrue(echoed, r.get("get").get("headers").toString());
    assertEquals(201, r.get("status").asInt());
    assertEquals("POST /created hi", text(r.get("body")));
    assertEquals(200, r.get("miss").asInt()); // a status is a response, never an error
  }

  @Test
  void httpDeadlinesAndConnectionFailuresAreHostErrors() throws Exception {
    LoadedFlow slow = flow(
        "flow: slow",
        "nodes:",
        "  late: { call: http.request, with: { method: get, url: 'URL/slow', headers: [], body: null, timeout-ms: 200 } }",
        "output: { late: $late.status }");
    long t0 = System.nanoTime();
    RunException e = failure(slow, "{}");
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertEquals(ErrorKind.HOST, e.kind());
    assertEquals("timeout", e.detail());
    assertTrue(ms >= 190 && ms < 1400, "took " + ms + " ms");

    LoadedFlow refused = flow(
        "flow: refused",
        "nodes:",
        "  none: { call: http.request, with: { method: get, url: 'http://127.0.0.1:1/x', headers: [], body: null, timeout-ms: 2000 } }",
        "  bad:  { call: http.request, with: { method: get, url: 'ftp://example.com/', headers: [], body: null, timeout-ms: 2000 } }",
        "output: { none: $none.status, bad: $bad.status }");
    RunException r = failure(refused, "{}");
    assertEquals(ErrorKind.HOST, r.kind());
    assertTrue(r.detail().startsWith("connection-failed: ") || r.detail().startsWith("invalid-url: "), r.detail());
  }

  @Test
  void aNodeDeadlineFailsABuiltinWithATimeout() throws Exception {
    LoadedFlow f = flow(
        "flow: deadline",
        "nodes:",
        "  late: { call: http.request, with: { method: get, url: 'URL/slow', headers: [], body: null, timeout-ms: 5000 }, timeout: 150ms }",
        "output: { late: $late.status }");
    long t0 = System.nanoTime();
    RunException e = failure(f, "{}");
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertEquals(ErrorKind.TIMEOUT, e.kind(), e.getMessage());
    assertTrue(e.detail().contains("150 ms"), e.detail());
    assertTrue(ms < 1400, "took " + ms + " ms: the run must not wait for the request");
  }

  @Test
  void retryCallsABuiltinAgain() throws Exception {
    FLAKY.set(0);
    LoadedFlow f = flow(
        "flow: flaky",
        "nodes:",
        "  get: { call: http.request, with: { method: get, url: 'URL/flaky', headers: [], body: null, timeout-ms: 500 }, retry: { attempts: 3, backoff: 10ms } }",
        "output: { status: $get.status, body: $get.body }");
    JsonNode r = json(f, "{}");
    assertEquals("second try", text(r.get("body")));
    assertTrue(FLAKY.get() >= 2, "the first request timed out, a later one answered");
  }

  @Test
  void noWorkerIsHeldWhileHttpNodesWait() throws Exception {
    // The engine has one worker thread. Ten runs wait on a slow server; a Wasm call still runs.
    LoadedFlow slow = flow(
        "flow: waits",
        "nodes:",
        "  late: { call: http.request, with: { method: get, url: 'URL/slow', headers: [], body: null, timeout-ms: 5000 } }",
        "output: { body: $late.body }");
    LoadedFlow wasm = flow(
        "flow: hello",
        "components: { greet: '@greet/greet.wasm' }",
        "nodes:",
        "  hi: { call: greet.greet, with: { name: Ada } }",
        "output: { hi: $hi }");
    run(wasm, "{}"); // compiled and warm
    long t0 = System.nanoTime();
    List<CompletableFuture<RunResult>> waiting = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      waiting.add(engine.run(slow, JSON.readTree("{}")).toCompletionStage().toCompletableFuture());
    }
    Thread.sleep(100);
    assertEquals("Hello, Ada!", json(wasm, "{}").get("hi").asText());
    long wasmMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "the slow runs are still waiting");
    assertTrue(wasmMs < 1200, "the Wasm run took " + wasmMs + " ms");
    for (CompletableFuture<RunResult> w : waiting) {
      assertEquals("late", text(JSON.readTree(w.get(10, TimeUnit.SECONDS).toJson().toString()).get("body")));
    }
  }

  @Test
  void builtinsAndWasmNodesMix() throws Exception {
    LoadedFlow f = flow(
        "flow: mixed",
        "components: { greet: '@greet/greet.wasm' }",
        "input: { name: string }",
        "nodes:",
        "  hi:    { call: greet.greet, with: { name: $input.name } }",
        "  n:     { call: kv.increment, with: { bucket: mixed, key: $hi, delta: 1 } }",
        "  size:  { call: greet.count-chars, with: { text: $hi } }",
        "  again: { call: kv.increment, with: { bucket: mixed, key: $hi, delta: $n } }",
        "  loud:  { call: greet.shout, with: { text: $hi }, when: true }",
        "output: { n: $n, again: $again, size: $size, loud: $loud }");
    JsonNode r = json(f, "{\"name\": \"Ada\"}");
    assertEquals(1, r.get("n").asLong());
    assertEquals(2, r.get("again").asLong());
    assertEquals(11, r.get("size").asLong());
    assertEquals("HELLO, ADA!", r.get("loud").asText());
  }

  @Test
  void aSubflowOfBuiltinsRunsOncePerElementOfAForEach() throws Exception {
    Files.writeString(dir.resolve("count-one.yaml"), String.join("\n",
        "flow: count-one",
        "input: { user: string }",
        "nodes:",
        "  n: { call: kv.increment, with: { bucket: sub, key: $input.user, delta: 1 } }",
        "output: { n: $n }", ""));
    // No `concurrency`: a `flow:` node has no pool to take its default from.
    LoadedFlow f = flow(
        "flow: count-all",
        "input: { users: list<string> }",
        "nodes:",
        "  each: { flow: count-one.yaml, for-each: $input.users, with: { user: $item } }",
        "output: { each: $each }");
    JsonNode each = json(f, "{\"users\": [\"ada\", \"bob\", \"ada\"]}").get("each");
    assertEquals(1, each.get(1).get("n").asLong());
    assertEquals(3, each.get(0).get("n").asLong() + each.get(2).get("n").asLong(), "ada counted 1 and 2: " + each);
  }
}
