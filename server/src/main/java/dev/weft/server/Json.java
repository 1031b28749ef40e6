package dev.weft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The JSON reader and writer of every front. Floats are read as {@code BigDecimal} and integers
 * exactly, so {@code u64} and {@code f64} values survive the trip (see docs/values.md).
 */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Parses JSON text; throws {@link JsonProcessingException} with the position when malformed. */
  static JsonNode parse(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }

  static Buffer buffer(JsonNode node) {
    try {
      return Buffer.buffer(MAPPER.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /** A Vert.x JSON object with the same content (for event-bus messages). */
  static JsonObject toVertx(JsonNode node) {
    return new JsonObject(buffer(node));
  }

  /** A Jackson tree of a Vert.x JSON object, numbers kept exact. */
  static JsonNode fromVertx(JsonObject object) throws JsonProcessingException {
    return parse(object.encode());
  }
}
