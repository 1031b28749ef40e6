package dev.weft.flows.check;

import dev.weft.flows.ast.ComponentDecl;
import dev.weft.flows.ast.Expr;
import dev.weft.flows.ast.FlowDoc;
import dev.weft.flows.ast.Ident;
import dev.weft.flows.ast.InputDecl;
import dev.weft.flows.ast.NodeDecl;
import dev.weft.flows.ast.OutputDecl;
import dev.weft.flows.builtin.Builtin;
import dev.weft.flows.host.Grants;
import dev.weft.flows.host.WasiDirs;
import dev.weft.flows.http.HttpRoute;
import dev.weft.flows.http.RouteCheck;
import dev.weft.flows.model.Binding;
import dev.weft.flows.model.FlowComponent;
import dev.weft.flows.model.FlowGraph;
import dev.weft.flows.model.FlowInput;
import dev.weft.flows.model.FlowNode;
import dev.weft.flows.model.FlowOutput;
import dev.weft.flows.model.NodeId;
import dev.weft.flows.model.Typed;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Suggestions;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.OptionType;
import dev.weft.flows.model.RetryPolicy;
import dev.weft.flows.model.TypeArena;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.WitType;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.value.WitValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Resolves and type-checks a parsed flow: components are loaded through a {@link
 * ComponentCatalog}, every call names an export (or a built-in, typed by the {@code weft:host}
 * WIT), every reference names an input or a node, the
 * graph has no cycle, and every argument, condition and output has a type that fits. Reports all
 * problems; returns a {@link FlowGraph} only when there are none.
 */
public final class FlowChecker {
  private final FlowDoc doc;
  private final ComponentCatalog catalog;
  private final Diagnostics diags;
  private final BiFunction<Ident, Diagnostics, Optional<Typed>> typeParser;
  private final SubflowCatalog subflows;

  private final Map<String, FlowInput> inputs = new LinkedHashMap<>();
  private final Map<String, ComponentDecl> componentDecls = new LinkedHashMap<>();
  private final Map<String, ComponentSignature> signatures = new LinkedHashMap<>();
  private final Map<String, NodeDecl> nodeDecls = new LinkedHashMap<>();
  private final Map<String, Resolved> resolved = new LinkedHashMap<>();

  /** A node whose call resolved to an export, a sub-flow or a built-in. */
  private record Resolved(
      NodeDecl decl,
      String exportKey,
      Function function,
      ComponentSignature sig,
      Optional<FlowGraph> subflow,
      Optional<Builtin> builtin) {
    Resolved(NodeDecl decl, String exportKey, Function function, ComponentSignature sig,
        Optional<FlowGraph> subflow) {
      this(decl, exportKey, function, sig, subflow, Optional.empty());
    }

    /** The result of one call of the function. */
    Optional<Typed> callType() {
      return function.result().map(t -> new Typed(t, sig.types()));
    }

    /** What `$node` is downstream: a list for `for-each`, an option for `when`. */
    Optional<Typed> resultType() {
      Optional<Typed> r = callType();
      if (decl.forEach().isPresent()) {
        r = r.map(t -> new Typed(new ListType(t.type()), t.table()));
      }
      return decl.when().isPresent() ? r.map(t -> new Typed(new OptionType(t.type()), t.table())) : r;
    }
  }

  private FlowChecker(
      FlowDoc doc,
      ComponentCatalog catalog,
      SubflowCatalog subflows,
      BiFunction<Ident, Diagnostics, Optional<Typed>> typeParser,
      Diagnostics diags) {
    this.doc = doc;
    this.catalog = catalog;
    this.subflows = subflows;
    this.typeParser = typeParser;
    this.diags = diags;
  }

  /**
   * Checks {@code doc}.
   *
   * @param typeParser parses an input's WIT type text, reporting problems at its span
   * @return the checked graph, or empty when any problem was reported
   */
  public static Optional<FlowGraph> check(
      FlowDoc doc,
      ComponentCatalog catalog,
      SubflowCatalog subflows,
      BiFunction<Ident, Diagnostics, Optional<Typed>> typeParser,
      Diagnostics diags) {
    return new FlowChecker(doc, catalog, subflows, typeParser, diags).check();
  }

