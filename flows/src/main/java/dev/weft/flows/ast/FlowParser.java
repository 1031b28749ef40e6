package dev.weft.flows.ast;

import dev.weft.flows.ast.Expr.FieldSegment;
import dev.weft.flows.ast.Expr.IndexSegment;
import dev.weft.flows.ast.Expr.Segment;
import dev.weft.flows.ast.NodeDecl.Arg;
import dev.weft.flows.ast.NodeDecl.Call;
import dev.weft.flows.builtin.Builtin;
import dev.weft.flows.host.GrantsDecl;
import dev.weft.flows.host.GrantsParser;
import dev.weft.flows.http.RouteDecl;
import dev.weft.flows.http.RouteParser;
import dev.weft.flows.yaml.YNode;
import dev.weft.flows.yaml.YNode.ScalarType;
import dev.weft.flows.yaml.YNode.YEntry;
import dev.weft.flows.yaml.YNode.YMap;
import dev.weft.flows.yaml.YNode.YScalar;
import dev.weft.flows.yaml.YNode.YSeq;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import dev.weft.wit.diag.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the YAML tree of a flow file into a {@link FlowDoc}, checking the shape of every section
 * against {@link FlowSpec}: unknown keys (with "did you mean" and the valid keys), missing keys,
 * values of the wrong YAML kind, malformed names, references, durations and sizes. Reports every
 * problem it finds and keeps going, so one run of {@code weft check} shows them all.
 */
