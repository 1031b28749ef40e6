package dev.weft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.engine.RunResult;
import dev.weft.flows.http.HttpRoute;
import dev.weft.flows.http.HttpRoute.Param;
import dev.weft.flows.model.FlowOutput;
import dev.weft.wit.model.Kind;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.WitType;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The request and response sides of declared routes: reads each flow input from its part of the
 * request (text parameters parsed to the input's WIT type, the body as bytes, text or JSON), and
 * writes the output as the route says (the whole output or one field as JSON, or one field raw).
 */
final class DeclaredRoutes {
  private DeclaredRoutes() {}

  /** The JSON object of inputs for a matched route; throws {@link BadInput}. */
  static ObjectNode input(RouteTable.Match match, RoutingContext ctx) {
    ObjectNode in = Json.object();
    for (Param p : match.route().params()) {
      Optional<JsonNode> v = switch (p.part()) {
        case QUERY -> Optional.ofNullable(ctx.request().getParam(p.key())).map(s -> text(s, p));
        case PATH -> Optional.ofNullable(match.pathParams().get(p.key()))
            .map(s -> text(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8), p));
        case HEADER -> Optional.ofNullable(ctx.request().getHeader(p.key())).map(s -> text(s, p));
        case BODY -> body(ctx.body().buffer(), p);
      };
      if (v.isPresent()) {
        in.set(p.input(), v.get());
      } else if (!p.optional()) {
        String where = p.part() == HttpRoute.Part.BODY ? "the request body"
            : p.part().name().toLowerCase() + " parameter `" + p.key() + "`";
        throw new BadInput("bad-input", "missing " + where + " (input `" + p.input() + "`, "
            + dev.weft.server.schema.FlowSchemas.wit(p.type()) + ")", Optional.of(p.input()),
            Optional.of("$." + p.input()), Optional.of(dev.weft.server.schema.FlowSchemas.wit(p.type())));
      }
    }
    return in;
  }

  /** A text parameter as the JSON its input type reads: text for strings, parsed otherwise. */
  private static JsonNode text(String s, Param p) {
    WitType t = p.type().structure();
    if (t instanceof OptionType o) {
      t = p.type().table().unalias(o.some());
    }
    Kind k = t.kind();
    if (k == Kind.STRING || k == Kind.CHAR || k == Kind.ENUM) {
      return Json.MAPPER.getNodeFactory().textNode(s);
    }
    try {
      JsonNode n = Json.parse(s);
      return n.isValueNode() ? n : Json.MAPPER.getNodeFactory().textNode(s);
    } catch (JsonProcessingException e) {
      return Json.MAPPER.getNodeFactory().textNode(s); // the type check names the expected type
    }
  }

  private static Optional<JsonNode> body(Buffer body, Param p) {
    if (body == null || body.length() == 0) {
      return Optional.empty();
    }
    String wit = dev.weft.server.schema.FlowSchemas.wit(p.type());
    if (wit.equals("list<u8>")) {
      return Optional.of(Json.MAPPER.getNodeFactory().textNode(Base64.getEncoder().encodeToString(body.getBytes())));
    }
    if (p.type().structure().kind() == Kind.STRING) {
      return Optional.of(Json.MAPPER.getNodeFactory().textNode(body.toString(StandardCharsets.UTF_8)));
    }
    try {
      return Optional.of(Json.parse(body.toString(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException e) {
      throw BadInput.json("the request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** Writes a successful run as the route's response. */
  static void respond(HttpRoute route, RunResult result, RoutingContext ctx) {
    HttpRoute.Body body = route.body();
    ctx.response().setStatusCode(route.status()).putHeader("content-type", body.contentType());
    switch (body.mode()) {
      case JSON_OUTPUT -> ctx.response().end(Json.buffer(result.toJson()));
      case JSON_FIELD -> {
        FlowOutput f = field(result, body.field().orElseThrow());
        WitValue v = result.get(f.name());
        ctx.response().end(Json.buffer(ValueJson.toJson(v, f.value().type().type(), f.value().type().table())));
      }
      case BYTES -> ctx.response().end(Buffer.buffer(bytes((WitValue.ListLike) result.get(body.field().orElseThrow()))));
      case TEXT -> ctx.response().end(((WitValue.Str) result.get(body.field().orElseThrow())).value());
    }
  }

  private static FlowOutput field(RunResult r, String name) {
    return r.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private static byte[] bytes(WitValue.ListLike list) {
    if (list instanceof WitValue.Bytes b) {
      return b.toArray();
    }
    byte[] b = new byte[list.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) ((WitValue.U8) list.get(i)).value();
    }
    return b;
  }
}
