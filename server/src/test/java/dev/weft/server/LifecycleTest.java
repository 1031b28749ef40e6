package dev.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, reloading and stopping: watch, drain, and start-up failures. */
class LifecycleTest {
  @TempDir Path dir;

  @Test
  void watchReloadsAnEditAndKeepsTheLastGoodVersionOfABrokenOne() throws Exception {
    Path flow = dir.resolve("hello.yaml");
    Path wasm = dir.resolve("greet.wasm");
    Files.copy(Path.of("../examples/components/greet/greet.wasm"), wasm);
    String text = Files.readString(Http.FLOWS.resolve("hello.yaml"))
        .replace("../../../../../../examples/components/greet/greet.wasm", "greet.wasm");
    Files.writeString(flow, text);
    List<String> log = new CopyOnWriteArrayList<>();
    try (WeftServer server = WeftServer.start(Http.options(List.of(dir)).withWatch(true), log::add)) {
      Http http = new Http(server.port());
      List<FlowsChanged> changes = new CopyOnWriteArrayList<>();
      server.vertx().eventBus().<FlowsChanged>localConsumer(Addresses.FLOWS_CHANGED, m -> changes.add(m.body()));
      assertEquals(13, http.post("/flows/hello", "{\"name\": \"World\"}").json().get("length").asInt());

      write(flow, text.replace("length: $size", "length: $size\n  again: $loud"));
      await(() -> http.post("/flows/hello", "{\"name\": \"World\"}").json().has("again"));
      await(() -> changes.contains(new FlowsChanged(List.of("hello"), List.of("hello"))));

      write(flow, text.replace("greet.shout", "greet.shuot"));
      await(() -> log.stream().anyMatch(l -> l.contains("cannot reload")));
      assertTrue(log.stream().anyMatch(l -> l.contains("error[FLOW0103]")), String.join("\n", log));
      assertTrue(http.post("/flows/hello", "{\"name\": \"World\"}").json().has("again"), "the last good version serves");

      Files.writeString(dir.resolve("second.yaml"), text.replace("flow: hello", "flow: second"));
      await(() -> http.post("/flows/second", "{\"name\": \"W\"}").status() == 200);

      write(flow, text);
      await(() -> !http.post("/flows/hello", "{\"name\": \"World\"}").json().has("again"));
      log.clear();
      Files.setLastModifiedTime(wasm, FileTime.fromMillis(Files.getLastModifiedTime(wasm).toMillis() + 5000));
      // Both flows that use the component reload (in either order).
      await(() -> log.stream().anyMatch(l -> l.equals("reloaded flow `hello` from " + flow)));
      await(() -> log.stream().anyMatch(l -> l.equals("reloaded flow `second` from " + dir.resolve("second.yaml"))));
    }
  }

  @Test
  void shutdownLetsRunsInFlightFinish() throws Exception {
    WeftServer server = WeftServer.start(Http.options(List.of(Http.FLOWS.resolve("nap.yaml"))), s -> {});
    Http http = new Http(server.port());
    try {
      assertEquals(7, http.post("/flows/nap", "{\"n\": 10}").json().get("r").asInt());
      // a call long enough to be in flight when shutdown starts (about a second of looping)
      CompletableFuture<Http.Response> slow = http.postAsync("/flows/nap", "{\"n\": 1500000000}");
      Thread.sleep(300);
      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      Http.Response r = slow.get(15, TimeUnit.SECONDS);
      assertEquals(200, r.status(), r.text());
      assertEquals(7, r.json().get("r").asInt());
      closing.get(15, TimeUnit.SECONDS);
    } finally {
      server.close();
    }
  }

  @Test
  void aBrokenFlowStopsStartUpWithItsDiagnostics() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "flow: bad\ncomponents: {}\nnodes: {}\noutput: {}\nhttp: { route: FETCH /x }\n");
    ServeException e = assertThrows(ServeException.class, () -> WeftServer.start(Http.options(List.of(bad)), s -> {}));
    assertTrue(e.getMessage().contains("error[FLOW0301]"), e.getMessage());
  }

  @Test
  void configFileSetsOptionsAndFlowPathsRelativeToIt() throws IOException {
    Path cfg = dir.resolve("weft.yaml");
    Files.writeString(cfg, "flows: [flows]\nport: 9090\nmax-body: 2MiB\ndrain: 3s\nhttp-metrics: true\n"
        + "cluster: { host: 127.0.0.1, port: 5801, members: '127.0.0.1:5801, 127.0.0.1:5802' }\n");
    ServerOptions o = ServerConfig.read(cfg, ServerOptions.of(List.of()));
    assertEquals(List.of(dir.resolve("flows").toAbsolutePath().normalize()), o.paths());
    assertEquals(9090, o.port());
    assertEquals(2L << 20, o.maxBodyBytes());
    assertEquals(3000, o.drainMillis());
    assertTrue(o.httpMetrics());
    assertEquals(List.of("127.0.0.1:5801", "127.0.0.1:5802"), o.cluster().orElseThrow().members());
    Files.writeString(cfg, "prot: 1\n");
    assertThrows(ServeException.class, () -> ServerConfig.read(cfg, ServerOptions.of(List.of())));
  }

  /** Writes and moves the modification time forward, so a poll sees the change at once. */
  private static void write(Path file, String text) throws IOException {
    FileTime before = Files.getLastModifiedTime(file);
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 20 s");
      }
      Thread.sleep(100);
    }
  }
}
