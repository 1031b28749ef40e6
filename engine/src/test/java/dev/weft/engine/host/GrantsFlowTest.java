package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.impl.ComponentCache;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.flows.FlowException;
import dev.weft.flows.Flows;
import dev.weft.flows.model.FlowGraph;
import dev.weft.wit.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants in flows, through the engine: imports that are not granted fail the check with the
 * grant to add; granted ones run on the engine's workers, on either KV backend.
 */
class GrantsFlowTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path flow(String grants) throws Exception {
    Path file = dir.resolve("visits.yaml");
    Files.writeString(file, String.join("\n",
        "flow: visits",
        "components:",
        "  caps:",
        "    wasm: " + HostCaps.WASM,
        grants,
        "input: { user: string }",
        "nodes:",
        "  count: { call: caps.count-visit, with: { user: $input.user } }",
        "  greeting: { call: caps.config-get, with: { key: greeting } }",
        "output: { count: $count, greeting: $greeting }",
        ""));
    return file;
  }

  private static final String ALL = String.join("\n",
      "    grants:",
      "      log: true",
      "      kv: { buckets: [visits] }",
      "      http: { hosts: [127.0.0.1] }",
      "      clock: true",
      "      random: true",
      "      config: { greeting: hello }");

  @Test
  void importsThatAreNotGrantedFailTheCheckNamingTheGrant() throws Exception {
    Path file = flow("    grants: { log: true, kv: { buckets: [visits] } }");
    try (Engine engine = Engine.create(EngineOptions.defaults().withCompile(false).withWorkerThreads(2))) {
      FlowException e = assertThrows(FlowException.class, () -> engine.load(file));
      List<String> codes = e.diagnostics().stream().map(Diagnostic::code).toList();
      assertEquals(List.of("FLOW0402", "FLOW0402", "FLOW0402", "FLOW0402"), codes);
      Diagnostic http = find(e, "`http`");
      assertEquals("component `caps` imports `weft:host/http@0.1.0#send` but is not granted `http`", http.message());
      assertEquals(Optional.of("add `http: {hosts: [api.example.com]}` under the component's `grants:`"), http.help());
      String random = find(e, "`random`").message();
      assertTrue(random.contains("`weft:host/random@0.1.0#bytes`") && random.contains("`weft:host/random@0.1.0#next-u64`"),
          random);
    }
  }

  private static Diagnostic find(FlowException e, String grant) {
    return e.diagnostics().stream().filter(d -> d.message().endsWith(grant)).findFirst().orElseThrow();
  }

  @Test
  void aComponentWithoutGrantsGetsNothing() throws Exception {
    Path file = flow("");
    try (Engine engine = Engine.create(EngineOptions.defaults().withCompile(false).withWorkerThreads(2))) {
      FlowException e = assertThrows(FlowException.class, () -> engine.load(file));
      assertEquals(6, e.diagnostics().size(), e.render());
    }
  }

  @Test
  void checkingWithoutAnEngineReportsTheSameAndAcceptsGrantedFlows() throws Exception {
    ComponentCache checking = new ComponentCache(new LoadOptions(256, false));
    FlowException e = assertThrows(FlowException.class,
        () -> Flows.load(flow("    grants: { log: true, kv: { buckets: [visits] } }"), checking));
    assertEquals(4, e.diagnostics().size(), e.render());
    FlowGraph g = Flows.load(flow(ALL), checking);
    assertEquals(Set.of("visits"), g.components().get(0).grants().kvBuckets().orElseThrow());
  }

  @Test
  void anImportOfAnotherTypeThanTheHostsFailsTheCheck() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, String.join("\n",
        "flow: bad",
        "components:",
        "  bad: { wasm: " + Path.of("src/test/resources/components/badhost.wasm").toAbsolutePath()
            + ", grants: { kv: { buckets: [b] } } }",
        "nodes:",
        "  n: { call: bad.run }",
        "output: { n: $n }",
        ""));
    FlowException e = assertThrows(FlowException.class,
        () -> Flows.load(file, new ComponentCache(new LoadOptions(16, false))));
    assertEquals(List.of("FLOW0404"), e.diagnostics().stream().map(Diagnostic::code).toList(), e.render());
    assertEquals("component `bad` imports `weft:host/kv@0.1.0#get` with another type than weft:host@0.1.0 gives it",
        e.diagnostics().get(0).message());
  }

  private static String run(Engine engine, LoadedFlow f, String user) throws Exception {
    return engine.run(f, JSON.readTree("{\"user\": \"" + user + "\"}"))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toJson().toString();
  }

  @Test
  void grantedImportsRunOnTheEnginesWorkers() throws Exception {
    try (Engine engine = Engine.create(EngineOptions.defaults().withCompile(false).withWorkerThreads(2))) {
      LoadedFlow f = engine.load(flow(ALL));
      assertEquals("{\"count\":{\"tag\":\"ok\",\"val\":1},\"greeting\":\"hello\"}", run(engine, f, "ada"));
      assertEquals("{\"count\":{\"tag\":\"ok\",\"val\":2},\"greeting\":\"hello\"}", run(engine, f, "ada"));
    }
  }

  @Test
  void grantedImportsRunOnRedisFromTheEnginesWorkers() throws Exception {
    Optional<Path> bin = RedisServer.binary();
    assumeTrue(bin.isPresent(), "redis-server is not installed: Redis flow test skipped");
    RedisServer redis = RedisServer.start(bin.get());
    try (Engine engine = Engine.create(
        EngineOptions.defaults().withCompile(false).withWorkerThreads(2)
            .withHost(HostOptions.defaults().withRedisUrl(Optional.of(redis.url())).withKvTimeoutMillis(5000)))) {
      LoadedFlow f = engine.load(flow(ALL));
      assertEquals("{\"count\":{\"tag\":\"ok\",\"val\":1},\"greeting\":\"hello\"}", run(engine, f, "bob"));
      assertEquals("{\"count\":{\"tag\":\"ok\",\"val\":2},\"greeting\":\"hello\"}", run(engine, f, "bob"));
    } finally {
      redis.stop();
    }
  }
}
