package dev.weft.wit.decode;

import dev.weft.wit.binary.Alias;
import dev.weft.wit.binary.BinaryFormatException;
import dev.weft.wit.binary.Canon;
import dev.weft.wit.binary.ComponentReader;
import dev.weft.wit.binary.DefType;
import dev.weft.wit.binary.ExternType;
import dev.weft.wit.binary.InstanceExpr;
import dev.weft.wit.binary.NameAttrs;
import dev.weft.wit.binary.Section;
import dev.weft.wit.binary.Sort;
import dev.weft.wit.binary.UnsupportedComponentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Types a component the way a validator does: walks its sections keeping the component-level index
 * spaces (types, functions, instances, components), instantiates nested components with their
 * arguments substituted for their imports, and ends with the types of the component's imports and
 * exports. Core modules, core instances and canonical built-ins are only counted where they add
 * component-level items ({@code canon lift} adds a function); WIT never needs their types.
 *
 * <p>One instance types one component (or one nested instantiation); not thread-safe, and not
 * reusable.
 */
final class ComponentTyper {
  /** How deep components may nest inside components (the spec's type nesting limit). */
  static final int MAX_NESTING = 100;

  /** How many nested instantiations one binary may need, so nesting cannot blow up. */
  static final int MAX_INSTANTIATIONS = 10_000;

  /** The custom section that carries docs and feature gates of an encoded WIT package. */
  static final String PACKAGE_DOCS = "package-docs";

  /** What the top level of a component declares, in section order. */
  record Shape(List<Item> items, Optional<byte[]> packageDocs) {}

  /** An import or export of the component. */
  record Item(boolean isImport, Extern extern) {}

  /** An entry of the component index space: a nested definition, or a component type. */
  private sealed interface ComponentDef {}

  private record Nested(byte[] bytes, Spaces parent, long base) implements ComponentDef {}

  private record Typed(Ty.Component type) implements ComponentDef {}

  /** What an instantiation passes for one import: one of the sorts' items. */
  private record CoreModuleArg() {}

  /** The index spaces of one component or one component/instance type. */
  private static final class Spaces {
    final List<Ty> types = new ArrayList<>();
    final List<Ty.Func> funcs = new ArrayList<>();
    final List<Ty.Instance> instances = new ArrayList<>();
    final List<ComponentDef> components = new ArrayList<>();
    final Spaces parent;

    Spaces(Spaces parent) {
      this.parent = parent;
    }
  }

  /** Work left for one decode, shared by every nested instantiation. */
  private static final class Budget {
    int instantiations = MAX_INSTANTIATIONS;
  }

  private final Spaces top;
  private final long base;
  private final Map<String, Object> args;
  private final int nesting;
  private final Budget budget;
  private final List<Item> items = new ArrayList<>();
  private byte[] packageDocs;
  private long offset;

  private ComponentTyper(
      Spaces parent, long base, Map<String, Object> args, int nesting, Budget budget) {
    this.top = new Spaces(parent);
    this.base = base;
    this.args = args;
    this.nesting = nesting;
    this.budget = budget;
  }

  /**
   * The imports and exports of the component whose sections are {@code sections}.
   *
   * @throws BinaryFormatException when an index is out of range or names the wrong kind of item
   * @throws UnsupportedComponentException for value imports and exports
   */
  static Shape type(List<Section> sections) {
    return new ComponentTyper(null, 0, null, 0, new Budget()).run(sections);
  }

  private Shape run(List<Section> sections) {
    for (Section s : sections) {
      offset = base + s.offset();
      section(s);
    }
    return new Shape(items, Optional.ofNullable(packageDocs));
  }

  // Casts are safe: kind() names the record type.
  private void section(Section s) {
    switch (s.kind()) {
      case CUSTOM -> {
        Section.Custom c = (Section.Custom) s;
        if (c.name().equals(PACKAGE_DOCS) && args == null) {
          packageDocs = c.data();
        }
      }
      case COMPONENT ->
          top.components.add(new Nested(((Section.Component) s).bytes(), top, offset));
      case INSTANCES -> ((Section.Instances) s).instances().forEach(this::instance);
      case ALIASES -> ((Section.Aliases) s).aliases().forEach(a -> alias(a, top));
      case TYPES -> ((Section.Types) s).types().forEach(d -> top.types.add(defType(d, top)));
      case CANONS -> ((Section.Canons) s).canons().forEach(this::canon);
      case IMPORTS -> ((Section.Imports) s).imports().forEach(this::importDecl);
      case EXPORTS -> ((Section.Exports) s).exports().forEach(this::export);
      case CORE_MODULE, CORE_INSTANCES, CORE_TYPES, START -> {
        // Core items and the start function add nothing to the component-level index spaces.
      }
    }
  }

