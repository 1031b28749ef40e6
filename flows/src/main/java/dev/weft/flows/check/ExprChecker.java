package dev.weft.flows.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weft.flows.ast.Expr;
import dev.weft.flows.model.Binding;
import dev.weft.flows.model.FlowInput;
import dev.weft.flows.model.NodeId;
import dev.weft.flows.model.Step;
import dev.weft.flows.model.Typed;
import dev.weft.flows.model.TypeTables;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Suggestions;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.Kind;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.model.WitType;
import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Type-checks expressions: a reference's type is walked along its path, a literal is read in the
 * JSON mapping against the type it must have (so a bad literal is caught before the flow runs),
 * lists and mappings with references are checked part by part. Produces {@link Binding}s.
 */
final class ExprChecker {
  private final Diagnostics diags;
  private final Function<Expr.Ref, Optional<Typed>> nodeType;
  private final Map<String, FlowInput> inputs;
  private final Set<String> nodes;
  private Optional<Typed> item = Optional.empty();

  ExprChecker(
      Diagnostics diags,
      Function<Expr.Ref, Optional<Typed>> nodeType,
      Map<String, FlowInput> inputs,
      Set<String> nodes) {
    this.diags = diags;
    this.nodeType = nodeType;
    this.inputs = inputs;
    this.nodes = nodes;
  }

  /**
   * Sets the type of {@code $item} for the expressions checked next: the element type inside a
   * {@code for-each} node, empty elsewhere.
   */
  void item(Optional<Typed> type) {
    item = type;
  }

  /** Checks that {@code e} fits {@code expected}; {@code where} names the place for messages. */
  Optional<Binding> check(Expr e, Typed expected, String where) {
    if (e instanceof Expr.Ref ref) {
      return ref(ref).flatMap(b -> fit(b, expected, where, e));
    }
    if (e instanceof Expr.Literal lit) {
      return literal(lit, expected, where);
    }
    if (e instanceof Expr.Template t) {
      return template(t).flatMap(b -> fit(b, expected, where, e));
    }
    WitType s = expected.structure();
    if (s instanceof OptionType o) {
      return check(e, new Typed(o.some(), expected.table()), where)
          .map(b -> new Binding.WrapSome(b, expected));
    }
    if (e instanceof Expr.ListExpr list) {
      return list(list, expected, s, where);
    }
    return record((Expr.MapExpr) e, expected, s, where);
  }

