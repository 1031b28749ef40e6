package dev.weft.engine.host;

import static dev.weft.engine.host.HostCaps.call;
import static dev.weft.engine.host.HostCaps.countVisit;
import static dev.weft.engine.host.HostCaps.err;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.wit.value.WitValue.Str;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis going away under a running guest: a crash is a typed {@code unavailable} (or {@code
 * timeout}) error, a frozen Redis a {@code timeout} within the deadline, never a hang; and calls
 * work again once Redis is back.
 */
class RedisOutageTest {
  static final long TIMEOUT_MS = 500;
  static RedisServer redis;
  static Vertx vertx;
  HostEnvironment env;

  @BeforeAll
  static void start() throws Exception {
    Optional<Path> bin = RedisServer.binary();
    assumeTrue(bin.isPresent(), "redis-server is not installed (apt-get install -y redis-server): Redis outage tests skipped");
    redis = RedisServer.start(bin.get());
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    if (redis != null) {
      redis.stop();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    env = HostEnvironment.builder(vertx,
            HostOptions.defaults().withRedisUrl(Optional.of(redis.url())).withKvTimeoutMillis(TIMEOUT_MS)
                .withMaxBlockedCalls(2))
        .build();
    // Connected before the clock starts: a cold client may take longer than TIMEOUT_MS.
    env.kv().get("warm", "up").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    env.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void aCrashedRedisIsATypedErrorAndCallsWorkAfterItRestarts() throws Exception {
    try (ComponentInstance guest = HostCaps.instance(env, HostCaps.ALL)) {
      assertEquals(1, countVisit(guest, "crash"));
      redis.kill();
      try {
        long t0 = System.nanoTime();
        String e = err(call(guest, "count-visit", new Str("crash")));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(e.startsWith("unavailable: ") || e.equals("timeout"), e);
        assertTrue(ms < TIMEOUT_MS + 1000, "took " + ms + " ms");
      } finally {
        redis.restart();
      }
      // Without persistence the counter starts again.
      assertEquals(1, countVisit(guest, "crash"));
      assertEquals(2, countVisit(guest, "crash"));
    }
  }

  @Test
  void aFrozenRedisIsATimeoutWithinTheDeadline() throws Exception {
    try (ComponentInstance guest = HostCaps.instance(env, HostCaps.ALL)) {
      long before = countVisit(guest, "frozen");
      redis.freeze();
      try {
        long t0 = System.nanoTime();
        assertEquals("timeout", err(call(guest, "count-visit", new Str("frozen"))));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms >= TIMEOUT_MS - 50 && ms < TIMEOUT_MS + 1000, "took " + ms + " ms");
      } finally {
        redis.thaw();
      }
      Thread.sleep(200);
      // The frozen INCRBY ran when Redis woke up, so the count moved by two.
      assertEquals(before + 2, countVisit(guest, "frozen"));
    }
  }

  @Test
  void atMostMaxBlockedThreadsWaitOnAFrozenRedis() throws Exception {
    int callers = 6;
    List<ComponentInstance> guests = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      guests.add(HostCaps.instance(env, HostCaps.ALL));
    }
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    redis.freeze();
    try {
      long t0 = System.nanoTime();
      List<Future<String>> results = new ArrayList<>();
      for (ComponentInstance g : guests) {
        results.add(pool.submit(() -> err(call(g, "count-visit", new Str("bounded")))));
      }
      Thread.sleep(TIMEOUT_MS / 2);
      assertEquals(0, env.calls().freeSlots(), "both slots taken");
      List<String> errors = new ArrayList<>();
      for (Future<String> r : results) {
        errors.add(r.get(5, TimeUnit.SECONDS));
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      // Two callers waited out the deadline; the others gave up waiting for a slot after 50 ms.
      assertEquals(2, errors.stream().filter("timeout"::equals).count(), errors.toString());
      assertEquals(4, errors.stream().filter("unavailable: host busy: 2 calls already waiting"::equals).count(),
          errors.toString());
      assertTrue(ms < TIMEOUT_MS + 1000, "took " + ms + " ms");
      assertEquals(2, env.calls().freeSlots());
    } finally {
      redis.thaw();
      pool.shutdownNow();
      guests.forEach(ComponentInstance::close);
    }
  }
}