  // ---- imports and exports ----

  private void importDecl(Section.ExternDecl d) {
    Extern e = extern(d.name(), d.type(), d.attrs(), top);
    if (args == null) {
      declare(e, top);
      items.add(new Item(true, e));
      return;
    }
    // An instantiated component sees its arguments where its imports are: substitution.
    Object arg = args.get(d.name());
    if (arg == null) {
      throw error("nested component import `" + d.name() + "` has no instantiation argument");
    }
    Extern.Entity want = e.entity();
    if (want instanceof Extern.FuncItem && arg instanceof Ty.Func f) {
      top.funcs.add(f);
    } else if (want instanceof Extern.InstanceItem && arg instanceof Ty.Instance i) {
      top.instances.add(i);
    } else if (want instanceof Extern.ComponentItem && arg instanceof ComponentDef c) {
      top.components.add(c);
    } else if (want instanceof Extern.TypeItem && arg instanceof Ty t) {
      top.types.add(t);
    } else if (!(want instanceof Extern.ModuleItem && arg instanceof CoreModuleArg)) {
      throw error("the argument for nested component import `" + d.name() + "` has another kind");
    }
  }

  private void export(Section.Export x) {
    Sort.Idx item = x.item();
    Optional<ExternType> ascribed = x.type();
    Extern.Entity entity =
        switch (item.sort()) {
          case FUNC -> {
            Ty.Func f = get(top.funcs, item.index(), "func");
            if (ascribed.isPresent() && ascribed.get() instanceof ExternType.Func af) {
              f = func(get(top.types, af.type(), "type"));
            }
            yield new Extern.FuncItem(f);
          }
          case INSTANCE -> {
            Ty.Instance i = get(top.instances, item.index(), "instance");
            if (ascribed.isPresent() && ascribed.get() instanceof ExternType.Instance ai) {
              i = instanceType(get(top.types, ai.type(), "type"));
            }
            yield new Extern.InstanceItem(i);
          }
          case TYPE -> {
            Ty t = get(top.types, item.index(), "type");
            yield new Extern.TypeItem(t, new Ty.Alias(t));
          }
          case COMPONENT -> {
            ComponentDef c = get(top.components, item.index(), "component");
            if (ascribed.isPresent() && ascribed.get() instanceof ExternType.Component ac) {
              yield new Extern.ComponentItem(componentType(get(top.types, ac.type(), "type")));
            }
            yield new Extern.ComponentItem(typeOf(c));
          }
          case CORE_MODULE -> new Extern.ModuleItem();
          case CORE_FUNC,
              CORE_TABLE,
              CORE_MEMORY,
              CORE_GLOBAL,
              CORE_TAG,
              CORE_TYPE,
              CORE_INSTANCE,
              VALUE ->
              throw new UnsupportedComponentException(
                  "export `" + x.name() + "` of a " + item.sort() + " is not supported");
        };
    Extern e = new Extern(x.name(), entity, x.attrs());
    declare(e, top);
    items.add(new Item(false, e));
  }

  /** What an import or export declaration of {@code type} introduces, in scope {@code s}. */
  private Extern extern(String name, ExternType type, NameAttrs attrs, Spaces s) {
    Extern.Entity entity;
    if (type instanceof ExternType.Func f) {
      entity = new Extern.FuncItem(func(get(s.types, f.type(), "type")));
    } else if (type instanceof ExternType.Instance i) {
      entity = new Extern.InstanceItem(instanceType(get(s.types, i.type(), "type")));
    } else if (type instanceof ExternType.Component c) {
      entity = new Extern.ComponentItem(componentType(get(s.types, c.type(), "type")));
    } else if (type instanceof ExternType.TypeEq eq) {
      Ty t = get(s.types, eq.type(), "type");
      entity = new Extern.TypeItem(t, new Ty.Alias(t));
    } else if (type instanceof ExternType.SubResource) {
      Ty r = new Ty.Resource();
      entity = new Extern.TypeItem(r, r);
    } else if (type instanceof ExternType.CoreModule) {
      entity = new Extern.ModuleItem();
    } else {
      throw new UnsupportedComponentException(
          "`" + name + "`: value imports and exports are not supported");
    }
    return new Extern(name, entity, attrs);
  }

