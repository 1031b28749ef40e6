package dev.weft.flows.http;

import dev.weft.flows.ast.FieldSpec;
import dev.weft.flows.ast.Ident;
import dev.weft.flows.yaml.YNode;
import dev.weft.flows.yaml.YNode.ScalarType;
import dev.weft.flows.yaml.YNode.YEntry;
import dev.weft.flows.yaml.YNode.YMap;
import dev.weft.flows.yaml.YNode.YScalar;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import dev.weft.wit.diag.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code http:} section of a flow into a {@link RouteDecl}: its keys, the method and
 * path of {@code route}, the sources of {@code input} and the shape of {@code output}. Types are
 * checked later by {@link RouteCheck}. Reports every problem and keeps going.
 */
public final class RouteParser {
  /** The keys of {@code http:}. */
  public static final List<FieldSpec> HTTP =
      List.of(
          new FieldSpec("route", true, "`METHOD /path`, with path parameters as `/users/{id}`"),
          new FieldSpec("input", false, "where each input comes from: `query.x`, `path.x`, `header.x`, `body`"),
          new FieldSpec("output", false, "the response: `{status: 200, content-type: image/png, body: $field}`"));

  /** The keys of {@code http.output:}. */
  public static final List<FieldSpec> OUTPUT =
      List.of(
          new FieldSpec("status", false, "the status of a successful response (default 200)"),
          new FieldSpec("content-type", false, "the content type of a raw `list<u8>` or `string` body"),
          new FieldSpec("body", false, "`$field`: one output field as the body (default: the whole output as JSON)"));

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+|\\{[a-z][a-z0-9-]*\\}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9.+-]+/[a-z0-9.+-]+(\\s*;.*)?");

  private final Diagnostics diags;

  private RouteParser(Diagnostics diags) {
    this.diags = diags;
  }

  /** Parses {@code http:}; problems go to {@code diags}. */
  public static Optional<RouteDecl> parse(YNode node, Diagnostics diags) {
    return new RouteParser(diags).http(node);
  }

  // http := { route, input?, output? }
  private Optional<RouteDecl> http(YNode node) {
    if (!(node instanceof YMap map)) {
      diags.error("FLOW0301", "`http` must be a mapping, found " + node.describe(), node.span(),
          "write `http: {route: GET /path}`");
      return Optional.empty();
    }
    checkKeys(map, HTTP, "`http`");
    Optional<Ident[]> route = map.get("route").flatMap(this::route);
    List<RouteDecl.Source> inputs = new ArrayList<>();
    map.get("input").ifPresent(n -> inputs(n, inputs));
    OptionalInt status = OptionalInt.empty();
    Optional<Ident> contentType = Optional.empty();
    Optional<Ident> body = Optional.empty();
    Optional<YNode> output = map.get("output");
    if (output.isPresent()) {
      if (output.get() instanceof YMap out) {
        checkKeys(out, OUTPUT, "`http.output`");
        status = out.get("status").map(this::status).orElse(OptionalInt.empty());
        contentType = out.get("content-type").flatMap(this::contentType);
        body = out.get("body").flatMap(this::body);
      } else {
        diags.error("FLOW0301", "`http.output` must be a mapping, found " + output.get().describe(),
            output.get().span(), "write `output: {status: 200, body: $field}`");
      }
    }
    OptionalInt s = status;
    Optional<Ident> ct = contentType;
    Optional<Ident> b = body;
    return route.map(r -> new RouteDecl(r[0], r[1], inputs, s, ct, b, map.span()));
  }

  // route := METHOD ' ' path
  private Optional<Ident[]> route(YNode node) {
    if (!(node instanceof YScalar s) || s.type() != ScalarType.STRING) {
      diags.error("FLOW0301", "`route` must be a string such as `GET /users/{id}`, found "
          + node.describe(), node.span());
      return Optional.empty();
    }
    String text = s.value().strip();
    String[] parts = text.split("\\s+");
    if (parts.length != 2 || !METHODS.contains(parts[0].toUpperCase(Locale.ROOT))) {
      diags.error("FLOW0301", "`" + s.value() + "` is not a method and a path", s.span(),
          "write `GET /path`; methods: GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS");
      return Optional.empty();
    }
    String path = parts[1];
    if (!validPath(path)) {
      diags.error("FLOW0301", "route path `" + path + "` is malformed", s.span(),
          "start with `/`, use plain segments and `{name}` parameters, e.g. `/users/{id}`");
      return Optional.empty();
    }
    return Optional.of(new Ident[] {
      new Ident(parts[0].toUpperCase(Locale.ROOT), s.span()), new Ident(path, s.span())
    });
  }

  private static boolean validPath(String path) {
    if (!path.startsWith("/")) {
      return false;
    }
    if (path.equals("/")) {
      return true;
    }
    for (String seg : path.substring(1).split("/", -1)) {
      if (!SEGMENT.matcher(seg).matches()) {
        return false;
      }
    }
    return true;
  }

  // input := { name: ('query' | 'path' | 'header') '.' key | 'body' }
  private void inputs(YNode node, List<RouteDecl.Source> into) {
    if (!(node instanceof YMap map)) {
      diags.error("FLOW0301", "`http.input` must be a mapping, found " + node.describe(), node.span(),
          "write `input: {name: query.name}`");
      return;
    }
    for (YEntry e : map.entries()) {
      Ident input = new Ident(e.key().value(), e.key().span());
      source(input, e.value()).ifPresent(into::add);
    }
  }

  private Optional<RouteDecl.Source> source(Ident input, YNode node) {
    String help = "write `query.NAME`, `path.NAME`, `header.NAME` or `body`";
    if (!(node instanceof YScalar s) || s.type() != ScalarType.STRING) {
      diags.error("FLOW0302", "the source of input `" + input.name() + "` must be a string, found "
          + node.describe(), node.span(), help);
      return Optional.empty();
    }
    String text = s.value().strip();
    if (text.equals("body")) {
      return Optional.of(new RouteDecl.Source(input, HttpRoute.Part.BODY, "", s.span()));
    }
    int dot = text.indexOf('.');
    String where = dot < 0 ? text : text.substring(0, dot);
    String key = dot < 0 ? "" : text.substring(dot + 1);
    HttpRoute.Part part;
    switch (where) {
      case "query" -> part = HttpRoute.Part.QUERY;
      case "path" -> part = HttpRoute.Part.PATH;
      case "header" -> part = HttpRoute.Part.HEADER;
      default -> {
        diags.error("FLOW0302", "unknown request part `" + where + "` for input `" + input.name() + "`",
            s.span(), Suggestions.didYouMean(where, List.of("query", "path", "header", "body"))
                .map(m -> m + "; ").orElse("") + help);
        return Optional.empty();
      }
    }
    if (!KEY.matcher(key).matches()) {
      diags.error("FLOW0302", "`" + text + "` does not name a " + where + " parameter", s.span(), help);
      return Optional.empty();
    }
    String k = part == HttpRoute.Part.HEADER ? key.toLowerCase(Locale.ROOT) : key;
    return Optional.of(new RouteDecl.Source(input, part, k, s.span()));
  }

  private OptionalInt status(YNode node) {
    if (node instanceof YScalar s && s.type() == ScalarType.INT) {
      try {
        int v = Integer.parseInt(s.value());
        if (v >= 200 && v <= 299) {
          return OptionalInt.of(v);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    diags.error("FLOW0308", "`status` must be a success status from 200 to 299, found "
        + describe(node), node.span(), "errors have their own statuses; write e.g. `status: 201`");
    return OptionalInt.empty();
  }

  private Optional<Ident> contentType(YNode node) {
    if (node instanceof YScalar s && CONTENT_TYPE.matcher(s.value().strip()).matches()) {
      return Optional.of(new Ident(s.value().strip(), s.span()));
    }
    diags.error("FLOW0308", "`content-type` must be a media type, found " + describe(node),
        node.span(), "write e.g. `content-type: image/png`");
    return Optional.empty();
  }

  private Optional<Ident> body(YNode node) {
    if (node instanceof YScalar s && s.value().startsWith("$") && KEY.matcher(s.value().substring(1)).matches()) {
      int quote = s.span().end() - s.span().start() > s.value().length() ? 1 : 0;
      int start = s.span().start() + quote + 1;
      return Optional.of(new Ident(s.value().substring(1), new Span(start, start + s.value().length() - 1)));
    }
    diags.error("FLOW0307", "`body` must name an output field, found " + describe(node), node.span(),
        "write `body: $field` with a field of the flow's `output`, or leave `body` out to send the whole output");
    return Optional.empty();
  }

  private void checkKeys(YMap map, List<FieldSpec> spec, String where) {
    List<String> valid = spec.stream().map(FieldSpec::key).toList();
    for (YEntry e : map.entries()) {
      String key = e.key().value();
      if (!valid.contains(key)) {
        diags.error("FLOW0003", "unknown key `" + key + "` in " + where, e.key().span(),
            Suggestions.didYouMean(key, valid).map(s -> s + " ").orElse("")
                + "valid keys: " + String.join(", ", valid));
      }
    }
    for (FieldSpec f : spec) {
      if (f.required() && map.entry(f.key()).isEmpty()) {
        diags.error("FLOW0004", where + " needs `" + f.key() + "`", map.span(),
            "add `" + f.key() + ":` (" + f.summary() + ")");
      }
    }
  }

  private static String describe(YNode node) {
    return node instanceof YScalar s ? "`" + s.value() + "`" : node.describe();
  }
}
