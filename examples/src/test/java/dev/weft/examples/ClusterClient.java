package dev.weft.examples;

import dev.weft.server.Cluster;
import dev.weft.server.ClusterOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A clustered Vert.x instance in the test JVM, joining the Weft nodes as one more member. */
final class ClusterClient {
  private ClusterClient() {}

  static Vertx join(int port, List<String> members) throws Exception {
    ClusterOptions mine = new ClusterOptions("127.0.0.1", port, members);
    return Vertx.builder().with(Cluster.eventBus(new VertxOptions(), mine))
        .withClusterManager(Cluster.manager(mine)).buildClustered()
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static void close(Vertx vertx) {
    if (vertx != null) {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the test is over; a slow leave must not hide its result
      }
    }
  }
}
