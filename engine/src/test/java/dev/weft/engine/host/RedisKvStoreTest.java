package dev.weft.engine.host;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The KV contract on a real {@code redis-server} that the test starts on a free loopback port;
 * skipped, saying so, when {@code redis-server} is not installed.
 */
class RedisKvStoreTest extends KvBackendContract {
  static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    Optional<Path> bin = RedisServer.binary();
    if (bin.isEmpty()) {
      System.err.println("RedisKvStoreTest: redis-server not found on the PATH, Redis KV tests skipped");
    }
    assumeTrue(bin.isPresent(), "redis-server is not installed (apt-get install -y redis-server): Redis KV tests skipped");
    redis = RedisServer.start(bin.get());
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.stop();
    }
  }

  @Override
  KvStore newStore(Vertx vertx) {
    return RedisKvStore.connect(vertx, redis.url(), 4, 1000);
  }
}
