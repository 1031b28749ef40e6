package dev.weft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.server.schema.OpenApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The HTTP API, as a Vert.x Web router: {@code POST /flows/{name}}, {@code GET /flows}, {@code
 * GET /flows/{name}}, the routes flows declare, {@code /openapi.json}, {@code /health/live},
 * {@code /health/ready} and {@code /metrics}. Every error is a problem-details JSON body.
 * Handlers run on the event loop and never block: runs are futures from {@link FlowRuns}.
 */
final class HttpApi {
  private final FlowRuns runs;
  private final PrometheusMeterRegistry metrics;
  private final long maxBody;
  private final BooleanSupplier ready;
  private final String version;

  HttpApi(FlowRuns runs, PrometheusMeterRegistry metrics, long maxBody, BooleanSupplier ready, String version) {
    this.runs = runs;
    this.metrics = metrics;
    this.maxBody = maxBody;
    this.ready = ready;
    this.version = version;
  }

  Router router(Vertx vertx) {
    Router router = Router.router(vertx);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBody);
    router.get("/health/live").handler(ctx -> status(ctx, 200, "UP"));
    router.get("/health/ready").handler(ctx -> ready(ctx));
    router.get("/health").handler(ctx -> ready(ctx));
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics));
    router.get("/openapi.json").handler(ctx -> json(ctx, 200, OpenApi.document(
        runs.registry().all().stream().map(f -> f.flow().graph()).toList(), version)));
    router.get("/flows").handler(this::list);
    router.get("/flows/:name").handler(this::describe);
    router.post("/flows/:name").handler(body).handler(this::run);
    router.route().handler(body).handler(this::declared);
    router.route().failureHandler(this::failure);
    return router;
  }

  private void run(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    JsonNode input;
    try {
      input = parse(ctx.body().buffer());
    } catch (BadInput e) {
      problem(ctx, Problems.of(e, name));
      return;
    }
    runs.run(name, input)
        .onSuccess(r -> json(ctx, 200, r.toJson()))
        .onFailure(e -> problem(ctx, Problems.of(e, name)));
  }

  private static JsonNode parse(Buffer body) {
    if (body == null || body.length() == 0) {
      throw BadInput.json("the request body is empty; send a JSON object of inputs");
    }
    try {
      return Json.parse(body.toString(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw BadInput.json("the request body is not valid JSON: " + e.getOriginalMessage()
          + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    }
  }

  private void declared(RoutingContext ctx) {
    String method = ctx.request().method().name();
    String path = ctx.request().path();
    RouteTable routes = runs.registry().routes();
    RouteTable.Match m = routes.match(method, path).orElse(null);
    if (m == null) {
      if (routes.hasPath(path)) {
        problem(ctx, Problem.of("method-not-allowed", "Method not allowed", 405,
            "`" + path + "` does not take " + method));
      } else {
        problem(ctx, Problem.of("not-found", "Not found", 404, "nothing is served at `" + path
            + "`; flows run at POST /flows/{name}, see GET /flows").with("flows", runs.registry().names()));
      }
      return;
    }
    ObjectNode input;
    try {
      input = DeclaredRoutes.input(m, ctx);
    } catch (BadInput e) {
      problem(ctx, Problems.of(e, m.flow()));
      return;
    }
    runs.run(m.flow(), input).onComplete(ar -> {
      if (ar.succeeded()) {
        DeclaredRoutes.respond(m.route(), ar.result(), ctx);
      } else {
        problem(ctx, Problems.of(ar.cause(), m.flow()));
      }
    });
  }

  private void list(RoutingContext ctx) {
    ArrayNode flows = Json.MAPPER.createArrayNode();
    runs.registry().all().forEach(f -> flows.add(FlowDescriptions.summary(f.flow().graph())));
    ObjectNode o = Json.object();
    o.set("flows", flows);
    json(ctx, 200, o);
  }

  private void describe(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    runs.registry().get(name).ifPresentOrElse(
        f -> json(ctx, 200, FlowDescriptions.detail(f.flow().graph())),
        () -> problem(ctx, new NoSuchFlow(name, runs.registry().names()).problem()));
  }

  private void ready(RoutingContext ctx) {
    boolean ok = ready.getAsBoolean();
    status(ctx, ok ? 200 : 503, ok ? "UP" : "DOWN");
  }

  private void status(RoutingContext ctx, int code, String status) {
    ObjectNode o = Json.object().put("status", status);
    o.put("flows", runs.registry().names().size());
    json(ctx, code, o);
  }

  private void failure(RoutingContext ctx) {
    int code = ctx.statusCode();
    if (code == 413) {
      problem(ctx, Problem.of("body-too-large", "Request body too large", 413,
          "the request body is larger than " + maxBody + " bytes (--max-body)").with("limit", maxBody));
    } else if (code >= 400 && code < 500) {
      problem(ctx, Problem.of("bad-request", "Bad request", code, "the request was refused (" + code + ")"));
    } else {
      Throwable t = ctx.failure();
      problem(ctx, Problem.of("internal", "Internal error", 500, t == null ? "unexpected failure" : String.valueOf(t.getMessage())));
    }
  }

  static void json(RoutingContext ctx, int status, JsonNode body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(Json.buffer(body));
  }

  static void problem(RoutingContext ctx, Problem p) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return; // the client went away; nothing to tell it
    }
    if (p.status() == 503) {
      ctx.response().putHeader("retry-after", "1");
    }
    ctx.response().setStatusCode(p.status()).putHeader("content-type", Problem.MEDIA_TYPE)
        .end(Json.buffer(p.toJson()));
  }
}
