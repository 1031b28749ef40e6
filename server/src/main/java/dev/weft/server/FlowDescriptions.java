package dev.weft.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.flows.graph.GraphRenderer;
import dev.weft.flows.model.FlowGraph;
import dev.weft.server.schema.FlowSchemas;

/** What {@code GET /flows} and {@code GET /flows/{name}} say about a flow. */
final class FlowDescriptions {
  private FlowDescriptions() {}

  /** Name, description, WIT-typed signature, input and output types, run path, address, route. */
  static ObjectNode summary(FlowGraph g) {
    ObjectNode o = Json.object().put("name", g.name());
    g.description().ifPresent(d -> o.put("description", d));
    o.put("signature", FlowSchemas.signature(g));
    ObjectNode in = o.putObject("input");
    g.inputs().forEach(i -> in.put(i.name(), FlowSchemas.wit(i.type())));
    ObjectNode out = o.putObject("output");
    g.outputs().forEach(x -> out.put(x.name(), FlowSchemas.wit(x.value().type())));
    o.put("run", "POST /flows/" + g.name());
    o.put("address", Addresses.flow(g.name()));
    g.http().ifPresent(r -> o.put("route", r.method() + " " + r.path()));
    return o;
  }

  /** The summary, the JSON Schemas of the input and output objects, and the Mermaid graph. */
  static ObjectNode detail(FlowGraph g) {
    ObjectNode o = summary(g);
    o.set("inputSchema", FlowSchemas.input(g));
    o.set("outputSchema", FlowSchemas.output(g));
    o.put("graph", GraphRenderer.render(g, GraphRenderer.Format.MERMAID));
    return o;
  }
}