  private Optional<FlowGraph> check() {
    int before = diags.size();
    for (InputDecl in : doc.inputs()) {
      typeParser.apply(in.type(), diags)
          .ifPresent(t -> inputs.put(in.name().name(),
              new FlowInput(in.name().name(), t, ConstraintCheck.check(in, t, diags))));
    }
    List<FlowComponent> components = new ArrayList<>();
    for (ComponentDecl c : doc.components()) {
      BuiltinCalls.checkName(c, diags);
      componentDecls.put(c.name().name(), c);
      component(c).ifPresent(components::add);
    }
    for (NodeDecl n : doc.nodes()) {
      nodeDecls.put(n.name().name(), n);
    }
    for (NodeDecl n : doc.nodes()) {
      resolveCall(n).ifPresent(r -> resolved.put(n.name().name(), r));
    }
    Map<String, List<Expr.Ref>> deps = new LinkedHashMap<>();
    for (NodeDecl n : doc.nodes()) {
      List<Expr.Ref> refs = new ArrayList<>(references(n));
      refs.addAll(after(n));
      deps.put(n.name().name(), refs);
    }
    List<String> order = GraphOrder.sort(doc.nodes(), deps, diags);
    ExprChecker exprs = new ExprChecker(diags, this::refType, inputs, nodeDecls.keySet());
    List<FlowNode> nodes = new ArrayList<>();
    for (String name : order) {
      Resolved r = resolved.get(name);
      if (r != null) {
        node(r, exprs, deps.get(name)).ifPresent(nodes::add);
      }
    }
    List<FlowOutput> outputs = new ArrayList<>();
    for (OutputDecl o : doc.outputs()) {
      exprs.infer(o.value()).ifPresent(b -> outputs.add(new FlowOutput(o.name().name(), b)));
    }
    if (doc.outputs().isEmpty()) {
      diags.error("FLOW0004", "the flow has no outputs", doc.name().span(), "add `output: {name: $node}`");
    }
    Optional<HttpRoute> http =
        diags.size() > before
            ? Optional.empty()
            : doc.http().flatMap(r -> RouteCheck.check(r, inputs, outputs, diags));
    if (diags.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new FlowGraph(
            doc.name().name(), doc.description(), doc.file(), components,
            List.copyOf(inputs.values()), nodes, outputs, http));
  }

  private Optional<FlowComponent> component(ComponentDecl c) {
    Path dir = doc.file().toAbsolutePath().getParent();
    Path wasm = dir.resolve(c.wasm().name()).normalize();
    Optional<Path> wit = c.wit().map(w -> dir.resolve(w.name()).normalize());
    Grants grants = c.grants().map(g -> WasiDirs.resolve(g, dir, diags)).orElse(Grants.NONE);
    catalog.signature(c, wasm, grants, diags).ifPresent(s -> signatures.put(c.name().name(), s));
    return Optional.of(
        new FlowComponent(
            c.name().name(), wasm, wit, c.world().map(Ident::name),
            c.poolMax(), c.memoryLimitBytes(), c.timeoutMillis(), grants, c.poolReset()));
  }

  private Optional<Resolved> resolveCall(NodeDecl n) {
    if (n.flow().isPresent()) {
      return resolveFlow(n, n.flow().get());
    }
    Ident comp = n.call().orElseThrow().component();
    Ident fn = n.call().orElseThrow().function();
    if (Builtin.NAMESPACES.contains(comp.name())) {
      return resolveBuiltin(n, comp, fn);
    }
    if (!componentDecls.containsKey(comp.name())) {
      diags.error(
          "FLOW0101",
          "unknown component `" + comp.name() + "`",
          comp.span(),
          Suggestions.didYouMean(comp.name(), componentDecls.keySet())
              .orElse("declare it under `components:`; declared: " + names(componentDecls.keySet())));
      return Optional.empty();
    }
    ComponentSignature sig = signatures.get(comp.name());
    if (sig == null) {
      return Optional.empty(); // its loading problem is already reported
    }
    Optional<String> key = sig.find(fn.name());
    if (key.isEmpty()) {
      List<String> fns =
          sig.exports().keySet().stream().map(k -> k.substring(k.indexOf('#') + 1)).toList();
      String list =
          sig.exports().entrySet().stream()
              .map(e -> "`" + e.getKey() + ": " + signature(e.getValue(), sig) + "`")
              .collect(Collectors.joining(", "));
      diags.error(
          "FLOW0103",
          "component `" + comp.name() + "` has no function `" + fn.name() + "`",
          fn.span(),
          Suggestions.didYouMean(fn.name(), fns).map(s -> s + " ").orElse("")
              + "it exports " + list);
      return Optional.empty();
    }
    return Optional.of(
        new Resolved(n, key.get(), sig.exports().get(key.get()), sig, Optional.empty()));
  }