  /** Adds what an import or export declares to the index space of its sort. */
  private static void declare(Extern e, Spaces s) {
    Extern.Entity entity = e.entity();
    if (entity instanceof Extern.FuncItem f) {
      s.funcs.add(f.type());
    } else if (entity instanceof Extern.InstanceItem i) {
      s.instances.add(i.type());
    } else if (entity instanceof Extern.ComponentItem c) {
      s.components.add(new Typed(c.type()));
    } else if (entity instanceof Extern.TypeItem t) {
      s.types.add(t.created());
    }
  }

  // ---- instances and aliases ----

  private void instance(InstanceExpr e) {
    if (e instanceof InstanceExpr.FromExports fe) {
      Map<String, Extern> exports = new LinkedHashMap<>();
      for (InstanceExpr.Item i : fe.exports()) {
        Extern.Entity entity =
            switch (i.item().sort()) {
              case FUNC -> new Extern.FuncItem(get(top.funcs, i.item().index(), "func"));
              case INSTANCE ->
                  new Extern.InstanceItem(get(top.instances, i.item().index(), "instance"));
              case TYPE -> {
                Ty t = get(top.types, i.item().index(), "type");
                yield new Extern.TypeItem(t, new Ty.Alias(t));
              }
              case COMPONENT ->
                  new Extern.ComponentItem(
                      typeOf(get(top.components, i.item().index(), "component")));
              case CORE_MODULE -> new Extern.ModuleItem();
              case CORE_FUNC,
                  CORE_TABLE,
                  CORE_MEMORY,
                  CORE_GLOBAL,
                  CORE_TAG,
                  CORE_TYPE,
                  CORE_INSTANCE,
                  VALUE ->
                  throw new UnsupportedComponentException(
                      "instance export `" + i.name() + "` of a " + i.item().sort());
            };
        exports.put(i.name(), new Extern(i.name(), entity, NameAttrs.NONE));
      }
      top.instances.add(new Ty.Instance(exports));
      return;
    }
    InstanceExpr.Instantiate in = (InstanceExpr.Instantiate) e;
    ComponentDef c = get(top.components, in.component(), "component");
    Map<String, Object> given = new LinkedHashMap<>();
    for (InstanceExpr.Item i : in.args()) {
      given.put(i.name(), argument(i.item()));
    }
    top.instances.add(instantiate(c, given));
  }

  private Object argument(Sort.Idx idx) {
    return switch (idx.sort()) {
      case FUNC -> get(top.funcs, idx.index(), "func");
      case TYPE -> get(top.types, idx.index(), "type");
      case INSTANCE -> get(top.instances, idx.index(), "instance");
      case COMPONENT -> get(top.components, idx.index(), "component");
      case CORE_MODULE -> new CoreModuleArg();
      case CORE_FUNC,
          CORE_TABLE,
          CORE_MEMORY,
          CORE_GLOBAL,
          CORE_TAG,
          CORE_TYPE,
          CORE_INSTANCE,
          VALUE ->
          throw new UnsupportedComponentException(
              "instantiation arguments of sort " + idx.sort() + " are not supported");
    };
  }

  private Ty.Instance instantiate(ComponentDef c, Map<String, Object> given) {
    if (c instanceof Typed t) {
      return new Ty.Instance(t.type().exports);
    }
    Shape shape = nested((Nested) c, given);
    Map<String, Extern> exports = new LinkedHashMap<>();
    for (Item i : shape.items()) {
      if (!i.isImport()) {
        exports.put(i.extern().name(), i.extern());
      }
    }
    return new Ty.Instance(exports);
  }

  /** The type of a nested component on its own: its imports as declared, its exports. */
  private Ty.Component typeOf(ComponentDef c) {
    if (c instanceof Typed t) {
      return t.type();
    }
    Shape shape = nested((Nested) c, null);
    Map<String, Extern> imports = new LinkedHashMap<>();
    Map<String, Extern> exports = new LinkedHashMap<>();
    for (Item i : shape.items()) {
      (i.isImport() ? imports : exports).put(i.extern().name(), i.extern());
    }
    return new Ty.Component(imports, exports);
  }

  private Shape nested(Nested n, Map<String, Object> given) {
    if (nesting + 1 > MAX_NESTING) {
      throw error("components nested at most " + MAX_NESTING + " deep");
    }
    if (--budget.instantiations < 0) {
      throw error("at most " + MAX_INSTANTIATIONS + " nested component instantiations");
    }
    List<Section> sections;
    try {
      sections = ComponentReader.read(n.bytes());
    } catch (BinaryFormatException e) {
      throw new BinaryFormatException(n.base() + e.offset(), strip(e.getMessage()));
    }
    return new ComponentTyper(n.parent(), n.base(), given, nesting + 1, budget).run(sections);
  }

