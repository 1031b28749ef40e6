package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Built-in nodes through the real launcher: the counter example, an {@code http.request} node
 * against a Vert.x server on loopback, {@code --trace} and {@code --trace-json}, {@code --redis}
 * (against a real {@code redis-server} when one is installed, and an unreachable one), and the
 * check errors of built-ins.
 */
class BuiltinsEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void counterExampleCountsAndTracesItsBuiltinNodes() throws Exception {
    Path trace = dir.resolve("trace.json");
    Cli.Result r = Cli.weft("run", "examples/flows/counter.yaml", "--input", "user=ada", "--trace",
        "--trace-json", trace.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode out = JSON.readTree(r.out());
    assertEquals("ada", out.get("user").asText());
    assertEquals(1, out.get("visits").asLong());
    // Every node ran, with what it called and the thread that ran it.
    for (String line : new String[] {"count", "token", "seen", "note"}) {
      assertTrue(r.err().lines().anyMatch(l -> l.startsWith(line + " ")), line + " in\n" + r.err());
    }
    assertTrue(r.err().contains("kv.increment"), r.err());
    JsonNode events = JSON.readTree(trace.toFile()).get("traceEvents");
    int builtins = 0;
    for (JsonNode e : events) {
      if ("builtin".equals(e.path("cat").asText())) {
        builtins++;
      }
    }
    assertEquals(4, builtins, events.toString());
  }

  @Test
  void httpRequestNodeReachesALoopbackServer() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer server = vertx.createHttpServer()
          .requestHandler(req -> req.body().onSuccess(b -> req.response().setStatusCode(202)
              .putHeader("x-seen", String.valueOf(req.getHeader("x-who")))
              .end(req.method() + " " + req.path() + " " + b)))
          .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      Path flow = dir.resolve("ping.yaml");
      Files.writeString(flow, String.join("\n",
          "flow: ping",
          "input: { who: string }",
          "nodes:",
          "  ping:",
          "    call: http.request",
          "    with:",
          "      method: post",
          "      url: 'http://127.0.0.1:" + server.actualPort() + "/ping'",
          "      headers: [[x-who, $input.who]]",
          "      body: aGVsbG8=",
          "      timeout-ms: 5000",
          "output: { status: $ping.status, body: $ping.body }", ""));
      Cli.Result r = Cli.weft("run", flow.toString(), "--input", "who=ada");
      assertEquals(0, r.exit(), r.err());
      JsonNode out = JSON.readTree(r.out());
      assertEquals(202, out.get("status").asInt());
      assertEquals("POST /ping hello",
          new String(Base64.getDecoder().decode(out.get("body").asText()), StandardCharsets.UTF_8));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void anUnreachableRedisIsAHostErrorNamingTheNode() throws Exception {
    Cli.Result r = Cli.weft("run", "examples/flows/counter.yaml", "--input", "user=ada",
        "--redis", "redis://127.0.0.1:" + freePort());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("weft: host error in flow `counter`, node `"), r.err());
    assertTrue(r.err().contains("unavailable: redis: "), r.err());
    Cli.Result bad = Cli.weft("run", "examples/flows/counter.yaml", "--input", "user=ada", "--redis", "localhost:6379");
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(bad.err().contains("is not a Redis URL; write e.g. redis://127.0.0.1:6379"), bad.err());
  }

  @Test
  void aMalformedRedisUrlIsReportedBeforeTheRunNotByTheFirstKvCall() throws Exception {
    // Each URL passes the scheme test; each would have failed only once a KV node ran.
    Cli.Result port = Cli.weft("run", "examples/flows/counter.yaml", "--input", "user=ada", "--redis", "redis://127.0.0.1:notaport");
    assertEquals(2, port.exit(), port.err());
    assertTrue(port.err().startsWith("weft: --redis: `redis://127.0.0.1:notaport` names no host"), port.err());
    assertTrue(port.err().contains("write e.g. redis://127.0.0.1:6379"), port.err());
    assertFalse(port.err().contains("node `"), port.err());
    Cli.Result db = Cli.weft("run", "examples/flows/counter.yaml", "--input", "user=ada", "--redis", "redis://127.0.0.1/x");
    assertEquals(2, db.exit(), db.err());
    assertTrue(db.err().contains("the database after the host must be a number"), db.err());
    Cli.Result env = Cli.weft(Map.of("WEFT_REDIS_URL", "redis://127.0.0.1:notaport"),
        "run", "examples/flows/counter.yaml", "--input", "user=ada");
    assertEquals(2, env.exit(), env.err());
    assertTrue(env.err().startsWith("weft: WEFT_REDIS_URL: `redis://127.0.0.1:notaport` names no host"), env.err());
    Cli.Result serve = Cli.weft(Map.of("WEFT_REDIS_URL", "redis://127.0.0.1:notaport"),
        "serve", "examples/flows/counter.yaml", "--port", "0");
    assertEquals(2, serve.exit(), serve.err());
    assertTrue(serve.err().startsWith("weft: WEFT_REDIS_URL: "), serve.err());
    Cli.Result serveFlag = Cli.weft("serve", "examples/flows/counter.yaml", "--port", "0", "--redis", "redis://127.0.0.1/x");
    assertEquals(2, serveFlag.exit(), serveFlag.err());
    assertTrue(serveFlag.err().startsWith("weft: --redis: `redis://127.0.0.1/x`: the database"), serveFlag.err());
  }

  @Test
  void withRedisTheCountSurvivesFromOneRunToTheNext() throws Exception {
    Optional<Path> bin = redisServer();
    if (bin.isEmpty()) {
      System.err.println("BuiltinsEndToEndTest: redis-server not found on the PATH, `weft run --redis` test skipped");
    }
    assumeTrue(bin.isPresent(), "redis-server is not installed (apt-get install -y redis-server)");
    int port = freePort();
    Process redis = new ProcessBuilder(bin.get().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      awaitPort(port);
      String url = "redis://127.0.0.1:" + port;
      for (int visit = 1; visit <= 2; visit++) {
        Cli.Result r = Cli.weft("run", "examples/flows/counter.yaml", "--input", "user=ada", "--redis", url);
        assertEquals(0, r.exit(), r.err());
        assertEquals(visit, JSON.readTree(r.out()).get("visits").asLong(), "each run is a new process");
      }
    } finally {
      redis.destroyForcibly();
      redis.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void checkReportsReservedNamesAndUnknownBuiltins() throws Exception {
    Path flow = dir.resolve("bad.yaml");
    Files.writeString(flow, String.join("\n",
        "flow: bad",
        "components:",
        "  kv: ../hello.wasm",
        "nodes:",
        "  a: { call: kv.gte, with: { bucket: b, key: k } }",
        "  b: { call: random.bytes, with: { n: -1 } }",
        "output: { a: $a }", ""));
    Cli.Result r = Cli.weft("check", flow.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("error[FLOW0501]: `kv` is the name of Weft's built-in KV nodes"), r.err());
    assertTrue(r.err().contains("error[FLOW0502]: `kv.gte` is not a built-in function"), r.err());
    assertTrue(r.err().contains("= help: did you mean `kv.get`?"), r.err());
    assertTrue(r.err().contains("error[FLOW0208]: argument `n` of node `b` expects `u32`"), r.err());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Optional<Path> redisServer() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d, "redis-server");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static void awaitPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("redis-server did not listen on port " + port);
  }
}