  /** `call: kv.get`, `call: log`: a built-in, typed by its `weft:host` function. */
  private Optional<Resolved> resolveBuiltin(NodeDecl n, Ident ns, Ident fn) {
    return BuiltinCalls.resolve(ns, fn, diags).map(sig -> {
      String key = sig.builtin().callName();
      return new Resolved(n, key, sig.function(),
          new ComponentSignature(sig.types(), Map.of(key, sig.function())), Optional.empty(),
          Optional.of(sig.builtin()));
    });
  }

  /** A `flow:` node: the sub-flow's inputs are its parameters, its output record its result. */
  private Optional<Resolved> resolveFlow(NodeDecl n, Ident path) {
    Path file = doc.file().toAbsolutePath().getParent().resolve(path.name()).normalize();
    Optional<FlowGraph> sub = subflows.flow(file, path, diags);
    if (sub.isEmpty()) {
      return Optional.empty();
    }
    FlowGraph g = sub.get();
    TypeArena arena = new TypeArena();
    List<Param> params = new ArrayList<>();
    for (FlowInput in : g.inputs()) {
      params.add(new Param(in.name(), arena.add(in.type())));
    }
    List<Field> fields = new ArrayList<>();
    for (FlowOutput o : g.outputs()) {
      fields.add(Field.of(o.name(), arena.add(o.value().type())));
    }
    String key = "flow " + g.name();
    Function fn = Function.of(g.name(), params, Optional.of(new RecordType(fields)));
    ComponentSignature sig = new ComponentSignature(arena, Map.of(key, fn));
    return Optional.of(new Resolved(n, key, fn, sig, sub));
  }

  private Optional<FlowNode> node(Resolved r, ExprChecker exprs, List<Expr.Ref> refs) {
    NodeDecl n = r.decl();
    int before = diags.size();
    List<Binding> args = new ArrayList<>();
    Map<String, NodeDecl.Arg> given = new LinkedHashMap<>();
    for (NodeDecl.Arg a : n.with()) {
      given.put(a.param().name(), a);
    }
    Optional<Binding> forEach = Optional.empty();
    exprs.item(Optional.empty());
    if (n.forEach().isPresent()) {
      forEach = exprs.infer(n.forEach().get());
      Optional<Typed> element = forEach.flatMap(b -> elementOf(b.type()));
      if (forEach.isPresent() && element.isEmpty()) {
        diags.error("FLOW0209", "`for-each` of node `" + n.name().name() + "` needs a list, found `"
                + TypeNames.display(forEach.get().type().type(), forEach.get().type().table()) + "`",
            n.forEach().get().span(), "write `for-each: $input.items` with a `list<T>` value");
        forEach = Optional.empty();
      }
      exprs.item(element);
    }
    List<String> paramNames = r.function().params().stream().map(Param::name).toList();
    for (Param p : r.function().params()) {
      NodeDecl.Arg a = given.get(p.name());
      Typed expected = new Typed(p.type(), r.sig().types());
      if (a == null && expected.structure() instanceof OptionType) {
        args.add(new Binding.Constant(WitValue.OptionValue.NONE, expected));
        continue;
      }
      if (a == null) {
        diags.error(
            "FLOW0106",
            "node `" + n.name().name() + "` does not pass `" + p.name() + "` ("
                + TypeNames.display(p.type(), r.sig().types()) + ") to `" + r.exportKey() + "`",
            n.name().span(),
            "add `with: {" + p.name() + ": ...}`");
        continue;
      }
      String where = "argument `" + p.name() + "` of node `" + n.name().name() + "`";
      exprs.check(a.value(), expected, where).ifPresent(args::add);
    }
    for (NodeDecl.Arg a : n.with()) {
      if (!paramNames.contains(a.param().name())) {
        diags.error(
            "FLOW0107",
            "`" + r.exportKey() + "` has no parameter `" + a.param().name() + "`",
            a.param().span(),
            Suggestions.didYouMean(a.param().name(), paramNames).map(s -> s + " ").orElse("")
                + "its signature is `" + signature(r.function(), r.sig()) + "`");
      }
    }
    Optional<Binding> fallback = Optional.empty();
    if (n.fallback().isPresent()) {
      Optional<Typed> callType = r.callType();
      if (callType.isEmpty()) {
        diags.error("FLOW0212", "node `" + n.name().name() + "` has a `fallback` but `" + r.exportKey()
                + "` returns nothing", n.fallback().get().span(), "remove the fallback");
      } else {
        fallback = exprs.check(n.fallback().get(), callType.get(),
            "the `fallback` of node `" + n.name().name() + "`");
      }
    }
    exprs.item(Optional.empty());
    Optional<Binding> when = Optional.empty();
    if (n.when().isPresent()) {
      when = exprs.check(n.when().get(), new Typed(Primitive.BOOL, dev.weft.flows.model.TypeTables.EMPTY),
          "the `when` condition of node `" + n.name().name() + "`");
    }
    if (diags.size() > before) {
      return Optional.empty();
    }
    Set<NodeId> dependsOn = new LinkedHashSet<>();
    for (Expr.Ref ref : refs) {
      if (nodeDecls.containsKey(ref.root().name())) {
        dependsOn.add(new NodeId(ref.root().name()));
      }
    }
    return Optional.of(
        new FlowNode(
            new NodeId(n.name().name()),
            r.builtin().isPresent() ? "" : n.call().map(c -> c.component().name()).orElse(""),
            r.exportKey(),
            r.function(),
            args, when, n.timeoutMillis(), List.copyOf(dependsOn), r.resultType(),
            forEach, n.concurrency().orElse(0),
            n.retry().map(x -> new RetryPolicy(x.attempts(), x.backoffMillis())), fallback,
            r.subflow(), r.builtin()));
  }

