package dev.weft.wit.wat;

import dev.weft.wit.binary.Alias;
import dev.weft.wit.binary.DefType;
import dev.weft.wit.binary.ExternType;
import dev.weft.wit.binary.NameAttrs;
import dev.weft.wit.binary.Section;
import dev.weft.wit.binary.Sort;
import dev.weft.wit.model.Primitive;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a component written in text into the {@link Section}s the binary reader would produce for
 * its binary form, one section per field, each at the character offset of its field (so the
 * decoder's errors point into the text). Names ({@code $x}) are resolved per index space and scope,
 * and inline types are hoisted into definitions just before their use, as the text format
 * specifies. Covers types, imports, exports, aliases and custom sections: what describes a WIT
 * package. One instance converts one text.
 */
public final class WatComponent {
  /** What to do with component text that carries code. */
  private static final String CONVERT =
      "Weft reads the part of component text that describes types; convert a component with code"
          + " to a binary with `wasm-tools parse`";

  /** Index spaces and names of one component or one component/instance type. */
  private static final class Scope {
    final Scope parent;
    final Optional<String> id;
    final Map<Sort, Integer> counts = new EnumMap<>(Sort.class);
    final Map<Sort, Map<String, Integer>> names = new EnumMap<>(Sort.class);

    /** The declarations of a type scope; null for the component itself. */
    final List<DefType.Decl> decls;

    Scope(Scope parent, Optional<String> id, List<DefType.Decl> decls) {
      this.parent = parent;
      this.id = id;
      this.decls = decls;
    }
  }

  private final String source;
  private final List<Section> sections = new ArrayList<>();
  private int offset;

  private WatComponent(String source) {
    this.source = source;
  }

  /**
   * The sections of the component {@code text}.
   *
   * @throws WatException for malformed text, unknown names, and fields outside the supported part
   *     of the format, at the character offset of the problem
   */
  public static List<Section> sections(String text) {
    List<SExpr> top = SExprParser.parse(text);
    if (top.size() != 1
        || !(top.get(0) instanceof SExpr.SList c)
        || !c.head().equals("component")) {
      SExpr first = top.isEmpty() ? null : top.get(0);
      int at = first == null ? 0 : first.start();
      String what =
          first instanceof SExpr.SList l && l.head().equals("module")
              ? "a core module in text; Weft reads component text, `(component ...)`"
              : "expected one `(component ...)`";
      throw new WatException(at, first == null ? 0 : first.end(), what);
    }
    WatComponent w = new WatComponent(text);
    int i = 1;
    Optional<String> id = Optional.empty();
    if (i < c.items().size()
        && c.items().get(i) instanceof SExpr.Atom a
        && a.kind() == SExpr.AtomKind.ID) {
      id = Optional.of(a.text());
      i++;
    }
    Scope scope = new Scope(null, id, null);
    for (; i < c.items().size(); i++) {
      w.field(
          list(c.items().get(i), "a component field such as `(type ...)` or `(export ...)`"),
          scope);
    }
    return w.sections;
  }

  private void field(SExpr.SList f, Scope s) {
    offset = f.start();
    switch (f.head()) {
      case "type" -> typeField(f, s);
      case "import" -> importField(f, s);
      case "export" -> {
        if (s.decls == null) {
          componentExport(f, s);
        } else {
          declExport(f, s);
        }
      }
      case "alias" -> aliasField(f, s);
      case "@custom" -> {
        if (s.decls == null) {
          custom(f);
        }
      }
      default -> {
        if (f.head().startsWith("@")) {
          return; // other annotations (names, producers) carry nothing WIT needs
        }
        throw new WatException(
            f.start(),
            f.items().isEmpty() ? f.end() : f.items().get(0).end(),
            "`(" + f.head() + " ...)` is not supported here; " + CONVERT);
      }
    }
  }

  // ---- fields ----

  // (type $id? deftype)
  private void typeField(SExpr.SList f, Scope s) {
    Cursor c = new Cursor(f, 1);
    Optional<String> id = c.id();
    SExpr def = c.next("a type definition");
    c.end();
    DefType d = defType(def, s, id);
    emitType(d, s, id, f);
  }

  // (import name attrs? externdesc)
  private void importField(SExpr.SList f, Scope s) {
    Cursor c = new Cursor(f, 1);
    String name = name(c);
    NameAttrs attrs = attrs(c);
    Extern e =
        externDesc(
            list(c.next("what is imported, such as `(instance (type 0))`"), "an import's type"), s);
    c.end();
    if (s.decls != null) {
      s.decls.add(new DefType.ImportDecl(name, e.type(), attrs));
    } else {
      offset = f.start();
      sections.add(
          new Section.Imports(offset, List.of(new Section.ExternDecl(name, e.type(), attrs))));
    }
    add(s, e.sort(), e.id(), f);
  }

  // (export $id? name attrs? externdesc), in a component or instance type
  private void declExport(SExpr.SList f, Scope s) {
    Cursor c = new Cursor(f, 1);
    if (c.peek() instanceof SExpr.Atom a && a.kind() == SExpr.AtomKind.ID) {
      throw new WatException(
          a.start(),
          a.end(),
          "in a type, the `$name` goes on the item: `(export \"n\" (type $name ...))`");
    }
    String name = name(c);
    NameAttrs attrs = attrs(c);
    Extern e =
        externDesc(
            list(c.next("what is exported, such as `(func (type 0))`"), "an export's type"), s);
    c.end();
    s.decls.add(new DefType.ExportDecl(name, e.type(), attrs));
    add(s, e.sort(), e.id(), f);
  }

  // (export $id? name attrs? sortidx externdesc?), in a component
  private void componentExport(SExpr.SList f, Scope s) {
    Cursor c = new Cursor(f, 1);
    Optional<String> id = c.id();
    String name = name(c);
    NameAttrs attrs = attrs(c);
    SExpr.SList item = list(c.next("what is exported, such as `(type $t)`"), "a sort and index");
    Sort sort = sortOf(item);
    Cursor ic = new Cursor(item, sort == Sort.CORE_MODULE ? 2 : 1);
    int index = resolve(s, sort, ic.next("an index"));
    ic.end();
    Optional<ExternType> ascribed = Optional.empty();
    if (c.has()) {
      ascribed = Optional.of(externDesc(list(c.next("a type"), "an export's type"), s).type());
    }
    c.end();
    offset = f.start();
    sections.add(
        new Section.Exports(
            offset, List.of(new Section.Export(name, new Sort.Idx(sort, index), ascribed, attrs))));
    add(s, sort, id, f);
  }

  // (alias export $instance name (sort $id?)) | (alias outer $scope $index (sort $id?))
  private void aliasField(SExpr.SList f, Scope s) {
    Cursor c = new Cursor(f, 1);
    SExpr kind = c.next("`export` or `outer`");
    Alias alias;
    SExpr.SList target;
    if (kind instanceof SExpr.Atom a && a.is("export")) {
      int instance = resolve(s, Sort.INSTANCE, c.next("an instance index"));
      String name = string(c.next("the export's name"));
      target = list(c.next("the sort, such as `(type $t)`"), "the sort of the alias");
      alias = new Alias.InstanceExport(sortOf(target), instance, name);
    } else if (kind instanceof SExpr.Atom a && a.is("outer")) {
      SExpr scopeRef = c.next("an enclosing component");
      int count = outerCount(s, scopeRef);
      Scope outer = s;
      for (int i = 0; i < count; i++) {
        outer = outer.parent;
      }
      SExpr indexRef = c.next("an index in that component");
      target = list(c.next("the sort, such as `(type $t)`"), "the sort of the alias");
      Sort sort = sortOf(target);
      alias = new Alias.Outer(sort, count, resolve(outer, sort, indexRef));
    } else {
      throw new WatException(
          kind.start(), kind.end(), "expected `export` or `outer` after `alias`");
    }
    c.end();
    Cursor tc =
        new Cursor(
            target, alias.sort() == Sort.CORE_MODULE || alias.sort() == Sort.CORE_TYPE ? 2 : 1);
    Optional<String> id = tc.id();
    tc.end();
    if (s.decls != null) {
      s.decls.add(new DefType.AliasDecl(alias));
    } else {
      offset = f.start();
      sections.add(new Section.Aliases(offset, List.of(alias)));
    }
    add(s, alias.sort(), id, f);
  }

  // (@custom name placement? data*)
  private void custom(SExpr.SList f) {
    Cursor c = new Cursor(f, 1);
    String name = string(c.next("the custom section's name"));
    java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
    while (c.has()) {
      SExpr x = c.next("data");
      if (x instanceof SExpr.SList) {
        continue; // a placement such as (after code)
      }
      SExpr.Atom a = atom(x, SExpr.AtomKind.STRING, "a string of data");
      byte[] b =
          SExprParser.stringBytes(source.substring(a.start() + 1, a.end() - 1), a.start() + 1);
      data.write(b, 0, b.length);
    }
    sections.add(new Section.Custom(f.start(), name, data.toByteArray()));
  }

  // ---- types ----

  private void emitType(DefType d, Scope s, Optional<String> id, SExpr at) {
    if (s.decls != null) {
      s.decls.add(new DefType.TypeDecl(d));
    } else {
      sections.add(new Section.Types(offset, List.of(d)));
    }
    add(s, Sort.TYPE, id, at);
  }

  /** A type used inline: hoisted into a definition of its own, referred to by index. */
  private int hoist(DefType d, Scope s, SExpr at) {
    emitType(d, s, Optional.empty(), at);
    return s.counts.get(Sort.TYPE) - 1;
  }

  private DefType defType(SExpr def, Scope s, Optional<String> id) {
    if (def instanceof SExpr.Atom a) {
      return new DefType.Val(new DefType.PrimDef(primitive(a)));
    }
    SExpr.SList l = (SExpr.SList) def;
    return switch (l.head()) {
      case "func" -> funcType(l, s, 1);
      case "component" -> new DefType.ComponentType(typeScope(l, s, id, true));
      case "instance" -> new DefType.InstanceType(typeScope(l, s, id, false));
      case "resource" -> resource(l);
      default -> new DefType.Val(valDef(l, s));
    };
  }

  private List<DefType.Decl> typeScope(
      SExpr.SList l, Scope parent, Optional<String> id, boolean component) {
    Scope inner = new Scope(parent, id, new ArrayList<>());
    int saved = offset;
    for (int i = 1; i < l.items().size(); i++) {
      SExpr.SList decl = list(l.items().get(i), "a declaration such as `(export ...)`");
      if (decl.head().equals("import") && !component) {
        throw new WatException(
            decl.start(), decl.end(), "an instance type cannot import; only component types do");
      }
      field(decl, inner);
    }
    offset = saved;
    return inner.decls;
  }

  // (func async? (param "name" valtype)* (result valtype)?)
  private DefType funcType(SExpr.SList l, Scope s, int from) {
    Cursor c = new Cursor(l, from);
    boolean async = false;
    if (c.peek() instanceof SExpr.Atom a && a.is("async")) {
      c.next("");
      async = true;
    }
    List<DefType.NamedRef> params = new ArrayList<>();
    Optional<DefType.ValRef> result = Optional.empty();
    while (c.has()) {
      SExpr.SList p = list(c.next(""), "`(param ...)` or `(result ...)`");
      Cursor pc = new Cursor(p, 1);
      if (p.head().equals("param") && result.isEmpty()) {
        String name = string(pc.next("the parameter's name"));
        params.add(new DefType.NamedRef(name, valType(pc.next("the parameter's type"), s)));
      } else if (p.head().equals("result") && result.isEmpty()) {
        SExpr t = pc.next("the result type");
        if (t instanceof SExpr.Atom a && a.kind() == SExpr.AtomKind.STRING) {
          throw new WatException(
              t.start(), t.end(), "named results are an older form; write `(result T)`");
        }
        result = Optional.of(valType(t, s));
      } else {
        throw new WatException(
            p.start(), p.end(), "expected `(param \"name\" T)` or one `(result T)` last");
      }
      pc.end();
    }
    return new DefType.Func(params, result, async);
  }

  // (resource (rep i32) (dtor (func idx))?)
  private DefType resource(SExpr.SList l) {
    Cursor c = new Cursor(l, 1);
    SExpr.SList rep = list(c.next("`(rep i32)`"), "`(rep i32)`");
    if (!rep.head().equals("rep")
        || rep.items().size() != 2
        || !(rep.items().get(1) instanceof SExpr.Atom a && a.is("i32"))) {
      throw new WatException(rep.start(), rep.end(), "expected `(rep i32)`");
    }
    if (c.has()) {
      SExpr d = c.next("");
      throw new WatException(d.start(), d.end(), "a resource destructor is code; " + CONVERT);
    }
    return new DefType.Resource(Optional.empty());
  }

  private DefType.ValDef valDef(SExpr.SList l, Scope s) {
    Cursor c = new Cursor(l, 1);
    DefType.ValDef d =
        switch (l.head()) {
          case "record" -> {
            List<DefType.NamedRef> fields = new ArrayList<>();
            while (c.has()) {
              SExpr.SList f = list(c.next(""), "`(field \"name\" T)`");
              Cursor fc = new Cursor(f, 1);
              requireHead(f, "field");
              fields.add(
                  new DefType.NamedRef(
                      string(fc.next("the field's name")),
                      valType(fc.next("the field's type"), s)));
              fc.end();
            }
            yield new DefType.RecordDef(fields);
          }
          case "variant" -> {
            List<DefType.CaseRef> cases = new ArrayList<>();
            while (c.has()) {
              SExpr.SList v = list(c.next(""), "`(case \"name\" T?)`");
              requireHead(v, "case");
              Cursor vc = new Cursor(v, 1);
              vc.id();
              String name = string(vc.next("the case's name"));
              Optional<DefType.ValRef> t = Optional.empty();
              if (vc.has() && !(vc.peek() instanceof SExpr.SList r && r.head().equals("refines"))) {
                t = Optional.of(valType(vc.next(""), s));
              }
              if (vc.has()) {
                SExpr r = vc.next("");
                throw new WatException(
                    r.start(), r.end(), "`refines` is not part of the component model any more");
              }
              cases.add(new DefType.CaseRef(name, t));
            }
            yield new DefType.VariantDef(cases);
          }
          case "list" -> {
            DefType.ValRef t = valType(c.next("the element type"), s);
            if (c.has()) {
              yield new DefType.FixedListDef(t, number(c.next("")));
            }
            yield new DefType.ListDef(t);
          }
          case "tuple" -> {
            List<DefType.ValRef> ts = new ArrayList<>();
            while (c.has()) {
              ts.add(valType(c.next(""), s));
            }
            yield new DefType.TupleDef(ts);
          }
          case "flags" -> new DefType.FlagsDef(strings(c));
          case "enum" -> new DefType.EnumDef(strings(c));
          case "option" -> new DefType.OptionDef(valType(c.next("the payload type"), s));
          case "result" -> {
            Optional<DefType.ValRef> ok = Optional.empty();
            Optional<DefType.ValRef> err = Optional.empty();
            if (c.has() && !(c.peek() instanceof SExpr.SList e && e.head().equals("error"))) {
              ok = Optional.of(valType(c.next(""), s));
            }
            if (c.has()) {
              SExpr.SList e = list(c.next(""), "`(error T)`");
              requireHead(e, "error");
              Cursor ec = new Cursor(e, 1);
              err = Optional.of(valType(ec.next("the error type"), s));
              ec.end();
            }
            yield new DefType.ResultDef(ok, err);
          }
          case "own" -> new DefType.OwnDef(resolve(s, Sort.TYPE, c.next("a resource type")));
          case "borrow" -> new DefType.BorrowDef(resolve(s, Sort.TYPE, c.next("a resource type")));
          case "stream" ->
              new DefType.StreamDef(
                  c.has() ? Optional.of(valType(c.next(""), s)) : Optional.empty());
          case "future" ->
              new DefType.FutureDef(
                  c.has() ? Optional.of(valType(c.next(""), s)) : Optional.empty());
          case "map" -> {
            DefType.ValRef k = valType(c.next("the key type"), s);
            yield new DefType.MapDef(k, valType(c.next("the value type"), s));
          }
          default ->
              throw new WatException(
                  l.start(),
                  l.items().isEmpty() ? l.end() : l.items().get(0).end(),
                  "expected a type such as `(record ...)`, `(list T)` or `(func ...)`");
        };
    c.end();
    return d;
  }

  private DefType.ValRef valType(SExpr t, Scope s) {
    if (t instanceof SExpr.Atom a && a.kind() == SExpr.AtomKind.KEYWORD && !isNumber(a.text())) {
      return new DefType.Prim(primitive(a));
    }
    if (t instanceof SExpr.SList l) {
      return new DefType.Ref(hoist(new DefType.Val(valDef(l, s)), s, l));
    }
    return new DefType.Ref(resolve(s, Sort.TYPE, t));
  }

  private static Primitive primitive(SExpr.Atom a) {
    Primitive p =
        switch (a.text()) {
          case "bool" -> Primitive.BOOL;
          case "s8" -> Primitive.S8;
          case "u8" -> Primitive.U8;
          case "s16" -> Primitive.S16;
          case "u16" -> Primitive.U16;
          case "s32" -> Primitive.S32;
          case "u32" -> Primitive.U32;
          case "s64" -> Primitive.S64;
          case "u64" -> Primitive.U64;
          case "f32", "float32" -> Primitive.F32;
          case "f64", "float64" -> Primitive.F64;
          case "char" -> Primitive.CHAR;
          case "string" -> Primitive.STRING;
          case "error-context" -> Primitive.ERROR_CONTEXT;
          default -> null;
        };
    if (p == null || a.kind() != SExpr.AtomKind.KEYWORD) {
      throw new WatException(
          a.start(), a.end(), "expected a value type, such as `u32`, `string` or a type index");
    }
    return p;
  }

  // ---- extern descriptions ----

  private record Extern(ExternType type, Sort sort, Optional<String> id) {}

  // (func $id? ..) | (instance $id? ..) | (component $id? ..) | (type $id? (eq i) | (sub resource))
  private Extern externDesc(SExpr.SList d, Scope s) {
    Cursor c = new Cursor(d, 1);
    Optional<String> id = c.id();
    Extern e =
        switch (d.head()) {
          case "func" ->
              new Extern(
                  new ExternType.Func(
                      typeUse(c, d, s, () -> funcType(d, s, 1 + (id.isPresent() ? 1 : 0)))),
                  Sort.FUNC,
                  id);
          case "instance" ->
              new Extern(
                  new ExternType.Instance(
                      typeUse(
                          c, d, s, () -> new DefType.InstanceType(inlineDecls(d, s, id, false)))),
                  Sort.INSTANCE,
                  id);
          case "component" ->
              new Extern(
                  new ExternType.Component(
                      typeUse(
                          c, d, s, () -> new DefType.ComponentType(inlineDecls(d, s, id, true)))),
                  Sort.COMPONENT,
                  id);
          case "type" -> {
            SExpr.SList bound = list(c.next("`(eq T)` or `(sub resource)`"), "a type bound");
            Cursor bc = new Cursor(bound, 1);
            ExternType t;
            if (bound.head().equals("eq")) {
              t = new ExternType.TypeEq(resolve(s, Sort.TYPE, bc.next("a type index")));
            } else if (bound.head().equals("sub")
                && bc.peek() instanceof SExpr.Atom r
                && r.is("resource")) {
              bc.next("");
              t = new ExternType.SubResource();
            } else {
              throw new WatException(
                  bound.start(), bound.end(), "expected `(eq T)` or `(sub resource)`");
            }
            bc.end();
            c.end();
            yield new Extern(t, Sort.TYPE, id);
          }
          case "core" ->
              throw new WatException(d.start(), d.end(), "core modules are code; " + CONVERT);
          default ->
              throw new WatException(
                  d.start(),
                  d.items().isEmpty() ? d.end() : d.items().get(0).end(),
                  "expected `(func ...)`, `(instance ...)`, `(component ...)` or `(type ...)`");
        };
    return e;
  }

  private interface Inline {
    DefType define();
  }

  /** {@code (sort $id? (type i))}, or an inline definition hoisted into a type of its own. */
  private int typeUse(Cursor c, SExpr.SList d, Scope s, Inline inline) {
    // `(type 3)` or `(type $t)` refers to a type; `(type (record ..))` starts inline declarations.
    if (c.peek() instanceof SExpr.SList t
        && t.head().equals("type")
        && t.items().size() == 2
        && t.items().get(1) instanceof SExpr.Atom ref
        && (ref.kind() == SExpr.AtomKind.ID || isNumber(ref.text()))) {
      Cursor tc = new Cursor(t, 1);
      int index = resolve(s, Sort.TYPE, tc.next("a type index"));
      tc.end();
      c.next("");
      c.end();
      return index;
    }
    return hoist(inline.define(), s, d);
  }

  private List<DefType.Decl> inlineDecls(
      SExpr.SList d, Scope s, Optional<String> id, boolean component) {
    int from = id.isPresent() ? 2 : 1;
    List<SExpr> rest = d.items().subList(from, d.items().size());
    List<SExpr> items = new ArrayList<>();
    items.add(d.items().get(0));
    items.addAll(rest);
    return typeScope(new SExpr.SList(items, d.start(), d.end()), s, Optional.empty(), component);
  }

  // ---- names and indices ----

  /** {@code "name"} or {@code (interface "a:b/c")}. */
  private String name(Cursor c) {
    SExpr n = c.next("a name in quotes");
    if (n instanceof SExpr.SList l && l.head().equals("interface") && l.items().size() == 2) {
      return string(l.items().get(1));
    }
    return string(n);
  }

  /** {@code (implements "a:b/c")} and {@code (versionsuffix "..")} after a name. */
  private NameAttrs attrs(Cursor c) {
    Optional<String> impl = Optional.empty();
    Optional<String> suffix = Optional.empty();
    while (c.peek() instanceof SExpr.SList l
        && (l.head().equals("implements") || l.head().equals("versionsuffix"))) {
      c.next("");
      Cursor ac = new Cursor(l, 1);
      String v = string(ac.next("a string"));
      ac.end();
      if (l.head().equals("implements")) {
        impl = Optional.of(v);
      } else {
        suffix = Optional.of(v);
      }
    }
    return new NameAttrs(impl, suffix);
  }

  private static Sort sortOf(SExpr.SList l) {
    return switch (l.head()) {
      case "type" -> Sort.TYPE;
      case "func" -> Sort.FUNC;
      case "instance" -> Sort.INSTANCE;
      case "component" -> Sort.COMPONENT;
      case "core" -> {
        if (l.items().size() > 1
            && l.items().get(1) instanceof SExpr.Atom a
            && (a.is("module") || a.is("type"))) {
          yield a.is("module") ? Sort.CORE_MODULE : Sort.CORE_TYPE;
        }
        throw new WatException(
            l.start(), l.end(), "core items other than modules are code; " + CONVERT);
      }
      default ->
          throw new WatException(
              l.start(),
              l.end(),
              "expected a sort: `(type ..)`, `(func ..)`, `(instance ..)` or `(component ..)`");
    };
  }

  private void add(Scope s, Sort sort, Optional<String> id, SExpr at) {
    int index = s.counts.merge(sort, 1, Integer::sum) - 1;
    if (id.isPresent()) {
      Map<String, Integer> names = s.names.computeIfAbsent(sort, k -> new HashMap<>());
      if (names.putIfAbsent(id.get(), index) != null) {
        throw new WatException(at.start(), at.end(), "`$" + id.get() + "` is defined twice");
      }
    }
  }

  private int resolve(Scope s, Sort sort, SExpr ref) {
    if (ref instanceof SExpr.Atom a && a.kind() == SExpr.AtomKind.ID) {
      Integer i = s.names.getOrDefault(sort, Map.of()).get(a.text());
      if (i == null) {
        throw new WatException(
            a.start(), a.end(), "no " + sortName(sort) + " named `$" + a.text() + "` here");
      }
      return i;
    }
    int n = number(ref);
    if (n >= s.counts.getOrDefault(sort, 0)) {
      throw new WatException(
          ref.start(), ref.end(), sortName(sort) + " index " + n + " is not defined yet");
    }
    return n;
  }

  private static int outerCount(Scope s, SExpr ref) {
    if (ref instanceof SExpr.Atom a && a.kind() == SExpr.AtomKind.ID) {
      int count = 0;
      for (Scope x = s; x != null; x = x.parent, count++) {
        if (x.id.equals(Optional.of(a.text()))) {
          return count;
        }
      }
      throw new WatException(
          a.start(), a.end(), "no enclosing component or type named `$" + a.text() + "`");
    }
    int n = number(ref);
    int depth = 0;
    for (Scope x = s.parent; x != null; x = x.parent) {
      depth++;
    }
    if (n > depth) {
      throw new WatException(
          ref.start(),
          ref.end(),
          "outer alias count " + n + " reaches past the outermost component");
    }
    return n;
  }

  private static String sortName(Sort sort) {
    return switch (sort) {
      case TYPE -> "type";
      case FUNC -> "func";
      case INSTANCE -> "instance";
      case COMPONENT -> "component";
      case CORE_MODULE -> "core module";
      case CORE_TYPE -> "core type";
      case CORE_FUNC, CORE_TABLE, CORE_MEMORY, CORE_GLOBAL, CORE_TAG, CORE_INSTANCE, VALUE ->
          sort.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && Character.isDigit(s.charAt(0));
  }

  private static int number(SExpr e) {
    if (e instanceof SExpr.Atom a && a.kind() == SExpr.AtomKind.KEYWORD && isNumber(a.text())) {
      try {
        String t = a.text().replace("_", "");
        return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
      } catch (NumberFormatException ex) {
        // fall through to the error below
      }
    }
    throw new WatException(e.start(), e.end(), "expected an index: a number or a `$name`");
  }

  private static List<String> strings(Cursor c) {
    List<String> out = new ArrayList<>();
    while (c.has()) {
      out.add(string(c.next("")));
    }
    return out;
  }

  private static String string(SExpr e) {
    return atom(e, SExpr.AtomKind.STRING, "a name in quotes").text();
  }

  private static SExpr.Atom atom(SExpr e, SExpr.AtomKind kind, String what) {
    if (e instanceof SExpr.Atom a && a.kind() == kind) {
      return a;
    }
    throw new WatException(e.start(), e.end(), "expected " + what);
  }

  private static SExpr.SList list(SExpr e, String what) {
    if (e instanceof SExpr.SList l) {
      return l;
    }
    throw new WatException(e.start(), e.end(), "expected " + what + " in parentheses");
  }

  private static void requireHead(SExpr.SList l, String head) {
    if (!l.head().equals(head)) {
      throw new WatException(l.start(), l.end(), "expected `(" + head + " ...)`");
    }
  }

  /** Walks the items of a list after its head. */
  private static final class Cursor {
    private final SExpr.SList list;
    private int i;

    Cursor(SExpr.SList list, int from) {
      this.list = list;
      this.i = from;
    }

    /** Skips annotations such as {@code (@name "x")}: they carry nothing WIT needs. */
    private void skipAnnotations() {
      while (i < list.items().size()
          && list.items().get(i) instanceof SExpr.SList l
          && l.head().startsWith("@")) {
        i++;
      }
    }

    boolean has() {
      skipAnnotations();
      return i < list.items().size();
    }

    SExpr peek() {
      return has() ? list.items().get(i) : null;
    }

    SExpr next(String what) {
      if (!has()) {
        throw new WatException(list.end() - 1, list.end(), "expected " + what + " before `)`");
      }
      return list.items().get(i++);
    }

    Optional<String> id() {
      if (peek() instanceof SExpr.Atom a && a.kind() == SExpr.AtomKind.ID) {
        i++;
        return Optional.of(a.text());
      }
      return Optional.empty();
    }

    void end() {
      if (has()) {
        SExpr extra = list.items().get(i);
        throw new WatException(extra.start(), extra.end(), "unexpected item here");
      }
    }
  }
}
