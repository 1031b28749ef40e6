package dev.weft.server.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowInput;
import dev.weft.flows.model.FlowOutput;
import dev.weft.flows.model.InputConstraints;
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
      props.set(in.name(), constrained(described(in.type()), in.constraints()));
      if (!(in.type().structure() instanceof OptionType)) {
        required.add(in.name());
      }
    }
    return F.objectNode().put("type", "object").<ObjectNode>set("properties", props)
        .<ObjectNode>set("required", required).put("additionalProperties", false);
  }

  /**
   * An input's schema with its declared constraints: JSON Schema's own keywords for elements and
   * numbers; byte limits, which JSON Schema cannot say (its string lengths count characters), as
   * {@code x-min-bytes} and {@code x-max-bytes}. A keyword for another JSON type than the value's
   * (an {@code option}'s null) does not apply, so they sit at the top of the schema.
   */
  static ObjectNode constrained(ObjectNode schema, InputConstraints c) {
    c.minBytes().ifPresent(v -> schema.put("x-min-bytes", v));
    c.maxBytes().ifPresent(v -> schema.put("x-max-bytes", v));
    c.minItems().ifPresent(v -> schema.put("minItems", v));
    c.maxItems().ifPresent(v -> schema.put("maxItems", v));
    c.min().ifPresent(v -> schema.put("minimum", v));
    c.max().ifPresent(v -> schema.put("maximum", v));
    return schema;
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