  /** The type a reference's root has: an input or a node's result; reports why not. */
  private Optional<Typed> refType(Expr.Ref ref) {
    String root = ref.root().name();
    if (root.equals("input")) {
      throw new AssertionError("ExprChecker resolves $input itself");
    }
    Resolved r = resolved.get(root);
    if (r == null) {
      return Optional.empty(); // an unresolved node; its problem is already reported
    }
    Optional<Typed> t = r.resultType();
    if (t.isEmpty()) {
      diags.error(
          "FLOW0110",
          "node `" + root + "` returns nothing, so `$" + root + "` has no value",
          ref.root().span(),
          "`" + r.exportKey() + "` has no result; use another node's value");
    }
    return t;
  }

  /**
   * The nodes of {@code after:} as references without a path, so that ordering, cycle reports and
   * {@code dependsOn} treat them as they treat {@code $node}; names that are not nodes of this
   * flow, or the node itself, are reported and left out.
   */
  private List<Expr.Ref> after(NodeDecl n) {
    List<Expr.Ref> refs = new ArrayList<>();
    for (Ident a : n.after()) {
      if (a.name().equals(n.name().name())) {
        diags.error("FLOW0105", "node `" + a.name() + "` cannot run after itself", a.span(),
            "list the nodes this one must wait for");
      } else if (!nodeDecls.containsKey(a.name())) {
        diags.error("FLOW0104", "`after` names `" + a.name() + "`, which is not a node of this flow", a.span(),
            Suggestions.didYouMean(a.name(), nodeDecls.keySet()).orElse(
                "the nodes are " + names(nodeDecls.keySet())));
      } else {
        refs.add(new Expr.Ref(a, List.of(), a.span()));
      }
    }
    return refs;
  }

  private static List<Expr.Ref> references(NodeDecl n) {
    List<Expr.Ref> refs = new ArrayList<>();
    n.with().forEach(a -> ExprChecker.collectRefs(a.value(), refs));
    n.when().ifPresent(w -> ExprChecker.collectRefs(w, refs));
    n.forEach().ifPresent(f -> ExprChecker.collectRefs(f, refs));
    n.fallback().ifPresent(f -> ExprChecker.collectRefs(f, refs));
    return refs;
  }

  private static Optional<Typed> elementOf(Typed list) {
    WitType s = list.structure();
    if (s instanceof ListType l) {
      return Optional.of(new Typed(l.element(), list.table()));
    }
    if (s instanceof FixedListType l) {
      return Optional.of(new Typed(l.element(), list.table()));
    }
    return Optional.empty();
  }

  static String signature(Function f, ComponentSignature sig) {
    String params =
        f.params().stream()
            .map(p -> p.name() + ": " + TypeNames.display(p.type(), sig.types()))
            .collect(Collectors.joining(", "));
    return "func(" + params + ")"
        + f.result().map(t -> " -> " + TypeNames.display(t, sig.types())).orElse("");
  }

  private static String names(Set<String> names) {
    return names.isEmpty() ? "none" : names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
  }

}
