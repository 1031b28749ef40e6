package dev.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A served flow of built-in nodes: KV state across requests on the in-memory store, and a Redis
 * that cannot be reached answering 502 problem details that name the node and the built-in. Also
 * the {@code redis:} key of {@code --config}.
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
  }
}
