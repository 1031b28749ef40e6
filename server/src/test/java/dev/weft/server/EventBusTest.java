package dev.weft.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event-bus contract, seen from a separate Vert.x instance that joins the server's cluster
 * (two Hazelcast members on loopback): a JSON object in, the output as the reply, failures as
 * {@link ReplyException}s whose code is the HTTP status and whose message is the problem JSON.
 */
@ExtendWith(VertxExtension.class)
class EventBusTest {
  private static WeftServer server;
  private static Vertx client;
  private static final DeliveryOptions TIMEOUT = new DeliveryOptions().setSendTimeout(10_000);

  @BeforeAll
  static void start() throws Exception {
    int serverPort = Ports.free();
    int clientPort = Ports.free();
    List<String> members = List.of("127.0.0.1:" + serverPort, "127.0.0.1:" + clientPort);
    server = WeftServer.start(Http.options(List.of(Http.FLOWS)).withCluster(
        Optional.of(new ClusterOptions("127.0.0.1", serverPort, members))), s -> {});
    ClusterOptions mine = new ClusterOptions("127.0.0.1", clientPort, members);
    client = Vertx.builder().with(Cluster.eventBus(new io.vertx.core.VertxOptions(), mine))
        .withClusterManager(Cluster.manager(mine)).buildClustered()
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    // the client learns the server's consumers through the cluster: wait until it does
    for (int i = 0; i < 100; i++) {
      Future<?> f = client.eventBus().request(Addresses.flow("hello"), new JsonObject().put("name", "x"), TIMEOUT);
      try {
        f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the client never saw weft.flow.hello");
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (client != null) {
        client.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void aJsonObjectInTheOutputAsTheReply(VertxTestContext ctx) {
    client.eventBus().<JsonObject>request(Addresses.flow("hello"), new JsonObject().put("name", "Bus"), TIMEOUT)
        .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
          assertEquals(new JsonObject().put("greeting", "Hello, Bus!").put("shouted", "HELLO, BUS!").put("length", 11),
              reply.body());
          ctx.completeNow();
        })));
  }

  @Test
  void inputTypeErrorIsCode400WithTheProblem(VertxTestContext ctx) {
    expectFailure(ctx, "hello", new JsonObject().put("name", 5), 400, "urn:weft:problem:bad-input");
  }

  @Test
  void inputOverItsLimitIsCode400NamingTheConstraint(VertxTestContext ctx) {
    client.eventBus().request(Addresses.flow("inc"), new JsonObject().put("who", "Bo").put("x", 5000), TIMEOUT)
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          ReplyException r = assertInstanceOf(ReplyException.class, e);
          assertEquals(400, r.failureCode());
          JsonObject problem = new JsonObject(r.getMessage());
          assertEquals("urn:weft:problem:bad-input", problem.getString("type"));
          assertEquals("x", problem.getString("input"));
          assertEquals("max", problem.getString("constraint"));
          assertEquals(1000, problem.getInteger("limit"));
          ctx.completeNow();
        })));
  }

  @Test
  void trapIsCode500WithTheNode(VertxTestContext ctx) {
    expectFailure(ctx, "trap", new JsonObject(), 500, "urn:weft:problem:trap");
  }

  @Test
  void timeoutIsCode504(VertxTestContext ctx) {
    expectFailure(ctx, "spin", new JsonObject().put("n", 1), 504, "urn:weft:problem:timeout");
  }

  @Test
  void aMessageThatIsNotJsonIsCode400(VertxTestContext ctx) {
    expectFailure(ctx, "hello", "{not json", 400, "urn:weft:problem:malformed-json");
  }

  @Test
  void anAddressNobodyServesHasNoHandlers(VertxTestContext ctx) {
    client.eventBus().request(Addresses.flow("nope"), new JsonObject(), TIMEOUT)
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertEquals(ReplyFailure.NO_HANDLERS, ((ReplyException) e).failureType());
          ctx.completeNow();
        })));
  }

  private static void expectFailure(VertxTestContext ctx, String flow, Object body, int code, String type) {
    client.eventBus().request(Addresses.flow(flow), body, TIMEOUT)
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          ReplyException r = assertInstanceOf(ReplyException.class, e);
          assertEquals(ReplyFailure.RECIPIENT_FAILURE, r.failureType());
          assertEquals(code, r.failureCode());
          JsonObject problem = new JsonObject(r.getMessage());
          assertEquals(type, problem.getString("type"));
          assertEquals(code, problem.getInteger("status"));
          assertEquals(flow, problem.getString("flow"));
          ctx.completeNow();
        })));
  }
}
