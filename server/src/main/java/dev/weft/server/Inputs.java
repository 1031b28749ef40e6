package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.engine.LoadedFlow;
import dev.weft.flows.model.FlowInput;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON object of inputs against a flow's input types, as the engine does, but keeps the
 * failure's parts apart (input, path into the value, expected WIT type) so clients get them as
 * fields of the problem instead of inside a sentence.
 */
final class Inputs {
  private Inputs() {}

  /** The typed inputs; throws {@link BadInput} naming what does not fit. */
  static Map<String, WitValue> read(LoadedFlow flow, JsonNode object) {
    if (object == null || !object.isObject()) {
      throw BadInput.shape("the input must be a JSON object with the fields " + flow.signature());
    }
    // Unknown names first: a misspelt input is also a missing one, and its name says more.
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (flow.graph().input(name).isEmpty()) {
        throw new BadInput("bad-input", flow.unknownInput(name),
            Optional.of(name), Optional.of("$." + name), Optional.empty());
      }
    }
    Map<String, WitValue> values = new LinkedHashMap<>();
    for (FlowInput in : flow.graph().inputs()) {
      JsonNode v = object.get(in.name());
      if (v == null || v.isMissingNode()) {
        if (in.type().structure() instanceof dev.weft.wit.model.OptionType) {
          v = Json.MAPPER.nullNode(); // an absent option input reads as none, as absent record fields do
        } else {
          String type = TypeNames.display(in.type().type(), in.type().table());
          throw new BadInput("bad-input", "missing input `" + in.name() + "` (" + type + ")",
              Optional.of(in.name()), Optional.of("$." + in.name()), Optional.of(type));
        }
      }
      try {
        values.put(in.name(), ValueJson.fromJson(v, in.type().type(), in.type().table()));
      } catch (ValueException e) {
        String path = "$." + in.name() + e.path().substring(1);
        throw new BadInput("bad-input", "input `" + in.name() + "`: " + path + e.getMessage().substring(e.path().length()),
            Optional.of(in.name()), Optional.of(path), Optional.of(e.expected()));
      }
    }
    return values;
  }
}
