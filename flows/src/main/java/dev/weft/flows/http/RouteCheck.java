package dev.weft.flows.http;

import dev.weft.flows.http.HttpRoute.Body;
import dev.weft.flows.http.HttpRoute.BodyMode;
import dev.weft.flows.http.HttpRoute.Param;
import dev.weft.flows.http.HttpRoute.Part;
import dev.weft.flows.model.FlowInput;
import dev.weft.flows.model.FlowOutput;
import dev.weft.flows.model.Typed;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Suggestions;
import dev.weft.wit.model.Kind;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@link RouteDecl} against the flow's typed inputs and outputs: every input is bound
 * once (or is an {@code option}), query, path and header values feed types that text can carry,
 * path parameters and bindings match, and the response body names an output field whose type
 * fits its content type. Runs after the flow's own type check, with its results.
 */
public final class RouteCheck {
  private static final Pattern PARAM = Pattern.compile("\\{([a-z][a-z0-9-]*)\\}");

  private final RouteDecl decl;
  private final Map<String, FlowInput> inputs;
  private final List<FlowOutput> outputs;
  private final Diagnostics diags;

  private RouteCheck(RouteDecl decl, Map<String, FlowInput> inputs, List<FlowOutput> outputs, Diagnostics diags) {
    this.decl = decl;
    this.inputs = inputs;
    this.outputs = outputs;
    this.diags = diags;
  }

  /**
   * Checks {@code decl}; problems go to {@code diags}.
   *
   * @param inputs the flow's checked inputs, by name
   * @param outputs the flow's checked outputs
   * @return the route, or empty when a problem was reported
   */
  public static Optional<HttpRoute> check(
      RouteDecl decl, Map<String, FlowInput> inputs, List<FlowOutput> outputs, Diagnostics diags) {
    return new RouteCheck(decl, inputs, outputs, diags).check();
  }

  private Optional<HttpRoute> check() {
    int before = diags.size();
    Map<String, Param> bound = new LinkedHashMap<>();
    boolean body = false;
    for (RouteDecl.Source s : decl.inputs()) {
      FlowInput in = inputs.get(s.input().name());
      if (in == null) {
        diags.error("FLOW0303", "the route binds `" + s.input().name() + "`, which is not an input of the flow",
            s.input().span(), Suggestions.didYouMean(s.input().name(), inputs.keySet()).map(m -> m + " ").orElse("")
                + "inputs: " + (inputs.isEmpty() ? "none" : String.join(", ", inputs.keySet())));
        continue;
      }
      if (bound.containsKey(in.name())) {
        diags.error("FLOW0303", "input `" + in.name() + "` is bound twice", s.input().span(), "bind each input once");
        continue;
      }
      if (s.part() == Part.BODY) {
        if (body) {
          diags.error("FLOW0305", "only one input can take the request body", s.span(),
              "bind the other inputs to `query.`, `path.` or `header.`");
        }
        body = true;
        if (decl.method().name().equals("GET") || decl.method().name().equals("HEAD")) {
          diags.error("FLOW0305", "a " + decl.method().name() + " request has no body", s.span(),
              "use `POST`, `PUT` or `PATCH`, or read the input from the query");
        }
      } else if (!textual(in.type().structure(), in.type(), s.part() != Part.PATH)) {
        diags.error("FLOW0305", "input `" + in.name() + "` has type `" + display(in.type())
                + "`, which a " + s.part().name().toLowerCase() + " parameter cannot carry",
            s.span(), "text parameters feed bool, integer, float, char, string and enum inputs"
                + (s.part() == Part.PATH ? "" : " (or an option of one)") + "; take structured values from `body`");
      }
      bound.put(in.name(), new Param(in.name(), s.part(), s.key(), in.type(),
          in.type().structure() instanceof OptionType));
    }
    List<Param> params = new ArrayList<>();
    for (FlowInput in : inputs.values()) {
      Param p = bound.get(in.name());
      if (p != null) {
        params.add(p);
      } else if (in.type().structure() instanceof OptionType) {
        params.add(new Param(in.name(), Part.QUERY, in.name(), in.type(), true));
      } else {
        diags.error("FLOW0304", "the route does not say where input `" + in.name() + "` ("
                + display(in.type()) + ") comes from", decl.span(),
            "add `" + in.name() + ": query." + in.name() + "` (or `path.`, `header.`, `body`) under `http.input`");
      }
    }
    pathParams(bound);
    Optional<Body> responseBody = body();
    if (diags.size() > before || responseBody.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new HttpRoute(decl.method().name(), decl.path().name(), params,
        decl.status().orElse(200), responseBody.get()));
  }

