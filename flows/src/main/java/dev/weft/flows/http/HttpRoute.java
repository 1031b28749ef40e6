package dev.weft.flows.http;

import dev.weft.flows.model.Typed;
import java.util.List;
import java.util.Optional;

/**
 * A checked route: the method and path a flow serves, where each of its inputs comes from, and
 * how its output becomes the response. Immutable.
 *
 * @param method upper-case HTTP method
 * @param path the path template, {@code /users/{id}}
 * @param params one per flow input, in the flow's input order
 * @param status the status of a successful response (200 unless given)
 * @param body how the output becomes the response body
 */
public record HttpRoute(
    String method, String path, List<Param> params, int status, Body body) {
  public HttpRoute {
    params = List.copyOf(params);
  }

  /** One line for logs and listings: {@code GET /x/{id} (id <- path.id) -> 200 image/png $png}. */
  public String describe() {
    StringBuilder b = new StringBuilder(method).append(' ').append(path).append(" (");
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      b.append(i == 0 ? "" : ", ").append(p.input()).append(" <- ").append(p.part().name().toLowerCase());
      b.append(p.part() == Part.BODY ? "" : "." + p.key()).append(p.optional() ? "?" : "");
    }
    b.append(") -> ").append(status).append(' ').append(body.contentType());
    body.field().ifPresent(f -> b.append(" $").append(f));
    return b.toString();
  }

  /** The part of a request a value is read from. */
  public enum Part {
    /** {@code query.name}: a query parameter. */
    QUERY,
    /** {@code path.name}: a {@code {name}} segment of the path. */
    PATH,
    /** {@code header.name}: a request header (case-insensitive). */
    HEADER,
    /** {@code body}: the whole request body. */
    BODY
  }

  /**
   * A flow input bound to a request part.
   *
   * @param input the flow input
   * @param part where its value is read
   * @param key the query parameter, path parameter or header name; empty for the body
   * @param type the input's WIT type
   * @param optional whether the input is an {@code option}, so the part may be absent
   */
  public record Param(String input, Part part, String key, Typed type, boolean optional) {}

  /** How the response body is made. */
  public enum BodyMode {
    /** The whole output record as JSON (the default). */
    JSON_OUTPUT,
    /** One output field as JSON. */
    JSON_FIELD,
    /** One {@code list<u8>} output field, sent as is. */
    BYTES,
    /** One {@code string} output field, sent as UTF-8 text. */
    TEXT
  }

  /**
   * @param mode how the body is made
   * @param field the output field for every mode but {@link BodyMode#JSON_OUTPUT}
   * @param contentType the response's content type
   */
  public record Body(BodyMode mode, Optional<String> field, String contentType) {}
}
