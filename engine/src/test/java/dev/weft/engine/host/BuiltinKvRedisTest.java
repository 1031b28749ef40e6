package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.Engine;
import dev.weft.engine.EngineOptions;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.LoadedFlow;
import dev.weft.engine.RunException;
import dev.weft.engine.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in KV nodes on a real {@code redis-server} started on a free loopback port (skipped,
 * saying so, when it is not installed); and Redis going away under running flows: a host error
 * that a fallback handles, a retry that succeeds once Redis is back, and a frozen Redis that costs
 * each waiting node its deadline but holds no worker thread.
 */
class BuiltinKvRedisTest extends BuiltinKvContract {
  static final long KV_TIMEOUT_MS = 500;
  static RedisServer redis;
  static Engine engine;

  @BeforeAll
  static void start() throws Exception {
    Optional<Path> bin = RedisServer.binary();
    if (bin.isEmpty()) {
      System.err.println("BuiltinKvRedisTest: redis-server not found on the PATH, Redis built-in node tests skipped");
    }
    assumeTrue(bin.isPresent(), "redis-server is not installed (apt-get install -y redis-server): Redis built-in node tests skipped");
    redis = RedisServer.start(bin.get());
    // One worker thread: the tests below show that nodes waiting on Redis do not take it.
    engine = Engine.create(EngineOptions.defaults().withWorkerThreads(1).withDefaultPoolMax(1)
        .withHost(HostOptions.defaults().withRedisUrl(Optional.of(redis.url())).withKvTimeoutMillis(KV_TIMEOUT_MS)));
    // Connected before any deadline counts: a cold client may take longer than KV_TIMEOUT_MS.
    engine.host().kv().get("warm", "up").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (engine != null) {
      engine.close();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  @Override
  Engine engine() {
    return engine;
  }

  @Test
  void keysAreRedisKeysUnderTheWeftPrefix() throws Exception {
    String k = unique();
    LoadedFlow f = flow(
        "flow: prefix",
        "input: { k: string }",
        "nodes:",
        "  n: { call: kv.increment, with: { bucket: visits, key: $input.k, delta: 7 } }",
        "output: { n: $n }");
    run(f, "{\"k\": \"" + k + "\"}");
    // Read back through a second client of the same Redis: the value is Redis's INCRBY text.
    KvStore other = RedisKvStore.connect(engine.vertx(), redis.url(), 1, 2000);
    try {
      assertEquals("7", new String(other.get("visits", k).toCompletionStage().toCompletableFuture()
          .get(5, TimeUnit.SECONDS).orElseThrow(), java.nio.charset.StandardCharsets.US_ASCII));
    } finally {
      other.close();
    }
  }

  @Test
  void redisKilledMidRunIsAHostErrorAFallbackAndARetryThatSucceedsWhenItIsBack() throws Exception {
    String k = unique();
    LoadedFlow plain = flow(
        "flow: plain",
        "input: { k: string }",
        "nodes:",
        "  n: { call: kv.increment, with: { bucket: b, key: $input.k, delta: 1 } }",
        "output: { n: $n }");
    LoadedFlow fallback = flow(
        "flow: fallback",
        "input: { k: string }",
        "nodes:",
        "  n: { call: kv.increment, with: { bucket: b, key: $input.k, delta: 1 }, fallback: -1 }",
        "output: { n: $n }");
    LoadedFlow retry = flow(
        "flow: retry",
        "input: { k: string }",
        "nodes:",
        "  n: { call: kv.increment, with: { bucket: b, key: $input.k, delta: 1 }, retry: { attempts: 8, backoff: 100ms } }",
        "output: { n: $n }");
    String in = "{\"k\": \"" + k + "\"}";
    assertEquals(1, json(plain, in).get("n").asLong());
    redis.kill();
    try {
      long t0 = System.nanoTime();
      RunException e = failure(plain, in);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertEquals(ErrorKind.HOST, e.kind());
      assertEquals("kv.increment", e.function().orElseThrow());
      assertTrue(e.detail().startsWith("unavailable: ") || e.detail().equals("timeout"), e.detail());
      assertTrue(ms < KV_TIMEOUT_MS + 1000, "took " + ms + " ms");
      assertEquals(-1, json(fallback, in).get("n").asLong());
      // A run that retries while Redis is down, and succeeds once it is back.
      CompletableFuture<RunResult> retried =
          engine.run(retry, JSON.readTree(in)).toCompletionStage().toCompletableFuture();
      Thread.sleep(250);
      assertTrue(!retried.isDone(), "still retrying");
      redis.restart();
      // Without persistence the counter starts again.
      assertEquals(1, JSON.readTree(retried.get(20, TimeUnit.SECONDS).toJson().toString()).get("n").asLong());
    } finally {
      if (!redisAlive()) {
        redis.restart();
      }
    }
    assertEquals(2, json(plain, in).get("n").asLong());
  }

  private static boolean redisAlive() {
    try {
      engine.host().kv().get("alive", "x").toCompletionStage().toCompletableFuture().get(2, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void aFrozenRedisCostsEachNodeItsDeadlineAndHoldsNoWorker() throws Exception {
    String k = unique();
    LoadedFlow read = flow(
        "flow: read",
        "input: { k: string }",
        "nodes:",
        "  v: { call: kv.get, with: { bucket: b, key: $input.k } }",
        "output: { v: $v }");
    LoadedFlow wasm = flow(
        "flow: hello",
        "components: { greet: '@greet/greet.wasm' }",
        "nodes:",
        "  hi: { call: greet.greet, with: { name: Ada } }",
        "output: { hi: $hi }");
    run(wasm, "{}"); // compiled and warm
    redis.freeze();
    try {
      long t0 = System.nanoTime();
      List<CompletableFuture<RunResult>> waiting = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        waiting.add(engine.run(read, JSON.readTree("{\"k\": \"" + k + "\"}")).toCompletionStage().toCompletableFuture());
      }
      // The engine's only worker thread is free: a Wasm run completes while the KV nodes wait.
      JsonNode hi = json(wasm, "{}");
      long wasmMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertEquals("Hello, Ada!", hi.get("hi").asText());
      assertTrue(wasmMs < KV_TIMEOUT_MS, "the Wasm run took " + wasmMs + " ms");
      assertTrue(waiting.stream().noneMatch(CompletableFuture::isDone), "the KV runs are still waiting");
      for (CompletableFuture<RunResult> w : waiting) {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
            () -> w.get(KV_TIMEOUT_MS + 2000, TimeUnit.MILLISECONDS));
        RunException r = (RunException) e.getCause();
        assertEquals(ErrorKind.HOST, r.kind());
        assertEquals("timeout", r.detail());
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertTrue(ms >= KV_TIMEOUT_MS - 50 && ms < KV_TIMEOUT_MS + 1500, "took " + ms + " ms");
    } finally {
      redis.thaw();
    }
    Thread.sleep(100);
    assertTrue(json(read, "{\"k\": \"" + k + "\"}").get("v").isNull());
  }
}
