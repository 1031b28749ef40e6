package dev.weft.examples;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Runs flows served by {@code weft serve} from any Vert.x application, over the event bus: copy
 * this class. It depends on vertx-core only; to reach Weft nodes on other machines, build your
 * Vert.x instance clustered with the same cluster manager (Hazelcast, same members) as the nodes.
 *
 * <pre>{@code
 * WeftClient weft = new WeftClient(vertx, 5_000);
 * weft.run("hello", new JsonObject().put("name", "World"))
 *     .onSuccess(out -> System.out.println(out.getString("greeting")))
 *     .onFailure(e -> {
 *       if (e instanceof WeftClient.FlowFailure f) {  // the flow ran and failed, or its input was bad
 *         System.err.println(f.status() + " " + f.problem().getString("detail"));
 *       }
 *     });
 * }</pre>
 *
 * <p>The contract (docs/serve.md): the request is a JSON object of inputs in Weft's value mapping,
 * sent to {@code weft.flow.{name}}; the reply is the output object. A failure is a {@link
 * ReplyException} whose {@code failureCode()} is the HTTP status of the same failure (400 bad
 * input, 500 trap, 502 host, 503 busy or shutting down, 504 timeout) and whose message is the
 * RFC 9457 problem JSON. No node serving the flow is {@link ReplyFailure#NO_HANDLERS}; no answer
 * within the timeout is {@link ReplyFailure#TIMEOUT}.
 *
 * <p>Thread-safe; the futures complete on the caller's context.
 */
public final class WeftClient {
  /** The event-bus address of flow {@code name}; the same as {@code dev.weft.server.Addresses}. */
  public static String address(String flow) {
    return "weft.flow." + flow;
  }

  private final Vertx vertx;
  private final DeliveryOptions delivery;

  /**
   * @param timeoutMillis how long to wait for a reply; past it the request fails with {@link
   *     ReplyFailure#TIMEOUT}
   */
  public WeftClient(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMillis);
  }

  /**
   * Runs flow {@code flow} with {@code input} on one of the nodes serving it.
   *
   * @return the output; or fails with a {@link FlowFailure} (the flow failed or refused the
   *     input), or the event bus's own {@link ReplyException} (no handlers, timeout)
   */
  public Future<JsonObject> run(String flow, JsonObject input) {
    return vertx.eventBus()
        .<JsonObject>request(address(flow), input, delivery)
        .map(Message::body)
        .recover(e -> Future.failedFuture(FlowFailure.from(e)));
  }

  /** A failure reported by Weft: its status and problem details. */
  public static final class FlowFailure extends RuntimeException {
    private final int status;
    private final transient JsonObject problem;

    FlowFailure(int status, JsonObject problem) {
      super(status + " " + problem.getString("title", "") + ": " + problem.getString("detail", ""));
      this.status = status;
      this.problem = problem;
    }

    /** The HTTP status of the same failure (400, 500, 503, 504...). */
    public int status() {
      return status;
    }

    /** The problem details: {@code type, title, status, detail, kind, flow, node, function...}. */
    public JsonObject problem() {
      return problem;
    }

    static Throwable from(Throwable e) {
      if (e instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
        try {
          return new FlowFailure(r.failureCode(), new JsonObject(r.getMessage()));
        } catch (DecodeException notJson) {
          return e; // not a Weft node's answer
        }
      }
      return e;
    }
  }
}