  /** The message of a rebased exception, without the old "at byte N: " prefix. */
  private static String strip(String message) {
    int i = message.indexOf(": ");
    return message.startsWith("at byte ") && i > 0 ? message.substring(i + 2) : message;
  }

  private void alias(Alias a, Spaces s) {
    if (a instanceof Alias.InstanceExport ie) {
      Ty.Instance inst = get(s.instances, ie.instance(), "instance");
      Extern e = inst.exports.get(ie.name());
      if (e == null) {
        throw error("instance " + ie.instance() + " has no export `" + ie.name() + "`");
      }
      Extern.Entity entity = e.entity();
      boolean fits =
          switch (ie.sort()) {
            case FUNC -> entity instanceof Extern.FuncItem;
            case TYPE -> entity instanceof Extern.TypeItem;
            case INSTANCE -> entity instanceof Extern.InstanceItem;
            case COMPONENT -> entity instanceof Extern.ComponentItem;
            case CORE_MODULE -> entity instanceof Extern.ModuleItem;
            case CORE_FUNC,
                CORE_TABLE,
                CORE_MEMORY,
                CORE_GLOBAL,
                CORE_TAG,
                CORE_TYPE,
                CORE_INSTANCE,
                VALUE ->
                false;
          };
      if (!fits) {
        throw error(
            "export `" + ie.name() + "` of instance " + ie.instance() + " is not a " + ie.sort());
      }
      declare(e, s);
    } else if (a instanceof Alias.Outer o) {
      Spaces from = s;
      for (int i = 0; i < o.count(); i++) {
        from = from.parent;
        if (from == null) {
          throw error("outer alias count " + o.count() + " reaches past the outermost component");
        }
      }
      switch (o.sort()) {
        case TYPE -> s.types.add(get(from.types, o.index(), "outer type"));
        case COMPONENT -> s.components.add(get(from.components, o.index(), "outer component"));
        case CORE_MODULE, CORE_TYPE -> {
          // Core items: nothing WIT needs.
        }
        case CORE_FUNC,
            CORE_TABLE,
            CORE_MEMORY,
            CORE_GLOBAL,
            CORE_TAG,
            CORE_INSTANCE,
            FUNC,
            VALUE,
            INSTANCE ->
            throw error("outer alias of a " + o.sort());
      }
    }
    // Aliases of core instance exports only add core items.
  }

  private void canon(Canon c) {
    if (c instanceof Canon.Lift l) {
      top.funcs.add(func(get(top.types, l.type(), "type")));
    }
    // Every other canonical definition makes a core function.
  }

  // ---- type definitions ----

  private Ty defType(DefType d, Spaces s) {
    if (d instanceof DefType.Val v) {
      return valDef(v.def(), s);
    } else if (d instanceof DefType.Func f) {
      List<String> names = new ArrayList<>();
      List<Ty> params = new ArrayList<>();
      for (DefType.NamedRef p : f.params()) {
        names.add(p.name());
        params.add(valType(p.type(), s));
      }
      return new Ty.Func(names, params, f.result().map(r -> valType(r, s)), f.async());
    } else if (d instanceof DefType.ComponentType ct) {
      return componentDecls(ct.decls(), s);
    } else if (d instanceof DefType.InstanceType it) {
      return instanceDecls(it.decls(), s);
    }
    return new Ty.Resource();
  }

  private Ty.Component componentDecls(List<DefType.Decl> decls, Spaces outer) {
    Spaces s = new Spaces(outer);
    Map<String, Extern> imports = new LinkedHashMap<>();
    Map<String, Extern> exports = new LinkedHashMap<>();
    for (DefType.Decl decl : decls) {
      if (decl instanceof DefType.ImportDecl id) {
        Extern e = extern(id.name(), id.type(), id.attrs(), s);
        put(imports, e, "import");
        declare(e, s);
      } else {
        decl(decl, s, exports);
      }
    }
    return new Ty.Component(imports, exports);
  }

  private Ty.Instance instanceDecls(List<DefType.Decl> decls, Spaces outer) {
    Spaces s = new Spaces(outer);
    Map<String, Extern> exports = new LinkedHashMap<>();
    for (DefType.Decl decl : decls) {
      if (decl instanceof DefType.ImportDecl id) {
        throw error("an instance type declares import `" + id.name() + "`");
      }
      decl(decl, s, exports);
    }
    return new Ty.Instance(exports);
  }