  /** The binding and type of an expression that has no expected type (a flow output). */
  Optional<Binding> infer(Expr e) {
    if (e instanceof Expr.Ref ref) {
      return ref(ref);
    }
    if (e instanceof Expr.Template t) {
      return template(t);
    }
    if (e instanceof Expr.Literal lit) {
      Optional<WitType> t = LiteralTypes.infer(lit.node());
      if (t.isEmpty()) {
        diags.error(
            "FLOW0211",
            "cannot tell the WIT type of this literal output",
            e.span(),
            "outputs that are constants must be a string, number or bool; build others in a node");
        return Optional.empty();
      }
      return literal(lit, new Typed(t.get(), TypeTables.EMPTY), "this output");
    }
    if (e instanceof Expr.ListExpr list) {
      List<Binding> items = new ArrayList<>();
      for (Expr item : list.items()) {
        infer(item).ifPresent(items::add);
      }
      if (items.size() != list.items().size()) {
        return Optional.empty();
      }
      List<WitType> types = items.stream().map(b -> b.type().type()).toList();
      // Items of different types (or of different components) make a tuple.
      boolean same =
          items.stream().allMatch(b -> TypeCompat.mismatch(b.type(), items.get(0).type()).isEmpty());
      if (same && !items.isEmpty()) {
        Typed t = new Typed(new ListType(items.get(0).type().type()), items.get(0).type().table());
        return Optional.of(new Binding.MakeList(items, t));
      }
      if (items.stream().map(b -> b.type().table()).distinct().count() > 1) {
        diags.error("FLOW0211", "cannot build one output list from values of different components",
            e.span(), "output them as separate fields");
        return Optional.empty();
      }
      return Optional.of(new Binding.MakeTuple(items,
          new Typed(new TupleType(types), items.isEmpty() ? TypeTables.EMPTY : items.get(0).type().table())));
    }
    Expr.MapExpr map = (Expr.MapExpr) e;
    List<String> names = new ArrayList<>();
    List<Binding> values = new ArrayList<>();
    for (Expr.Entry entry : map.entries()) {
      infer(entry.value()).ifPresent(b -> {
        names.add(entry.key().name());
        values.add(b);
      });
    }
    if (values.size() != map.entries().size()) {
      return Optional.empty();
    }
    if (values.stream().map(b -> b.type().table()).distinct().count() > 1) {
      diags.error("FLOW0211", "cannot build one output record from values of different components",
          e.span(), "output them as separate fields");
      return Optional.empty();
    }
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      fields.add(Field.of(names.get(i), values.get(i).type().type()));
    }
    return Optional.of(new Binding.MakeRecord(names, values,
        new Typed(new RecordType(fields), values.get(0).type().table())));
  }

  /** Adds the references inside {@code e} to {@code out}, in source order. */
  static void collectRefs(Expr e, List<Expr.Ref> out) {
    if (e instanceof Expr.Ref r) {
      out.add(r);
    } else if (e instanceof Expr.ListExpr l) {
      l.items().forEach(i -> collectRefs(i, out));
    } else if (e instanceof Expr.MapExpr m) {
      m.entries().forEach(en -> collectRefs(en.value(), out));
    } else if (e instanceof Expr.Template t) {
      for (Expr.TemplatePart p : t.parts()) {
        if (p instanceof Expr.RefPart r) {
          out.add(r.ref());
        }
      }
    }
  }

  /** Kinds of values a template can insert as text. */
  private static final Set<Kind> TEXT_KINDS = Set.of(Kind.BOOL, Kind.U8, Kind.U16, Kind.U32,
      Kind.U64, Kind.S8, Kind.S16, Kind.S32, Kind.S64, Kind.F32, Kind.F64, Kind.CHAR, Kind.STRING,
      Kind.ENUM);

  private Optional<Binding> template(Expr.Template t) {
    List<Binding> parts = new ArrayList<>();
    boolean ok = true;
    for (Expr.TemplatePart p : t.parts()) {
      if (p instanceof Expr.TextPart text) {
        parts.add(new Binding.Constant(new WitValue.Str(text.text()), STRING));
        continue;
      }
      Expr.Ref ref = ((Expr.RefPart) p).ref();
      Optional<Binding> b = ref(ref);
      if (b.isEmpty()) {
        ok = false;
        continue;
      }
      Typed type = b.get().type();
      if (!TEXT_KINDS.contains(type.structure().kind())) {
        String found = TypeNames.display(type.type(), type.table());
        diags.error("FLOW0213", "`${" + ref.text() + "}` is a `" + found
                + "`, which a template cannot write as text", ref.span(),
            type.structure() instanceof OptionType || type.structure() instanceof ResultType
                ? "step into it first: `.some`, `.ok` or `.err`"
                : "insert strings, numbers, bools, chars or enums; pick a field of it");
        ok = false;
        continue;
      }
      parts.add(b.get());
    }
    return ok ? Optional.of(new Binding.Template(parts, STRING)) : Optional.empty();
  }

  private static final Typed STRING = new Typed(Primitive.STRING, TypeTables.EMPTY);

  private Optional<Binding> fit(Binding b, Typed expected, String where, Expr e) {
    Optional<String> mismatch = TypeCompat.mismatch(b.type(), expected);
    if (mismatch.isEmpty()) {
      return Optional.of(b);
    }
    WitType s = expected.structure();
    if (s instanceof OptionType o) {
      Typed some = new Typed(o.some(), expected.table());
      if (isUtf8(b, some)) {
        return Optional.of(new Binding.WrapSome(new Binding.Utf8(b, some), expected));
      }
      if (TypeCompat.mismatch(b.type(), some).isEmpty()) {
        return Optional.of(new Binding.WrapSome(b, expected));
      }
    }
    if (isUtf8(b, expected)) {
      return Optional.of(new Binding.Utf8(b, expected));
    }
    String found = TypeNames.display(b.type().type(), b.type().table());
    String want = TypeNames.display(expected.type(), expected.table());
    String detail = mismatch.get().startsWith("at ") ? " (" + mismatch.get() + ")" : "";
    diags.error(
        "FLOW0207",
        where + " expects `" + want + "`, found `" + found + "`" + detail,
        e.span(),
        "connect a value of type `" + want + "`");
    return Optional.empty();
  }

  /** Whether {@code b} is a string given where {@code list<u8>} is expected: passed as UTF-8. */
  private static boolean isUtf8(Binding b, Typed expected) {
    return b.type().structure().kind() == Kind.STRING
        && expected.structure() instanceof ListType l
        && expected.table().unalias(l.element()).kind() == Kind.U8;
  }

  private Optional<Binding> ref(Expr.Ref ref) {
    String root = ref.root().name();
    List<Expr.Segment> path = ref.path();
    Typed t;
    Binding.FromInput inputBinding = null;
    int first = 0;
    if (root.equals("input")) {
      if (path.isEmpty() || !(path.get(0) instanceof Expr.FieldSegment f)) {
        diags.error("FLOW0104", "`$input` needs the name of an input", ref.span(),
            "write `$input.name`; inputs: " + listOr(inputs.keySet()));
        return Optional.empty();
      }
      FlowInput in = inputs.get(f.name());
      if (in == null) {
        diags.error("FLOW0104", "unknown input `" + f.name() + "`", f.span(),
            Suggestions.didYouMean(f.name(), inputs.keySet()).map(s -> s + " ").orElse("")
                + "declare it under `input:`; inputs: " + listOr(inputs.keySet()));
        return Optional.empty();
      }
      t = in.type();
      first = 1;
      inputBinding = new Binding.FromInput(in.name(), List.of(), t);
    } else if (root.equals("item")) {
      if (item.isEmpty()) {
        diags.error("FLOW0104", "`$item` is only defined in a node with `for-each`", ref.root().span(),
            "use it in the `with` or `fallback` of a node that has `for-each: $some.list`");
        return Optional.empty();
      }
      List<Step> itemSteps = new ArrayList<>();
      Typed at = item.get();
      for (Expr.Segment seg : path) {
        Optional<Typed> next = step(at, seg, itemSteps, ref);
        if (next.isEmpty()) {
          return Optional.empty();
        }
        at = next.get();
      }
      return Optional.of(new Binding.FromItem(itemSteps, at));
    } else if (nodes.contains(root)) {
      Optional<Typed> nt = nodeType.apply(ref);
      if (nt.isEmpty()) {
        return Optional.empty();
      }
      t = nt.get();
    } else {
      Set<String> roots = new HashSet<>(nodes);
      roots.add("input");
      diags.error("FLOW0104", "`$" + root + "` is neither an input nor a node", ref.root().span(),
          Suggestions.didYouMean(root, roots).orElse(
              "write `$input.name` or `$node` with a node of this flow: " + listOr(nodes)));
      return Optional.empty();
    }
    List<Step> steps = new ArrayList<>();
    for (Expr.Segment seg : path.subList(first, path.size())) {
      Optional<Typed> next = step(t, seg, steps, ref);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      t = next.get();
    }
    return Optional.of(
        inputBinding != null
            ? new Binding.FromInput(inputBinding.input(), steps, t)
            : new Binding.FromNode(new NodeId(root), steps, t));
  }

  private Optional<Typed> step(Typed t, Expr.Segment seg, List<Step> steps, Expr.Ref ref) {
    WitType s = t.structure();
    if (seg instanceof Expr.FieldSegment f) {
      if (s instanceof RecordType r) {
        for (int i = 0; i < r.fields().size(); i++) {
          if (r.fields().get(i).name().equals(f.name())) {
            steps.add(new Step.FieldStep(i, f.name()));
            return Optional.of(new Typed(r.fields().get(i).type(), t.table()));
          }
        }
        List<String> names = r.fields().stream().map(Field::name).toList();
        diags.error("FLOW0108", "`" + TypeNames.display(t.type(), t.table()) + "` has no field `"
                + f.name() + "`", f.span(),
            Suggestions.didYouMean(f.name(), names).map(x -> x + " ").orElse("")
                + "fields: " + listOr(names));
        return Optional.empty();
      }
      if (s instanceof ResultType r && (f.name().equals("ok") || f.name().equals("err"))) {
        boolean ok = f.name().equals("ok");
        Optional<WitType> side = ok ? r.ok() : r.err();
        Optional<WitType> other = ok ? r.err() : r.ok();
        if (side.isPresent()) {
          steps.add(new Step.CaseStep(f.name(), other.map(o -> new Typed(o, t.table()))));
          return Optional.of(new Typed(side.get(), t.table()));
        }
      }
      if (s instanceof OptionType o && f.name().equals("some")) {
        steps.add(new Step.CaseStep("some", Optional.empty()));
        return Optional.of(new Typed(o.some(), t.table()));
      }
      String help =
          s instanceof ResultType
              ? "a result has `.ok` and `.err` (each only when that side has a type)"
              : s instanceof OptionType
                  ? "an option has `.some`"
                  : "only records have fields, results `.ok`/`.err`, options `.some`; remove `" + f.text() + "`";
      diags.error("FLOW0108", "`$" + ref.text() + "` steps into `" + TypeNames.display(t.type(), t.table())
              + "`, which has no `" + f.name() + "`", f.span(), help);
      return Optional.empty();
    }
    int index = ((Expr.IndexSegment) seg).index();
    if (s instanceof ListType l) {
      steps.add(new Step.IndexStep(index));
      return Optional.of(new Typed(l.element(), t.table()));
    }
    if (s instanceof FixedListType l && index < l.size()) {
      steps.add(new Step.IndexStep(index));
      return Optional.of(new Typed(l.element(), t.table()));
    }
    if (s instanceof TupleType tt && index < tt.types().size()) {
      steps.add(new Step.IndexStep(index));
      return Optional.of(new Typed(tt.types().get(index), t.table()));
    }
    diags.error("FLOW0108", "cannot take element " + index + " of `"
            + TypeNames.display(t.type(), t.table()) + "`", seg.span(),
        "index lists, and tuples within their length");
    return Optional.empty();
  }

  private Optional<Binding> literal(Expr.Literal lit, Typed expected, String where) {
    JsonNode json = LiteralTypes.toJson(lit.node());
    try {
      WitValue v = ValueJson.fromJson(json, expected.type(), expected.table());
      return Optional.of(new Binding.Constant(v, expected));
    } catch (ValueException e) {
      String want = TypeNames.display(expected.type(), expected.table());
      String m = e.getMessage();
      String problem = m.substring(Math.min(m.length(),
          e.path().length() + ": expected `".length() + e.expected().length() + "`, ".length()));
      String message = e.path().equals("$")
          ? where + " expects `" + want + "`, " + problem
          : where + " expects `" + want + "`; at `" + e.path() + "` expected `" + e.expected() + "`, "
              + problem;
      diags.error("FLOW0208", message, lit.span(),
          "write the value in Weft's JSON mapping of `" + want + "` (see docs/values.md)");
      return Optional.empty();
    }
  }

  private Optional<Binding> list(Expr.ListExpr list, Typed expected, WitType s, String where) {
    List<Binding> items = new ArrayList<>();
    if (s instanceof ListType l) {
      Typed element = new Typed(l.element(), expected.table());
      for (int i = 0; i < list.items().size(); i++) {
        check(list.items().get(i), element, where + " (element " + i + ")").ifPresent(items::add);
      }
      return items.size() == list.items().size()
          ? Optional.of(new Binding.MakeList(items, expected)) : Optional.empty();
    }
    if (s instanceof TupleType t && t.types().size() == list.items().size()) {
      for (int i = 0; i < t.types().size(); i++) {
        check(list.items().get(i), new Typed(t.types().get(i), expected.table()),
            where + " (element " + i + ")").ifPresent(items::add);
      }
      return items.size() == list.items().size()
          ? Optional.of(new Binding.MakeTuple(items, expected)) : Optional.empty();
    }
    diags.error("FLOW0207", where + " expects `" + TypeNames.display(expected.type(), expected.table())
        + "`, found a list of " + list.items().size(), list.span(),
        "write a value of that type");
    return Optional.empty();
  }

  private Optional<Binding> record(Expr.MapExpr map, Typed expected, WitType s, String where) {
    if (!(s instanceof RecordType r)) {
      diags.error("FLOW0207", where + " expects `" + TypeNames.display(expected.type(), expected.table())
              + "`, found a mapping", map.span(),
          "a mapping with references builds a record; other types take a reference or a literal");
      return Optional.empty();
    }
    Map<String, Expr.Entry> given = new LinkedHashMap<>();
    map.entries().forEach(e -> given.put(e.key().name(), e));
    List<String> fieldNames = r.fields().stream().map(Field::name).toList();
    List<String> names = new ArrayList<>();
    List<Binding> values = new ArrayList<>();
    boolean ok = true;
    for (Field f : r.fields()) {
      Expr.Entry e = given.get(f.name());
      if (e == null && expected.table().unalias(f.type()).kind() == Kind.OPTION) {
        names.add(f.name());
        values.add(new Binding.Constant(WitValue.OptionValue.NONE, new Typed(f.type(), expected.table())));
        continue;
      }
      if (e == null) {
        diags.error("FLOW0106", where + " is missing field `" + f.name() + "` ("
            + TypeNames.display(f.type(), expected.table()) + ")", map.span(),
            "add `" + f.name() + ": ...`");
        ok = false;
        continue;
      }
      Optional<Binding> b = check(e.value(), new Typed(f.type(), expected.table()),
          where + " (field `" + f.name() + "`)");
      ok &= b.isPresent();
      b.ifPresent(v -> {
        names.add(f.name());
        values.add(v);
      });
    }
    for (Expr.Entry e : map.entries()) {
      if (!fieldNames.contains(e.key().name())) {
        diags.error("FLOW0107", "`" + TypeNames.display(expected.type(), expected.table())
                + "` has no field `" + e.key().name() + "`", e.key().span(),
            Suggestions.didYouMean(e.key().name(), fieldNames).map(x -> x + " ").orElse("")
                + "fields: " + listOr(fieldNames));
        ok = false;
      }
    }
    return ok ? Optional.of(new Binding.MakeRecord(names, values, expected)) : Optional.empty();
  }

  private static String listOr(java.util.Collection<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }
}