  private void pathParams(Map<String, Param> bound) {
    Set<String> inPath = new LinkedHashSet<>();
    Matcher m = PARAM.matcher(decl.path().name());
    while (m.find()) {
      if (!inPath.add(m.group(1))) {
        diags.error("FLOW0306", "path parameter `{" + m.group(1) + "}` appears twice", decl.path().span());
      }
    }
    Set<String> used = new LinkedHashSet<>();
    for (Param p : bound.values()) {
      if (p.part() == Part.PATH) {
        used.add(p.key());
        if (!inPath.contains(p.key())) {
          diags.error("FLOW0306", "input `" + p.input() + "` reads `path." + p.key() + "`, but the path `"
              + decl.path().name() + "` has no `{" + p.key() + "}`", decl.path().span(),
              inPath.isEmpty() ? "add `{" + p.key() + "}` to the path" : "path parameters: " + String.join(", ", inPath));
        }
      }
    }
    for (String p : inPath) {
      if (!used.contains(p)) {
        diags.error("FLOW0306", "path parameter `{" + p + "}` feeds no input", decl.path().span(),
            "bind it: `some-input: path." + p + "`");
      }
    }
  }

  private Optional<Body> body() {
    if (decl.body().isEmpty()) {
      if (decl.contentType().isPresent()) {
        diags.error("FLOW0309", "`content-type` needs a raw `body`", decl.contentType().get().span(),
            "add `body: $field` naming a `list<u8>` or `string` output field; the whole output is always JSON");
        return Optional.empty();
      }
      return Optional.of(new Body(BodyMode.JSON_OUTPUT, Optional.empty(), "application/json"));
    }
    String field = decl.body().get().name();
    Optional<FlowOutput> out = outputs.stream().filter(o -> o.name().equals(field)).findFirst();
    if (out.isEmpty()) {
      List<String> names = outputs.stream().map(FlowOutput::name).toList();
      diags.error("FLOW0307", "`body` names `" + field + "`, which is not an output field", decl.body().get().span(),
          Suggestions.didYouMean(field, names).map(m -> m + " ").orElse("") + "output fields: " + String.join(", ", names));
      return Optional.empty();
    }
    WitType t = out.get().value().type().structure();
    Optional<String> ct = decl.contentType().map(c -> c.name());
    if (t.equals(new ListType(Primitive.U8))) {
      return Optional.of(new Body(BodyMode.BYTES, Optional.of(field), ct.orElse("application/octet-stream")));
    }
    if (t == Primitive.STRING) {
      return Optional.of(new Body(BodyMode.TEXT, Optional.of(field), ct.orElse("text/plain; charset=utf-8")));
    }
    if (ct.isPresent() && !ct.get().startsWith("application/json")) {
      diags.error("FLOW0309", "output `" + field + "` has type `" + display(out.get().value().type())
              + "`, which is sent as JSON, not as `" + ct.get() + "`", decl.contentType().get().span(),
          "a raw body needs a `list<u8>` or `string` field; drop `content-type` to send JSON");
      return Optional.empty();
    }
    return Optional.of(new Body(BodyMode.JSON_FIELD, Optional.of(field), "application/json"));
  }

  /** Whether a single text value (query, path, header) can be read as this type. */
  private static boolean textual(WitType t, Typed typed, boolean optionAllowed) {
    return switch (t.kind()) {
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ENUM -> true;
      case OPTION -> optionAllowed
          && textual(typed.table().unalias(((OptionType) t).some()), typed, false);
      case ERROR_CONTEXT, LIST, FIXED_LIST, MAP, RESULT, TUPLE, RECORD, VARIANT, FLAGS, RESOURCE, OWN,
          BORROW, FUTURE, STREAM, NAMED -> false;
    };
  }

  private static String display(Typed t) {
    return TypeNames.display(t.type(), t.table());
  }
}
