package dev.weft.engine.host;

import static dev.weft.engine.host.HostCaps.call;
import static dev.weft.engine.host.HostCaps.countVisit;
import static dev.weft.engine.host.HostCaps.err;
import static dev.weft.engine.host.HostCaps.ok;
import static dev.weft.engine.host.HostCaps.recall;
import static dev.weft.engine.host.HostCaps.remember;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Bool;
import dev.weft.wit.value.WitValue.ListValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.U32;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KvStore} must have, checked through the hostcaps guest (so through
 * {@code weft:host/kv} and its typed errors) and, where the guest cannot reach, on the store
 * directly. Each backend runs it from a subclass.
 */
abstract class KvBackendContract {
  static Vertx vertx;

  private KvStore store;
  private HostEnvironment env;
  ComponentInstance guest;
  /** A prefix no other test uses: backends may outlive a test (Redis). */
  String p;

  /** A new store for one test. */
  abstract KvStore newStore(Vertx vertx);

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  @BeforeEach
  void setUp() throws Exception {
    store = newStore(vertx);
    env = HostEnvironment.builder(vertx, HostOptions.defaults().withKvTimeoutMillis(2000)).withKvStore(store).build();
    guest = HostCaps.instance(env, HostCaps.ALL);
    await(store.get("warm", "up")); // connected before the guest's deadlines start
    p = UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  @AfterEach
  void tearDown() throws Exception {
    guest.close();
    env.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void incrementCountsFromZeroPerKey() {
    assertEquals(1, countVisit(guest, p + "ada"));
    assertEquals(2, countVisit(guest, p + "ada"));
    assertEquals(1, countVisit(guest, p + "bob"));
  }

  @Test
  void setGetDeleteRoundTrip() {
    assertEquals(Optional.empty(), recall(guest, p + "k"));
    ok(remember(guest, p + "k", "héllo", Optional.empty()));
    assertEquals(Optional.of("héllo"), recall(guest, p + "k"));
    ok(remember(guest, p + "k", "again", Optional.empty()));
    assertEquals(Optional.of("again"), recall(guest, p + "k"));
    assertEquals(Bool.TRUE, ok(call(guest, "forget", new Str(p + "k"))));
    assertEquals(Bool.FALSE, ok(call(guest, "forget", new Str(p + "k"))));
    assertEquals(Optional.empty(), recall(guest, p + "k"));
  }

  @Test
  void valuesExpireAfterTheirTtl() throws Exception {
    ok(remember(guest, p + "short", "x", Optional.of(150L)));
    ok(remember(guest, p + "long", "y", Optional.of(60_000L)));
    assertEquals(Optional.of("x"), recall(guest, p + "short"));
    Thread.sleep(400);
    assertEquals(Optional.empty(), recall(guest, p + "short"));
    assertEquals(Optional.of("y"), recall(guest, p + "long"));
  }

  @Test
  void incrementKeepsTheTtl() throws Exception {
    await(store.set("visits", p + "n", "5".getBytes(StandardCharsets.US_ASCII), OptionalLong.of(200)));
    assertEquals(6, countVisit(guest, p + "n"));
    Thread.sleep(450);
    assertEquals(1, countVisit(guest, p + "n"));
  }

  @Test
  void incrementOfTextOrPastTheRangeIsNotAnInteger() throws Exception {
    ok(remember(guest, p + "t", "abc", Optional.empty()));
    assertEquals("not-an-integer", err(call(guest, "count-visit", new Str(p + "t"))));
    ok(remember(guest, p + "max", Long.toString(Long.MAX_VALUE), Optional.empty()));
    assertEquals("not-an-integer", err(call(guest, "count-visit", new Str(p + "max"))));
    assertEquals(Optional.of(Long.toString(Long.MAX_VALUE)), recall(guest, p + "max"));
  }

  @Test
  void incrementedValuesReadAsDecimalText() {
    countVisit(guest, p + "c");
    countVisit(guest, p + "c");
    assertEquals(Optional.of("2"), recall(guest, p + "c"));
  }

  private Set<String> keys(String prefix, long limit) {
    WitValue v = ok(call(guest, "list-keys", new Str(prefix), new U32(limit)));
    return ((ListValue) v).elements().stream().map(e -> ((Str) e).value()).collect(Collectors.toSet());
  }

  @Test
  void keysByPrefixUpToTheLimit() {
    for (String k : List.of("a1", "a2", "a3", "b1")) {
      ok(remember(guest, p + k, "v", Optional.empty()));
    }
    assertEquals(Set.of(p + "a1", p + "a2", p + "a3"), keys(p + "a", 100));
    Set<String> two = keys(p + "a", 2);
    assertEquals(2, two.size());
    assertTrue(Set.of(p + "a1", p + "a2", p + "a3").containsAll(two), two.toString());
    assertEquals(Set.of(), keys(p + "zz", 100));
  }

  @Test
  void prefixesMatchLiterallyNotAsPatterns() {
    for (String k : List.of("x*1", "x?2", "x[3]", "xa4")) {
      ok(remember(guest, p + k, "v", Optional.empty()));
    }
    assertEquals(Set.of(p + "x*1"), keys(p + "x*", 100));
    assertEquals(Set.of(p + "x[3]"), keys(p + "x[", 100));
  }

  @Test
  void aLimitOverTheMaximumIsAnInvalidArgument() {
    assertEquals("invalid-argument: limit must be at most 10000",
        err(call(guest, "list-keys", new Str(p), new U32(10_001))));
  }

  @Test
  void bucketsDoNotShareKeys() throws Exception {
    await(store.set("other", p + "k", new byte[] {1}, OptionalLong.empty()));
    assertEquals(Optional.empty(), recall(guest, p + "k"));
    assertEquals(List.of(p + "k"), await(store.keys("other", p, 10)));
  }

  @Test
  void bucketsNotGrantedAreDenied() {
    assertEquals("access-denied: other", err(call(guest, "recall-from", new Str("other"), new Str("k"))));
  }

  @Test
  void anEmptyKeyIsAnInvalidArgument() {
    assertEquals("invalid-argument: the key is empty", err(call(guest, "recall", new Str(""))));
  }

  @Test
  void valuesAreArbitraryBytes() throws Exception {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    await(store.set("visits", p + "bin", all, OptionalLong.empty()));
    assertArrayEquals(all, await(store.get("visits", p + "bin")).orElseThrow());
  }

  @Test
  void manyCallersFromManyThreadsEachGetTheirOwnAnswer() throws Exception {
    // Commands of many threads share connections (Redis pipelines them): no reply may reach the
    // wrong caller.
    int n = 2000;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Future<Void>>> sets = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        sets.add(pool.submit(() -> store.set("many", p + k, Integer.toString(k).getBytes(StandardCharsets.US_ASCII),
            OptionalLong.empty())));
      }
      for (java.util.concurrent.Future<Future<Void>> f : sets) {
        await(f.get(10, TimeUnit.SECONDS));
      }
      List<java.util.concurrent.Future<Future<Optional<byte[]>>>> gets = new java.util.ArrayList<>();
      List<java.util.concurrent.Future<Future<Long>>> incs = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        int k = i;
        gets.add(pool.submit(() -> store.get("many", p + k)));
        incs.add(pool.submit(() -> store.increment("many", p + k, k)));
      }
      for (int i = 0; i < n; i++) {
        byte[] got = await(gets.get(i).get(10, TimeUnit.SECONDS)).orElseThrow();
        String v = new String(got, StandardCharsets.US_ASCII);
        // The get and the increment race: the get sees k or 2k, never another key's value.
        assertTrue(v.equals(Integer.toString(i)) || v.equals(Integer.toString(2 * i)), i + " read " + v);
        assertEquals(2L * i, await(incs.get(i).get(10, TimeUnit.SECONDS)));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
