package dev.weft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.wit.model.Kind;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --input} options of {@code weft run} and {@code weft invoke}: a JSON object, {@code
 * @file.json}, or {@code name=value} pairs where the value is read as JSON when it parses as
 * JSON, else as a string. For string and char inputs the value is taken as text unless it is a
 * quoted JSON string, so {@code --input name=42} passes the string "42".
 */
final class InputArgs {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .setNodeFactory(JsonNodeFactory.instance)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A problem with the options themselves, reported as one line. */
  static final class BadInput extends Exception {
    BadInput(String message) {
      super(message);
    }
  }

  /** The type of a named input, for the string rule above. */
  record Declared(WitType type, TypeTable table) {}

  private InputArgs() {}

  /** Merges every {@code --input} into one JSON object. */
  static ObjectNode parse(List<String> args, Map<String, Declared> declared) throws BadInput {
    ObjectNode out = JSON.createObjectNode();
    for (String arg : args) {
      if (arg.startsWith("@")) {
        merge(out, readFile(arg.substring(1)), arg);
      } else if (arg.stripLeading().startsWith("{")) {
        merge(out, parseJson(arg).orElseThrow(() -> new BadInput(
            "`--input " + arg + "` is not a valid JSON object")), arg);
      } else {
        int eq = arg.indexOf('=');
        if (eq <= 0) {
          throw new BadInput("`--input " + arg + "`: write name=value, a JSON object, or @file.json");
        }
        String name = arg.substring(0, eq);
        out.set(name, value(arg.substring(eq + 1), Optional.ofNullable(declared.get(name))));
      }
    }
    return out;
  }

  private static JsonNode value(String text, Optional<Declared> type) {
    boolean textual =
        type.map(d -> d.table().unalias(d.type()).kind())
            .map(k -> k == Kind.STRING || k == Kind.CHAR)
            .orElse(false);
    if (textual && !text.startsWith("\"")) {
      return JSON.getNodeFactory().textNode(text);
    }
    return parseJson(text).orElse(JSON.getNodeFactory().textNode(text));
  }

  private static Optional<JsonNode> parseJson(String text) {
    try {
      return Optional.ofNullable(JSON.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static JsonNode readFile(String file) throws BadInput {
    try {
      return JSON.readTree(Files.readString(Path.of(file)));
    } catch (JsonProcessingException e) {
      throw new BadInput("`" + file + "` is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadInput("cannot read input file `" + file + "`: " + e.getMessage());
    }
  }

  private static void merge(ObjectNode into, JsonNode obj, String arg) throws BadInput {
    if (!obj.isObject()) {
      throw new BadInput("`--input " + arg + "` must be a JSON object of inputs");
    }
    obj.properties().forEach(e -> into.set(e.getKey(), e.getValue()));
  }
}
