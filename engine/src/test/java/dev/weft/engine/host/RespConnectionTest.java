package dev.weft.engine.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.NetClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipelined Redis connection on a real {@code redis-server} (skipped without one): the
 * commands of one event-loop turn go out in one write and each gets its own reply, errors
 * included; the URL's password and database are used.
 */
class RespConnectionTest {
  static Path binary;
  static RedisServer redis;
  static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    Optional<Path> bin = RedisServer.binary();
    assumeTrue(bin.isPresent(), "redis-server is not installed (apt-get install -y redis-server): skipped");
    binary = bin.get();
    redis = RedisServer.start(binary);
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

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void theCommandsOfOneTurnGoOutInOneWriteAndEachGetsItsReply() throws Exception {
    ContextInternal loop = ((VertxInternal) vertx).createEventLoopContext();
    NetClient client = vertx.createNetClient();
    RedisAddress address = RedisAddress.parse(redis.url());
    CompletableFuture<RespConnection> connected = new CompletableFuture<>();
    loop.runOnContext(v -> RespConnection.connect(client, address, loop, 4096, e -> (RuntimeException) e)
        .onComplete(ar -> connected.complete(ar.result())));
    RespConnection c = connected.get(10, TimeUnit.SECONDS);
    CompletableFuture<List<Future<Object>>> sent = new CompletableFuture<>();
    loop.runOnContext(v -> {
      List<Future<Object>> replies = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        replies.add(c.send(Function.identity(), "SET", "resp:" + i, "v" + i));
      }
      replies.add(c.send(Function.identity(), "INCRBY", "resp:7", 1L)); // "v7" is no integer
      replies.add(c.send(Function.identity(), "GET", "resp:99"));
      replies.add(c.send(Function.identity(), "INCRBY", "resp:n", 5L));
      sent.complete(replies);
    });
    List<Future<Object>> replies = sent.get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 100; i++) {
      assertEquals("OK", await(replies.get(i)));
    }
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> await(replies.get(100)));
    assertInstanceOf(RespReader.RespError.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("not an integer"), e.getCause().getMessage());
    assertArrayEquals("v99".getBytes(StandardCharsets.UTF_8), (byte[]) await(replies.get(101)));
    assertEquals(5L, await(replies.get(102)));
    CompletableFuture<Long> writes = new CompletableFuture<>();
    loop.runOnContext(v -> writes.complete(c.writes()));
    assertEquals(1L, writes.get(10, TimeUnit.SECONDS), "103 commands sent in one turn, written in one call");
    c.close();
    await(client.close());
  }

  @Test
  void thePasswordAndDatabaseOfTheUrlAreUsed() throws Exception {
    RedisServer locked = RedisServer.start(binary, "--requirepass", "s3cret");
    String base = locked.url().substring("redis://".length());
    KvStore db3 = RedisKvStore.connect(vertx, "redis://:s3cret@" + base + "/3", 4, 1000);
    KvStore db0 = RedisKvStore.connect(vertx, "redis://:s3cret@" + base, 4, 1000);
    KvStore wrong = RedisKvStore.connect(vertx, "redis://:nope@" + base, 4, 1000);
    KvStore none = RedisKvStore.connect(vertx, locked.url(), 4, 1000);
    try {
      await(db3.set("b", "k", "in three".getBytes(StandardCharsets.UTF_8), OptionalLong.empty()));
      assertArrayEquals("in three".getBytes(StandardCharsets.UTF_8), await(db3.get("b", "k")).orElseThrow());
      assertEquals(Optional.empty(), await(db0.get("b", "k")).map(String::new));
      ExecutionException bad = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> await(wrong.get("b", "k")));
      KvException k = assertInstanceOf(KvException.class, bad.getCause());
      assertEquals(KvException.Kind.UNAVAILABLE, k.kind());
      assertTrue(k.getMessage().startsWith("redis: WRONGPASS"), k.getMessage());
      ExecutionException anonymous = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> await(none.get("b", "k")));
      assertTrue(anonymous.getCause().getMessage().startsWith("redis: NOAUTH"), anonymous.getCause().getMessage());
    } finally {
      for (KvStore s : List.of(db3, db0, wrong, none)) {
        await(s.close());
      }
      locked.stop();
    }
  }

  @Test
  void aMalformedUrlFailsEachCallSayingWhy() throws Exception {
    KvStore s = RedisKvStore.connect(vertx, "redis://host/zero", 4, 1000);
    try {
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> await(s.get("b", "k")));
      assertTrue(e.getCause().getMessage().contains("the database after the host must be a number"), e.getCause().getMessage());
    } finally {
      await(s.close());
    }
  }
}
