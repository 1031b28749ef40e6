package dev.weft.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.flows.model.FlowOutput;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import java.util.List;

/**
 * The output of a successful run: one value per output field of the flow, in declaration order,
 * and the trace of its nodes.
 */
public record RunResult(List<FlowOutput> fields, List<WitValue> values, List<NodeTrace> trace) {
  public RunResult {
    fields = List.copyOf(fields);
    values = List.copyOf(values);
    trace = List.copyOf(trace);
    if (fields.size() != values.size()) {
      throw new IllegalArgumentException("one value per output field");
    }
  }

  /** The value of output field {@code name}. */
  public WitValue get(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return values.get(i);
      }
    }
    throw new IllegalArgumentException("no output field `" + name + "`");
  }

  /** The output as a JSON object in Weft's value mapping. */
  public ObjectNode toJson() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < fields.size(); i++) {
      FlowOutput f = fields.get(i);
      out.set(f.name(), ValueJson.toJson(values.get(i), f.value().type().type(), f.value().type().table()));
    }
    return out;
  }
}