  /** A declaration both component and instance types have. */
  private void decl(DefType.Decl decl, Spaces s, Map<String, Extern> exports) {
    if (decl instanceof DefType.TypeDecl td) {
      s.types.add(defType(td.type(), s));
    } else if (decl instanceof DefType.AliasDecl ad) {
      alias(ad.alias(), s);
    } else if (decl instanceof DefType.ExportDecl ed) {
      Extern e = extern(ed.name(), ed.type(), ed.attrs(), s);
      put(exports, e, "export");
      declare(e, s);
    }
    // Core type declarations: nothing WIT needs.
  }

  private void put(Map<String, Extern> map, Extern e, String what) {
    if (map.putIfAbsent(e.name(), e) != null) {
      throw error(what + " `" + e.name() + "` is declared twice in one type");
    }
  }

  private Ty valType(DefType.ValRef ref, Spaces s) {
    if (ref instanceof DefType.Prim p) {
      return new Ty.Prim(p.type());
    }
    int index = ((DefType.Ref) ref).type();
    Ty t = get(s.types, index, "type");
    Ty def = Ty.peel(t);
    if (!(def instanceof Ty.Prim || def instanceof Ty.Defined)) {
      throw error("type index " + index + " is not a value type");
    }
    return t;
  }

  private Optional<Ty> valType(Optional<DefType.ValRef> ref, Spaces s) {
    return ref.map(r -> valType(r, s));
  }

  // Casts are safe: kind() names the record type.
  private Ty valDef(DefType.ValDef d, Spaces s) {
    DefType.ValKind k = d.kind();
    List<String> labels = new ArrayList<>();
    List<Optional<Ty>> types = new ArrayList<>();
    int length = 0;
    switch (k) {
      case PRIM -> {
        return new Ty.Prim(((DefType.PrimDef) d).type());
      }
      case RECORD ->
          ((DefType.RecordDef) d)
              .fields()
              .forEach(
                  f -> {
                    labels.add(f.name());
                    types.add(Optional.of(valType(f.type(), s)));
                  });
      case VARIANT ->
          ((DefType.VariantDef) d)
              .cases()
              .forEach(
                  c -> {
                    labels.add(c.name());
                    types.add(valType(c.type(), s));
                  });
      case LIST -> types.add(Optional.of(valType(((DefType.ListDef) d).element(), s)));
      case FIXED_LIST -> {
        DefType.FixedListDef l = (DefType.FixedListDef) d;
        types.add(Optional.of(valType(l.element(), s)));
        length = l.length();
      }
      case TUPLE ->
          ((DefType.TupleDef) d).types().forEach(t -> types.add(Optional.of(valType(t, s))));
      case FLAGS -> labels.addAll(((DefType.FlagsDef) d).names());
      case ENUM -> labels.addAll(((DefType.EnumDef) d).names());
      case OPTION -> types.add(Optional.of(valType(((DefType.OptionDef) d).some(), s)));
      case RESULT -> {
        DefType.ResultDef r = (DefType.ResultDef) d;
        types.add(valType(r.ok(), s));
        types.add(valType(r.err(), s));
      }
      case OWN -> types.add(Optional.of(resource(((DefType.OwnDef) d).resource(), s)));
      case BORROW -> types.add(Optional.of(resource(((DefType.BorrowDef) d).resource(), s)));
      case STREAM -> types.add(valType(((DefType.StreamDef) d).element(), s));
      case FUTURE -> types.add(valType(((DefType.FutureDef) d).element(), s));
      case MAP -> {
        DefType.MapDef m = (DefType.MapDef) d;
        types.add(Optional.of(valType(m.key(), s)));
        types.add(Optional.of(valType(m.value(), s)));
      }
    }
    return new Ty.Defined(k, labels, types, length);
  }

  private Ty resource(int index, Spaces s) {
    Ty t = get(s.types, index, "type");
    if (!(Ty.peel(t) instanceof Ty.Resource)) {
      throw error("type index " + index + " is not a resource");
    }
    return t;
  }

  private Ty.Func func(Ty t) {
    if (Ty.peel(t) instanceof Ty.Func f) {
      return f;
    }
    throw error("expected a function type");
  }

  private Ty.Instance instanceType(Ty t) {
    if (Ty.peel(t) instanceof Ty.Instance i) {
      return i;
    }
    throw error("expected an instance type");
  }

  private Ty.Component componentType(Ty t) {
    if (Ty.peel(t) instanceof Ty.Component c) {
      return c;
    }
    throw error("expected a component type");
  }

  private <T> T get(List<T> space, int index, String what) {
    if (index < 0 || index >= space.size()) {
      throw error(
          what
              + " index "
              + Integer.toUnsignedString(index)
              + " is out of range ("
              + space.size()
              + " defined)");
    }
    return space.get(index);
  }

  private BinaryFormatException error(String message) {
    return new BinaryFormatException(offset, message);
  }
}