public final class FlowParser {
  private static final Pattern FLOW_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KiB|MiB|GiB)");

  private final Path file;
  private final Diagnostics diags;

  private FlowParser(Path file, Diagnostics diags) {
    this.file = file;
    this.diags = diags;
  }

  /**
   * Parses a flow from its YAML tree. Problems go to {@code diags}; the result holds whatever
   * could be read, so later passes can find more problems.
   */
  public static Optional<FlowDoc> parse(Path file, YNode root, Diagnostics diags) {
    return new FlowParser(file, diags).flow(root);
  }

  // flow := { flow, description?, components, input?, nodes, output }
  private Optional<FlowDoc> flow(YNode root) {
    Optional<YMap> top = mapping(root, "a flow file", "start the file with `flow: my-flow`");
    if (top.isEmpty()) {
      return Optional.empty();
    }
    YMap map = top.get();
    checkKeys(map, FlowSpec.TOP, "the top level of a flow");
    Ident name =
        map.entry("flow")
            .flatMap(e -> scalarIdent(e.value(), "the flow name"))
            .orElse(new Ident("", map.span()));
    if (!name.name().isEmpty() && !FLOW_NAME.matcher(name.name()).matches()) {
      diags.error(
          "FLOW0006",
          "flow name `" + name.name() + "` is not kebab-case",
          name.span(),
          "use lower-case words joined by `-`, e.g. `" + kebab(name.name()) + "`");
    }
    Optional<String> description =
        map.get("description").flatMap(n -> scalarIdent(n, "a description")).map(Ident::name);
    List<ComponentDecl> components = new ArrayList<>();
    map.get("components")
        .flatMap(n -> mapping(n, "`components`", "write `components: {name: {wasm: path}}`"))
        .ifPresent(m -> m.entries().forEach(e -> component(e).ifPresent(components::add)));
    List<InputDecl> inputs = new ArrayList<>();
    map.get("input")
        .flatMap(n -> mapping(n, "`input`", "write `input: {name: string}`"))
        .ifPresent(m -> m.entries().forEach(e -> input(e).ifPresent(inputs::add)));
    List<NodeDecl> nodes = new ArrayList<>();
    map.get("nodes")
        .flatMap(n -> mapping(n, "`nodes`", "write `nodes: {name: {call: component.function}}`"))
        .ifPresent(m -> m.entries().forEach(e -> node(e).ifPresent(nodes::add)));
    List<OutputDecl> outputs = new ArrayList<>();
    map.get("output")
        .flatMap(n -> mapping(n, "`output`", "write `output: {name: $node}`"))
        .ifPresent(
            m ->
                m.entries()
                    .forEach(
                        e -> {
                          Ident out = name(e.key(), "output");
                          outputs.add(new OutputDecl(out, expr(e.value())));
                        }));
    Optional<RouteDecl> http = map.get("http").flatMap(n -> RouteParser.parse(n, diags));
    return Optional.of(
        new FlowDoc(file, name, description, components, inputs, nodes, outputs, http));
  }

  // component := path | { wasm, wit?, world?, pool?, limits?, grants? }
  private Optional<ComponentDecl> component(YEntry entry) {
    Ident name = name(entry.key(), "component");
    if (entry.value() instanceof YScalar s && s.type() == ScalarType.STRING) {
      return Optional.of(
          new ComponentDecl(
              name,
              new Ident(s.value(), s.span()),
              Optional.empty(),
              Optional.empty(),
              OptionalInt.empty(),
              Optional.empty(),
              Optional.empty()));
    }
    Optional<YMap> body =
        mapping(entry.value(), "component `" + name.name() + "`", "write `{wasm: path/to/x.wasm}`");
    if (body.isEmpty()) {
      return Optional.empty();
    }
    YMap m = body.get();
    checkKeys(m, FlowSpec.COMPONENT, "a component");
    Optional<Ident> wasm = m.get("wasm").flatMap(n -> scalarIdent(n, "a path"));
    Optional<Ident> wit = m.get("wit").flatMap(n -> scalarIdent(n, "a path"));
    Optional<Ident> world = m.get("world").flatMap(n -> scalarIdent(n, "a world name"));
    if (wit.isPresent() != world.isPresent()) {
      diags.error(
          "FLOW0004",
          "a core module needs both `wit` and `world`",
          m.span(),
          "add `" + (wit.isPresent() ? "world: my-world" : "wit: path/to/wit") + "`");
    }
    OptionalInt poolMax = OptionalInt.empty();
    boolean reset = false;
    Optional<YMap> pool =
        m.get("pool").flatMap(n -> mapping(n, "`pool`", "write `pool: {max: 4}`"));
    if (pool.isPresent()) {
      checkKeys(pool.get(), FlowSpec.POOL, "`pool`");
      Optional<YNode> max = pool.get().get("max");
      if (max.isPresent()) {
        poolMax = positiveInt(max.get(), "`pool.max`");
      }
      Optional<YNode> resetNode = pool.get().get("reset");
      if (resetNode.isPresent()) {
        if (resetNode.get() instanceof YScalar r && r.type() == ScalarType.BOOL) {
          reset = Boolean.parseBoolean(r.value().toLowerCase());
        } else {
          diags.error("FLOW0005", "`pool.reset` must be true or false, found " + resetNode.get().describe(),
              resetNode.get().span(), "write `reset: true`");
        }
      }
    }
    Optional<Long> memory = Optional.empty();
    Optional<Long> timeout = Optional.empty();
    Optional<YMap> limits =
        m.get("limits")
            .flatMap(n -> mapping(n, "`limits`", "write `limits: {memory: 16MiB, timeout: 2s}`"));
    if (limits.isPresent()) {
      checkKeys(limits.get(), FlowSpec.LIMITS, "`limits`");
      memory = limits.get().get("memory").flatMap(this::size);
      timeout = limits.get().get("timeout").flatMap(this::duration);
    }
    OptionalInt max = poolMax;
    Optional<Long> mem = memory;
    Optional<Long> deadline = timeout;
    Optional<GrantsDecl> grants = m.entry("grants").flatMap(e -> GrantsParser.parse(e, diags));
    boolean resetAfterCall = reset;
    return wasm.map(
        w -> new ComponentDecl(name, w, wit, world, max, mem, deadline, grants, resetAfterCall));
  }

  // input := name: type | name: { type, (min-bytes | max-bytes | min-items | max-items | min | max)* }
  private Optional<InputDecl> input(YEntry entry) {
    Ident name = name(entry.key(), "input");
    if (!(entry.value() instanceof YMap m)) {
      return scalarIdent(entry.value(), "a WIT type such as `string` or `list<u32>`")
          .map(type -> new InputDecl(name, type));
    }
    checkKeys(m, FlowSpec.INPUT, "input `" + name.name() + "`");
    List<InputDecl.Constraint> constraints = new ArrayList<>();
    for (YEntry e : m.entries()) {
      if (e.key().value().equals("type") || !FieldSpec.keys(FlowSpec.INPUT).contains(e.key().value())) {
        continue;
      }
      if (e.value() instanceof YScalar v && (v.type() == ScalarType.INT || v.type() == ScalarType.FLOAT)) {
        constraints.add(new InputDecl.Constraint(new Ident(e.key().value(), e.key().span()), v));
      } else {
        diags.error("FLOW0005", "`" + e.key().value() + "` of input `" + name.name() + "` must be a number, found "
            + e.value().describe(), e.value().span(), "write e.g. `" + e.key().value() + ": 512`");
      }
    }
    return m.get("type")
        .flatMap(n -> scalarIdent(n, "a WIT type such as `string` or `list<u32>`"))
        .map(type -> new InputDecl(name, type, constraints));
  }

  // node := { (call | flow), with?, when?, timeout?, for-each?, concurrency?, retry?, fallback?, after? }
  private Optional<NodeDecl> node(YEntry entry) {
    Ident name = name(entry.key(), "node");
    if (name.name().equals("input") || name.name().equals("item")) {
      diags.error(
          "FLOW0006",
          "`" + name.name() + "` is reserved: `$" + name.name() + "` refers to "
              + (name.name().equals("input") ? "the flow's inputs" : "the element of a `for-each`"),
          name.span(),
          "rename the node");
    }
    Optional<YMap> body =
        mapping(entry.value(), "node `" + name.name() + "`", "write `{call: component.function}`");
    if (body.isEmpty()) {
      return Optional.empty();
    }
    YMap m = body.get();
    checkKeys(m, FlowSpec.NODE, "a node");
    Optional<Call> call = m.get("call").flatMap(this::call);
    Optional<Ident> flow = m.get("flow").flatMap(v -> scalarIdent(v, "the path of a flow file"));
    if (m.get("call").isEmpty() && m.get("flow").isEmpty()) {
      diags.error("FLOW0004", "node `" + name.name() + "` needs `call` or `flow`", name.span(),
          "add `call: component.function`, or `flow: other.yaml` to run another flow");
    } else if (m.get("call").isPresent() && m.get("flow").isPresent()) {
      diags.error("FLOW0005", "node `" + name.name() + "` has both `call` and `flow`",
          m.entry("flow").get().key().span(), "a node runs one function or one flow: keep one");
    }
    if (flow.isPresent() && m.get("timeout").isPresent()) {
      diags.error("FLOW0005", "`timeout` applies to component calls, not to a sub-flow",
          m.entry("timeout").get().key().span(), "give the sub-flow's nodes their own `timeout`");
    }
    List<Arg> args = new ArrayList<>();
    m.get("with")
        .flatMap(n -> mapping(n, "`with`", "write `with: {param: $input.x}`"))
        .ifPresent(
            w ->
                w.entries()
                    .forEach(e -> args.add(new Arg(name(e.key(), "parameter"), expr(e.value())))));
    Optional<Expr> when = m.get("when").map(this::expr);
    Optional<Long> timeout = m.get("timeout").flatMap(this::duration);
    Optional<Expr> forEach = m.get("for-each").map(this::expr);
    Optional<Integer> concurrency = Optional.empty();
    if (m.get("concurrency").isPresent()) {
      OptionalInt c = positiveInt(m.get("concurrency").get(), "`concurrency`");
      concurrency = c.isPresent() ? Optional.of(c.getAsInt()) : Optional.empty();
      if (forEach.isEmpty()) {
        diags.error("FLOW0004", "`concurrency` only applies to a node with `for-each`",
            m.entry("concurrency").get().key().span(), "add `for-each: $input.list` or remove it");
      }
    }
    Optional<NodeDecl.Retry> retry = m.get("retry").flatMap(this::retry);
    Optional<Expr> fallback = m.get("fallback").map(this::expr);
    List<Ident> after = m.get("after").map(this::after).orElse(List.of());
    Optional<Integer> limit = concurrency;
    if (call.isEmpty() && flow.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new NodeDecl(name, call, flow, args, when, timeout, forEach, limit, retry, fallback, after));
  }

  // after := name | '[' name, ... ']'   (node names, without `$`: nothing of theirs is used)
  private List<Ident> after(YNode node) {
    List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
    List<Ident> names = new ArrayList<>();
    for (YNode item : items) {
      scalarIdent(item, "the name of a node").ifPresent(n -> {
        String bare = n.name().startsWith("$") ? n.name().substring(1) : n.name();
        if (bare.isEmpty() || bare.contains(".") || bare.contains("[")) {
          diags.error("FLOW0005", "`after` lists node names, found `" + n.name() + "`", n.span(),
              "write the name alone, e.g. `after: [save]`");
        } else {
          names.add(new Ident(bare, n.span()));
        }
      });
    }
    return names;
  }

  // retry := { attempts, backoff? }
  private Optional<NodeDecl.Retry> retry(YNode node) {
    Optional<YMap> body = mapping(node, "`retry`", "write `retry: {attempts: 3, backoff: 100ms}`");
    if (body.isEmpty()) {
      return Optional.empty();
    }
    checkKeys(body.get(), FlowSpec.RETRY, "`retry`");
    Optional<YNode> attemptsNode = body.get().get("attempts");
    if (attemptsNode.isEmpty()) {
      return Optional.empty();
    }
    OptionalInt attempts = positiveInt(attemptsNode.get(), "`retry.attempts`");
    if (attempts.isPresent() && (attempts.getAsInt() < 2 || attempts.getAsInt() > 100)) {
      diags.error("FLOW0005", "`retry.attempts` counts every attempt, so it is 2 to 100",
          attemptsNode.get().span(), "write `attempts: 3` for the first call and two retries");
      return Optional.empty();
    }
    long backoff = body.get().get("backoff").flatMap(this::duration).orElse(100L);
    return attempts.isPresent()
        ? Optional.of(new NodeDecl.Retry(attempts.getAsInt(), backoff))
        : Optional.empty();
  }

  // call := component '.' function | 'log'     function := name | iface '#' name
  private Optional<Call> call(YNode node) {
    Optional<Ident> text = scalarIdent(node, "`component.function`");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String s = text.get().name();
    Span span = text.get().span();
    int base = span.start() + leadingOffset(node, s);
    if (Builtin.find(s, "").isPresent()) {
      // `call: log`: a built-in without a function name; the checker resolves it.
      Span at = new Span(base, base + s.length());
      return Optional.of(new Call(new Ident(s, at), new Ident("", new Span(at.end(), at.end()))));
    }
    int dot = s.indexOf('.');
    if (dot <= 0 || dot == s.length() - 1) {
      String help =
          Builtin.NAMESPACES.contains(s)
              ? "write one of the `" + s + "` built-ins: "
                  + String.join(", ", Builtin.in(s).stream().map(b -> "`" + b.callName() + "`").toList())
              : "write `component.function`, e.g. `greet.greet`, or a built-in such as `kv.get` or `log`";
      diags.error(
          "FLOW0009", "`" + s + "` does not name a component and a function", text.get().span(), help);
      return Optional.empty();
    }
    return Optional.of(
        new Call(
            new Ident(s.substring(0, dot), new Span(base, base + dot)),
            new Ident(s.substring(dot + 1), new Span(base + dot + 1, base + s.length()))));
  }

  // expr := '$' ref | template | literal | [ expr... ] | { key: expr... }
  private Expr expr(YNode node) {
    if (node instanceof YScalar s && s.type() == ScalarType.STRING && s.value().contains("${")) {
      return template(s);
    }
    if (node instanceof YScalar s && s.type() == ScalarType.STRING && s.value().startsWith("$")) {
      if (s.value().startsWith("$$")) {
        return new Expr.Literal(new YScalar(s.value().substring(1), ScalarType.STRING, s.span()));
      }
      return ref(s);
    }
    if (node instanceof YSeq seq) {
      List<Expr> items = seq.items().stream().map(this::expr).toList();
      return items.stream().anyMatch(Expr::hasRefs)
          ? new Expr.ListExpr(items, seq.span())
          : new Expr.Literal(node);
    }
    if (node instanceof YMap map) {
      List<Expr.Entry> entries = new ArrayList<>();
      for (YEntry e : map.entries()) {
        entries.add(new Expr.Entry(new Ident(e.key().value(), e.key().span()), expr(e.value())));
      }
      return entries.stream().anyMatch(e -> e.value().hasRefs())
          ? new Expr.MapExpr(entries, map.span())
          : new Expr.Literal(node);
    }
    return new Expr.Literal(node);
  }

  // template := ( text | '$$' | '${' ref-body '}' )*
  private Expr template(YScalar s) {
    String text = s.value();
    int base = s.span().start() + leadingOffset(s, text);
    List<Expr.TemplatePart> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        literal.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          diags.error("FLOW0007", "`${` in `" + text + "` is not closed", s.span(),
              "write `${node.field}` to insert a value, or `$${` for a literal `${`");
          return new Expr.Literal(s);
        }
        if (!literal.isEmpty()) {
          parts.add(new Expr.TextPart(literal.toString()));
          literal.setLength(0);
        }
        Expr ref = refAt(s, "$" + text.substring(i + 2, close), base + i + 1);
        if (!(ref instanceof Expr.Ref r)) {
          return ref;
        }
        parts.add(new Expr.RefPart(new Expr.Ref(r.root(), r.path(),
            new Span(base + i, Math.min(base + close + 1, s.span().end())))));
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (!literal.isEmpty()) {
      parts.add(new Expr.TextPart(literal.toString()));
    }
    return new Expr.Template(parts, s.span());
  }

  // ref := '$' name ( '.' name | '[' digits ']' )*
  private Expr ref(YScalar s) {
    return refAt(s, s.value(), s.span().start() + leadingOffset(s, s.value()));
  }

  /** Parses {@code text} (which starts with {@code $}) as a reference whose {@code $} is at {@code base}. */
  private Expr refAt(YScalar s, String text, int base) {
    int i = 1;
    int start = i;
    while (i < text.length() && isNameChar(text.charAt(i))) {
      i++;
    }
    if (i == start) {
      return badRef(s, text, "a name must follow `$`");
    }
    Ident root = new Ident(text.substring(start, i), new Span(base + start, base + i));
    List<Segment> path = new ArrayList<>();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int from = ++i;
        while (i < text.length() && isNameChar(text.charAt(i))) {
          i++;
        }
        if (i == from) {
          return badRef(s, text, "a field name must follow `.`");
        }
        path.add(new FieldSegment(text.substring(from, i), new Span(base + from - 1, base + i)));
      } else if (c == '[') {
        int from = ++i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
          i++;
        }
        if (i == from || i >= text.length() || text.charAt(i) != ']' || i - from > 9) {
          return badRef(s, text, "an index is written `[0]`");
        }
        int index = Integer.parseInt(text.substring(from, i));
        i++;
        path.add(new IndexSegment(index, new Span(base + from - 1, base + i)));
      } else {
        return badRef(s, text, "unexpected `" + c + "` in a reference");
      }
    }
    return new Expr.Ref(root, path, s.span());
  }

  private Expr badRef(YScalar s, String text, String what) {
    diags.error(
        "FLOW0007",
        "malformed reference `" + text + "`: " + what,
        s.span(),
        "write `$input.name`, `$node`, `$node.field` or `$node.items[0]`; `$$` starts a literal `$`");
    return new Expr.Literal(s);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }

  /** Chars between the node's start and its text: an opening quote for quoted scalars. */
  private static int leadingOffset(YNode node, String value) {
    int width = node.span().end() - node.span().start();
    return width > value.length() ? 1 : 0;
  }

  private Optional<YMap> mapping(YNode node, String what, String help) {
    if (node instanceof YMap m) {
      return Optional.of(m);
    }
    diags.error("FLOW0005", what + " must be a mapping, found " + node.describe(), node.span(), help);
    return Optional.empty();
  }

  private Optional<Ident> scalarIdent(YNode node, String what) {
    if (node instanceof YScalar s && s.type() != ScalarType.NULL) {
      return Optional.of(new Ident(s.value(), s.span()));
    }
    diags.error("FLOW0005", "expected " + what + ", found " + node.describe(), node.span());
    return Optional.empty();
  }

  private Ident name(YScalar key, String what) {
    if (!NAME.matcher(key.value()).matches()) {
      diags.error(
          "FLOW0006",
          what + " name `" + key.value() + "` is not a valid name",
          key.span(),
          "use letters, digits, `_` and `-`, starting with a letter, e.g. `" + kebab(key.value()) + "`");
    }
    return new Ident(key.value(), key.span());
  }

  private void checkKeys(YMap map, List<FieldSpec> spec, String where) {
    List<String> valid = FieldSpec.keys(spec);
    for (YEntry e : map.entries()) {
      String key = e.key().value();
      if (!valid.contains(key)) {
        String help =
            Suggestions.didYouMean(key, valid).map(s -> s + " ").orElse("")
                + "valid keys: "
                + String.join(", ", valid);
        diags.error("FLOW0003", "unknown key `" + key + "` in " + where, e.key().span(), help);
      }
    }
    for (FieldSpec f : spec) {
      if (f.required() && map.entry(f.key()).isEmpty()) {
        diags.error(
            "FLOW0004",
            where + " needs `" + f.key() + "`",
            map.span(),
            "add `" + f.key() + ":` (" + f.summary() + ")");
      }
    }
  }

  private OptionalInt positiveInt(YNode node, String what) {
    OptionalInt v = positiveIntQuiet(node);
    if (v.isEmpty()) {
      diags.error("FLOW0005", what + " must be a positive integer, found " + node.describe(), node.span());
    }
    return v;
  }

  private OptionalInt positiveIntQuiet(YNode node) {
    if (node instanceof YScalar s && s.type() == ScalarType.INT) {
      try {
        int v = Integer.parseInt(s.value());
        return v > 0 ? OptionalInt.of(v) : OptionalInt.empty();
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }

  private Optional<Long> duration(YNode node) {
    Optional<Long> v = durationQuiet(node);
    if (v.isEmpty()) {
      diags.error(
          "FLOW0008",
          "expected a duration, found " + describeScalar(node),
          node.span(),
          "write a number and a unit: `500ms`, `2s` or `1m`");
    }
    return v;
  }

  private Optional<Long> durationQuiet(YNode node) {
    if (!(node instanceof YScalar s)) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(s.value().strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    long millis =
        switch (m.group(2)) {
          case "ms" -> n;
          case "s" -> n * 1000;
          default -> n * 60_000;
        };
    return millis > 0 ? Optional.of(millis) : Optional.empty();
  }

  private Optional<Long> size(YNode node) {
    Optional<Long> v = sizeQuiet(node);
    if (v.isEmpty()) {
      diags.error(
          "FLOW0008",
          "expected a size, found " + describeScalar(node),
          node.span(),
          "write a number and a unit: `64KiB`, `16MiB` or `1GiB`");
    }
    return v;
  }

  private Optional<Long> sizeQuiet(YNode node) {
    if (!(node instanceof YScalar s)) {
      return Optional.empty();
    }
    Matcher m = SIZE.matcher(s.value().strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    long shift =
        switch (m.group(2)) {
          case "B" -> 0;
          case "KiB" -> 10;
          case "MiB" -> 20;
          default -> 30;
        };
    return n > 0 ? Optional.of(n << shift) : Optional.empty();
  }

  private static String describeScalar(YNode node) {
    return node instanceof YScalar s ? "`" + s.value() + "`" : node.describe();
  }

  private static String kebab(String name) {
    String k =
        name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("[^A-Za-z0-9]+", "-").toLowerCase();
    k = k.replaceAll("^-+|-+$", "");
    return k.isEmpty() ? "my-name" : Character.isLetter(k.charAt(0)) ? k : "x-" + k;
  }
}
