package dev.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served flow of built-in nodes: KV state across requests on the in-memory store, and a Redis
 * that cannot be reached answering 502 problem details that name the node and the built-in. Also
 * the {@code redis:} key of {@code --config}, and the same flow on a real {@code redis-server}
 * when one is installed.
 */
class BuiltinServeTest {
  private static final Path FLOWS = Path.of("src/test/resources/fixtures/builtins");

  @Test
  void builtinNodesKeepStateAcrossRequests() {
    WeftServer server = WeftServer.start(Http.options(List.of(FLOWS)).withRedisUrl(Optional.empty()), s -> {});
    try {
      Http http = new Http(server.port());
      assertEquals(1, http.post("/flows/count", "{\"user\": \"ada\"}").json().get("n").asLong());
      assertEquals(2, http.post("/flows/count", "{\"user\": \"ada\"}").json().get("n").asLong());
    } finally {
      server.close();
    }
  }

  @Test
  void onRedisKvNodesKeepStateAndTheirRunsAndTimesAreInTheMetrics() throws Exception {
    Optional<Path> redis = onPath("redis-server");
    assumeTrue(redis.isPresent(), "redis-server is not installed: skipped");
    int port = Ports.free();
    Process p = new ProcessBuilder(redis.get().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    WeftServer server = null;
    try {
      awaitPort(port);
      server = WeftServer.start(Http.options(List.of(FLOWS)).withRedisUrl(Optional.of("redis://127.0.0.1:" + port)), s -> {});
      Http http = new Http(server.port());
      assertEquals(1, http.post("/flows/count", "{\"user\": \"ada\"}").json().get("n").asLong());
      assertEquals(2, http.post("/flows/count", "{\"user\": \"ada\"}").json().get("n").asLong());
      String metrics = http.get("/metrics").text();
      assertTrue(metrics.contains("weft_node_duration_seconds_count{flow=\"count\",node=\"n\"} 2\n"), metrics);
      assertFalse(metrics.contains("vertx_http_server_"), metrics); // only with --http-metrics
      assertTrue(metrics.contains("weft_runs_total{flow=\"count\",outcome=\"ok\"} 2.0"), metrics);
      assertFalse(metrics.contains("vertx_redis_"), metrics); // no per-command client meters: the node times say it
    } finally {
      if (server != null) {
        server.close();
      }
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Optional<Path> onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
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
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("redis-server did not listen on " + port);
  }

  @Test
  void anUnreachableRedisIsA502NamingTheNodeAndTheBuiltin() {
    ServerOptions o = Http.options(List.of(FLOWS)).withRedisUrl(Optional.of("redis://127.0.0.1:" + Ports.free()));
    WeftServer server = WeftServer.start(o, s -> {});
    try {
      Http.Response r = new Http(server.port()).post("/flows/count", "{\"user\": \"ada\"}");
      assertEquals(502, r.status(), r.text());
      JsonNode p = r.json();
      assertEquals("host", p.get("kind").asText());
      assertEquals("n", p.get("node").asText());
      assertEquals("kv.increment", p.get("function").asText());
      assertFalse(p.has("component"), p.toString());
      assertTrue(p.get("detail").asText().startsWith("unavailable: redis: "), p.toString());
    } finally {
      server.close();
    }
  }

  @Test
  void theConfigNamesTheRedis(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("weft.yaml");
    Files.writeString(config, "redis: redis://127.0.0.1:6380/1\n");
    assertEquals(Optional.of("redis://127.0.0.1:6380/1"), ServerConfig.read(config, ServerOptions.of(List.of())).redisUrl());
    Files.writeString(config, "redis: 127.0.0.1:6380\n");
    ServeException e = assertThrows(ServeException.class, () -> ServerConfig.read(config, ServerOptions.of(List.of())));
    assertTrue(e.getMessage().contains("`127.0.0.1:6380` is not a Redis URL; write e.g. redis://127.0.0.1:6379"),
        e.getMessage());
    Files.writeString(config, "redis: redis://127.0.0.1:63x0\n");
    e = assertThrows(ServeException.class, () -> ServerConfig.read(config, ServerOptions.of(List.of())));
    assertTrue(e.getMessage().startsWith("config `" + config + "`: `redis://127.0.0.1:63x0` names no host"),
        e.getMessage());
  }
}
