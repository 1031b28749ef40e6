package dev.weft.server.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.flows.http.HttpRoute;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowInput;
import dev.weft.flows.model.FlowOutput;
import dev.weft.flows.model.InputConstraints;
import java.util.Collection;
import java.util.Locale;

/**
 * The OpenAPI 3.1 document of a set of flows: {@code POST /flows/{name}} for each, every declared
 * route with its parameters and body, and the problem-details errors. Schemas come from the
 * flows' WIT types through {@link JsonSchemas}.
 */
public final class OpenApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String PROBLEM = "#/components/schemas/Problem";

  private OpenApi() {}

  /** The document for {@code flows}. */
  public static ObjectNode document(Collection<FlowGraph> flows, String version) {
    ObjectNode doc = F.objectNode().put("openapi", "3.1.0");
    doc.set("info", F.objectNode().put("title", "Weft flows").put("version", version)
        .put("description", "Flows of WIT-typed WebAssembly components; values follow Weft's JSON mapping"));
    ObjectNode paths = F.objectNode();
    ObjectNode list = F.objectNode();
    list.set("get", F.objectNode().put("summary", "The served flows with their typed inputs and outputs")
        .put("operationId", "listFlows").set("responses", F.objectNode().set("200", json("the flows", F.objectNode().put("type", "object")))));
    paths.set("/flows", list);
    for (FlowGraph g : flows) {
      paths.set("/flows/" + g.name(), F.objectNode().set("post", run(g)));
      g.http().ifPresent(r -> {
        ObjectNode item = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
        item.set(r.method().toLowerCase(Locale.ROOT), route(g, r));
      });
    }
    doc.set("paths", paths);
    ObjectNode problem = F.objectNode().put("type", "object").put("description", "RFC 9457 problem details");
    ObjectNode props = problem.putObject("properties");
    for (String s : new String[] {"type", "title", "detail", "kind", "flow", "node", "component", "function", "input", "path", "expected"}) {
      props.set(s, F.objectNode().put("type", "string"));
    }
    props.set("status", F.objectNode().put("type", "integer"));
    problem.set("required", F.arrayNode().add("type").add("title").add("status").add("detail"));
    doc.set("components", F.objectNode().set("schemas", F.objectNode().set("Problem", problem)));
    return doc;
  }

  private static ObjectNode run(FlowGraph g) {
    ObjectNode op = F.objectNode().put("operationId", "run-" + g.name())
        .put("summary", g.description().orElse("Runs flow `" + g.name() + "`"))
        .put("x-wit-signature", FlowSchemas.signature(g));
    op.set("requestBody", F.objectNode().put("required", true)
        .set("content", F.objectNode().set("application/json", F.objectNode().set("schema", FlowSchemas.input(g)))));
    ObjectNode responses = json("the flow's output", FlowSchemas.output(g));
    op.set("responses", errors(F.objectNode().<ObjectNode>set("200", responses), true));
    return op;
  }

  /** The constraints of the input a route parameter feeds. */
  private static InputConstraints constraints(FlowGraph g, HttpRoute.Param p) {
    return g.input(p.input()).map(FlowInput::constraints).orElse(InputConstraints.NONE);
  }

  private static ObjectNode route(FlowGraph g, HttpRoute r) {
    ObjectNode op = F.objectNode().put("operationId", "route-" + g.name())
        .put("summary", g.description().orElse("Runs flow `" + g.name() + "`"));
    ArrayNode params = F.arrayNode();
    for (HttpRoute.Param p : r.params()) {
      if (p.part() == HttpRoute.Part.BODY) {
        String media = bodyMedia(p);
        ObjectNode schema = FlowSchemas.constrained(media.equals("application/json") ? FlowSchemas.described(p.type())
            : F.objectNode().put("type", "string").put("x-wit-type", FlowSchemas.wit(p.type())), constraints(g, p));
        op.set("requestBody", F.objectNode().put("required", !p.optional())
            .set("content", F.objectNode().set(media, F.objectNode().set("schema", schema))));
        continue;
      }
      params.add(F.objectNode().put("name", p.key()).put("in", p.part().name().toLowerCase(Locale.ROOT))
          .put("required", p.part() == HttpRoute.Part.PATH || !p.optional())
          .set("schema", FlowSchemas.constrained(FlowSchemas.described(p.type()), constraints(g, p))));
    }
    op.set("parameters", params);
    ObjectNode ok = F.objectNode().put("description", "the flow's output");
    ObjectNode schema = switch (r.body().mode()) {
      case JSON_OUTPUT -> FlowSchemas.output(g);
      case JSON_FIELD -> FlowSchemas.described(field(g, r.body().field().orElseThrow()).value().type());
      case BYTES -> F.objectNode().put("type", "string").put("format", "binary");
      case TEXT -> F.objectNode().put("type", "string");
    };
    ok.set("content", F.objectNode().set(r.body().contentType(), F.objectNode().set("schema", schema)));
    op.set("responses", errors(F.objectNode().<ObjectNode>set(String.valueOf(r.status()), ok), false));
    return op;
  }

  private static String bodyMedia(HttpRoute.Param p) {
    String wit = FlowSchemas.wit(p.type());
    return wit.equals("list<u8>") ? "application/octet-stream" : wit.equals("string") ? "text/plain" : "application/json";
  }

  private static FlowOutput field(FlowGraph g, String name) {
    return g.outputs().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  private static ObjectNode json(String description, ObjectNode schema) {
    return F.objectNode().put("description", description)
        .set("content", F.objectNode().set("application/json", F.objectNode().set("schema", schema)));
  }

  private static ObjectNode errors(ObjectNode responses, boolean byName) {
    String[][] errors = {
      {"400", "malformed JSON, or an input that does not fit its WIT type"},
      {"404", byName ? "no such flow" : "not found"},
      {"413", "the request body is too large"},
      {"500", "the component trapped"},
      {"503", "a component's pool is busy, or the server is shutting down"},
      {"504", "the run timed out"},
    };
    for (String[] e : errors) {
      responses.set(e[0], F.objectNode().put("description", e[1]).set("content",
          F.objectNode().set("application/problem+json", F.objectNode().set("schema", F.objectNode().put("$ref", PROBLEM)))));
    }
    return responses;
  }
}
