package dev.weft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A failure as an RFC 9457 problem detail: {@code type}, {@code title}, {@code status}, {@code
 * detail}, plus Weft's members ({@code kind}, {@code flow}, {@code node}, {@code function}...).
 * The same JSON is the body of an HTTP error and the message of an event-bus {@code
 * ReplyException} whose failure code is {@code status}.
 *
 * @param type a URN naming the problem, e.g. {@code urn:weft:problem:timeout}
 * @param extensions more members, in order
 */
public record Problem(String type, String title, int status, String detail, Map<String, JsonNode> extensions) {
  /** The media type of problem details. */
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    extensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  static Problem of(String slug, String title, int status, String detail) {
    return new Problem("urn:weft:problem:" + slug, title, status, detail, Map.of());
  }

  /** This problem with one more member (a string, or any JSON when {@code value} is a node). */
  Problem with(String name, Object value) {
    Map<String, JsonNode> m = new LinkedHashMap<>(extensions);
    m.put(name, value instanceof JsonNode n ? n : Json.MAPPER.valueToTree(value));
    return new Problem(type, title, status, detail, m);
  }

  /** The problem as a JSON object. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("type", type).put("title", title).put("status", status).put("detail", detail);
    extensions.forEach(o::set);
    return o;
  }
}
