package dev.weft.flows.http;

import dev.weft.flows.ast.Ident;
import dev.weft.wit.diag.Span;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parsed {@code http:} section of a flow, before checking.
 *
 * @param method the upper-case HTTP method, e.g. {@code GET}
 * @param path the path template, e.g. {@code /users/{id}}
 * @param inputs where each named flow input comes from
 * @param status the status of a successful response, if given
 * @param contentType the content type of a raw body, if given
 * @param body the output field served as the body ({@code $name}), if given
 */
public record RouteDecl(
    Ident method,
    Ident path,
    List<Source> inputs,
    OptionalInt status,
    Optional<Ident> contentType,
    Optional<Ident> body,
    Span span) {
  public RouteDecl {
    inputs = List.copyOf(inputs);
  }

  /** {@code input: source.key}: a flow input read from a part of the request. */
  public record Source(Ident input, HttpRoute.Part part, String key, Span span) {}
}
