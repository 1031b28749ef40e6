package dev.weft.server.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowInput;
import dev.weft.flows.model.FlowOutput;
import dev.weft.flows.model.Typed;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.TypeNames;
import java.util.stream.Collectors;

/** The schemas and WIT signature of a flow's input object and output object. */
public final class FlowSchemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FlowSchemas() {}

  /** The schema of the JSON object of inputs that {@code POST /flows/{name}} takes. */
  public static ObjectNode input(FlowGraph g) {
    ObjectNode props = F.objectNode();
    ArrayNode required = F.arrayNode();
    for (FlowInput in : g.inputs()) {
      props.set(in.name(), described(in.type()));
      if (!(in.type().structure() instanceof OptionType)) {
        required.add(in.name());
      }
    }
    return F.objectNode().put("type", "object").<ObjectNode>set("properties", props)
        .<ObjectNode>set("required", required).put("additionalProperties", false);
  }

  /** The schema of the JSON object a run returns. */
  public static ObjectNode output(FlowGraph g) {
    ObjectNode props = F.objectNode();
    ArrayNode required = F.arrayNode();
    for (FlowOutput out : g.outputs()) {
      props.set(out.name(), described(out.value().type()));
      required.add(out.name());
    }
    return F.objectNode().put("type", "object").<ObjectNode>set("properties", props)
        .<ObjectNode>set("required", required);
  }

  /** The schema of one typed value, with its WIT type in {@code x-wit-type}. */
  public static ObjectNode described(Typed t) {
    return JsonSchemas.of(t.type(), t.table()).put("x-wit-type", wit(t));
  }

  /** A WIT type as written in WIT. */
  public static String wit(Typed t) {
    return TypeNames.display(t.type(), t.table());
  }

  /** The flow as a WIT function: {@code func(name: string) -> record { greeting: string }}. */
  public static String signature(FlowGraph g) {
    String params = g.inputs().stream().map(i -> i.name() + ": " + wit(i.type()))
        .collect(Collectors.joining(", "));
    String results = g.outputs().stream().map(o -> o.name() + ": " + wit(o.value().type()))
        .collect(Collectors.joining(", "));
    return "func(" + params + ") -> record { " + results + " }";
  }
}
