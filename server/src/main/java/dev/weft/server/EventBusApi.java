package dev.weft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event-bus front: every served flow consumes {@code weft.flow.{name}} ({@link Addresses}).
 * A request is a JSON object of inputs ({@link JsonObject}, or the same as a JSON string or
 * buffer); the reply is the output as a {@link JsonObject}. A failure is a {@code ReplyException}
 * whose failure code is the HTTP status of the same failure (400, 404, 500, 503, 504) and whose
 * message is the problem-details JSON. In a cluster, Vert.x delivers each request to one of the
 * nodes serving the flow, round robin.
 *
 * <p>Consumers are registered on the event loop of the context that calls {@link #sync()}.
 */
final class EventBusApi {
  private final Vertx vertx;
  private final FlowRuns runs;
  private final Map<String, MessageConsumer<Object>> consumers = new ConcurrentHashMap<>();

  EventBusApi(Vertx vertx, FlowRuns runs) {
    this.vertx = vertx;
    this.runs = runs;
  }

  /** Consumes the address of every served flow not consumed yet; completes once registered. */
  Future<Void> sync() {
    List<Future<Void>> registered = new ArrayList<>();
    for (String name : runs.registry().names()) {
      consumers.computeIfAbsent(name, n -> {
        MessageConsumer<Object> c = vertx.eventBus().consumer(Addresses.flow(n), m -> handle(n, m));
        registered.add(c.completion());
        return c;
      });
    }
    return Future.all(registered).mapEmpty();
  }

  /** Stops consuming, so a cluster sends new requests to the other nodes. */
  Future<Void> close() {
    List<Future<Void>> done = new ArrayList<>();
    consumers.values().forEach(c -> done.add(c.unregister()));
    consumers.clear();
    return Future.join(done).mapEmpty();
  }

  private void handle(String name, Message<Object> message) {
    JsonNode input;
    try {
      input = parse(message.body());
    } catch (BadInput e) {
      fail(message, Problems.of(e, name));
      return;
    }
    runs.run(name, input)
        .onSuccess(r -> message.reply(Json.toVertx(r.toJson())))
        .onFailure(e -> fail(message, Problems.of(e, name)));
  }

  private static JsonNode parse(Object body) {
    try {
      if (body instanceof JsonObject o) {
        return Json.fromVertx(o);
      }
      if (body instanceof String s) {
        return Json.parse(s);
      }
      if (body instanceof Buffer b) {
        return Json.parse(b.toString(StandardCharsets.UTF_8));
      }
    } catch (JsonProcessingException e) {
      throw BadInput.json("the message is not valid JSON: " + e.getOriginalMessage());
    }
    throw BadInput.shape("the message must be a JSON object of inputs (a JsonObject), found "
        + (body == null ? "null" : body.getClass().getSimpleName()));
  }

  private static void fail(Message<Object> message, Problem p) {
    message.fail(p.status(), p.toJson().toString());
  }
}
