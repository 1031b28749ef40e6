package dev.weft.wit.binary;

import dev.weft.wit.abi.StringEncoding;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResourceType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the index spaces of a component's sections into a {@link ComponentPlan}: core instances
 * in order, lowered host imports, lifted exports, and the WIT types they use (wasmtime's
 * "translate" step). Name lookups happen here, so that replaying the plan uses indices only.
 *
 * <p>Supported shapes: any number of core modules and core instances wired by instantiation
 * arguments and export bags (the main module plus wit-component's shim and fixup modules), host
 * imports of functions and instances of functions, lifted exports of functions and of instances
 * built from export bags or from wit-component's type-ascription components (nested components that
 * only re-export their imports). Anything else is an {@link UnsupportedComponentException}.
 */
public final class ComponentTranslator {
  /** An entry of the type index space. */
  private sealed interface TypeEntry {}

  private record ValueEntry(WitType type) implements TypeEntry {}

  private record FuncEntry(List<Param> params, Optional<WitType> result) implements TypeEntry {}

  private record InstanceEntry(Map<String, Object> exports) implements TypeEntry {}

  private record ComponentEntry(Map<String, Object> imports, Map<String, Object> exports)
      implements TypeEntry {}

  private record ResourceEntry(TypeId id) implements TypeEntry {}

  /** An entry of the component function index space. */
  private sealed interface FuncItem {}

  private record LiftedFunc(CoreRef core, PlanOptions options, FuncEntry type)
      implements FuncItem {}

  private record ImportedFunc(String instance, String name, FuncEntry type) implements FuncItem {}

  /** An entry of the component instance index space. */
  private sealed interface InstanceItem {}

  private record ImportedInstance(String name, InstanceEntry type) implements InstanceItem {}

  /** Exported items, each a {@link FuncItem}, {@link TypeEntry} or {@link InstanceItem}. */
  private record BagInstance(Map<String, Object> exports) implements InstanceItem {}

  /** A type scope: a type index space and its enclosing scope, for outer aliases. */
  private record Scope(List<TypeEntry> types, Scope parent) {}

  private final DecodedTypes arena = new DecodedTypes();
  private final List<ComponentPlan.ModuleBinary> modules = new ArrayList<>();
  private final List<CoreInstanceDef> coreInstances = new ArrayList<>();
  private final List<LoweredImport> imports = new ArrayList<>();
  private final List<LiftedExport> exports = new ArrayList<>();
  private final List<String> importNames = new ArrayList<>();
  private final List<LocalResource> resources = new ArrayList<>();

  private final List<CoreRef> coreFuncs = new ArrayList<>();
  private final List<CoreRef> coreMemories = new ArrayList<>();
  private final List<CoreRef> coreTables = new ArrayList<>();
  private final List<CoreRef> coreGlobals = new ArrayList<>();
  private final List<Integer> coreModules = new ArrayList<>();
  private final Scope top = new Scope(new ArrayList<>(), null);
  private final List<FuncItem> funcs = new ArrayList<>();
  private final List<InstanceItem> instances = new ArrayList<>();
  private final List<byte[]> components = new ArrayList<>();
  private int offset;

  private ComponentTranslator() {}

  /**
   * The plan of the component whose sections are {@code sections}.
   *
   * @throws BinaryFormatException when an index is out of range or refers to the wrong kind
   * @throws UnsupportedComponentException for shapes Weft does not run
   */
  public static ComponentPlan translate(List<Section> sections) {
    ComponentTranslator t = new ComponentTranslator();
    for (Section s : sections) {
      t.offset = s.offset();
      t.section(s);
    }
    return new ComponentPlan(
        t.modules,
        t.coreInstances,
        t.imports,
        t.exports,
        t.importNames,
        t.resources,
        t.arena.freeze());
  }

  // Casts are safe: kind() names the record type.
  /**
   * The WIT world a {@code component-type} custom section describes (what {@code wasm-tools
   * component embed} puts into a core module): its functions keyed as a component's exports and
   * imports are.
   *
   * @param sections the sections of the custom section's contents, a component binary
   * @throws BinaryFormatException when they do not describe a world
   */
  public static DecodedWorld world(List<Section> sections) {
    ComponentTranslator t = new ComponentTranslator();
    Section.Export last = null;
    for (Section s : sections) {
      t.offset = s.offset();
      switch (s.kind()) {
        case TYPES ->
            ((Section.Types) s).types().forEach(d -> t.top.types.add(t.defType(d, t.top)));
        case EXPORTS -> {
          for (Section.Export e : ((Section.Exports) s).exports()) {
            last = e;
          }
        }
        case CUSTOM,
            CORE_MODULE,
            CORE_INSTANCES,
            CORE_TYPES,
            COMPONENT,
            INSTANCES,
            ALIASES,
            CANONS,
            START,
            IMPORTS -> {
          // A type-only encoding has none of these that matter.
        }
      }
    }
    if (last == null || last.item().sort() != Sort.TYPE) {
      throw new BinaryFormatException(0, "a component type export naming the world");
    }
    ComponentEntry outer =
        t.expect(
            t.get(t.top.types, last.item().index(), "type"), ComponentEntry.class, last.name());
    if (outer.exports().size() != 1) {
      throw new BinaryFormatException(
          0, "one world in the component type, found " + outer.exports().size());
    }
    Map.Entry<String, Object> w = outer.exports().entrySet().iterator().next();
    ComponentEntry world = t.expect(w.getValue(), ComponentEntry.class, w.getKey());
    return new DecodedWorld(
        w.getKey(), t.arena.freeze(), functions(world.exports()), functions(world.imports()));
  }

  private static Map<String, Function> functions(Map<String, Object> items) {
    Map<String, Function> out = new LinkedHashMap<>();
    items.forEach(
        (name, item) -> {
          if (item instanceof FuncEntry f) {
            out.put(name, function(name, f));
          } else if (item instanceof InstanceEntry inst) {
            inst.exports()
                .forEach(
                    (fn, x) -> {
                      if (x instanceof FuncEntry f) {
                        out.put(name + "#" + fn, function(fn, f));
                      }
                    });
          }
        });
    return out;
  }

  private void section(Section s) {
    switch (s.kind()) {
      case CORE_MODULE -> {
        modules.add(new ComponentPlan.ModuleBinary(((Section.CoreModule) s).bytes()));
        coreModules.add(modules.size() - 1);
      }
      case CORE_INSTANCES -> ((Section.CoreInstances) s).instances().forEach(this::coreInstance);
      case COMPONENT -> components.add(((Section.Component) s).bytes());
      case INSTANCES -> ((Section.Instances) s).instances().forEach(this::instance);
      case ALIASES -> ((Section.Aliases) s).aliases().forEach(this::alias);
      case TYPES -> ((Section.Types) s).types().forEach(d -> top.types.add(defType(d, top)));
      case CANONS -> ((Section.Canons) s).canons().forEach(this::canon);
      case IMPORTS -> ((Section.Imports) s).imports().forEach(this::importDecl);
      case EXPORTS -> ((Section.Exports) s).exports().forEach(this::export);
      case START ->
          throw new UnsupportedComponentException("component start functions are not supported");
      case CUSTOM, CORE_TYPES -> {
        // Nothing the plan needs: names and producers, and core types Weft never checks against.
      }
    }
  }

  private <T> T get(List<T> space, int index, String what) {
    if (index < 0 || index >= space.size()) {
      throw new BinaryFormatException(
          offset, what + " index " + index + " is out of range (" + space.size() + " defined)");
    }
    return space.get(index);
  }

  // ---- core ----

  private void coreInstance(CoreInstanceExpr e) {
    if (e instanceof CoreInstanceExpr.Instantiate in) {
      int module = get(coreModules, in.module(), "core module");
      Map<String, Integer> args = new LinkedHashMap<>();
      for (CoreInstanceExpr.Arg a : in.args()) {
        get(coreInstances, a.instance(), "core instance");
        args.put(a.name(), a.instance());
      }
      coreInstances.add(new CoreInstanceDef.Instantiate(module, args));
    } else {
      Map<String, CoreRef> items = new LinkedHashMap<>();
      for (CoreInstanceExpr.Item i : ((CoreInstanceExpr.FromExports) e).exports()) {
        items.put(i.name(), coreItem(i.item()));
      }
      coreInstances.add(new CoreInstanceDef.Bag(items));
    }
  }

  private CoreRef coreItem(Sort.Idx idx) {
    return switch (idx.sort()) {
      case CORE_FUNC -> get(coreFuncs, idx.index(), "core func");
      case CORE_MEMORY -> get(coreMemories, idx.index(), "core memory");
      case CORE_TABLE -> get(coreTables, idx.index(), "core table");
      case CORE_GLOBAL -> get(coreGlobals, idx.index(), "core global");
      case CORE_TAG,
              CORE_TYPE,
              CORE_MODULE,
              CORE_INSTANCE,
              FUNC,
              VALUE,
              TYPE,
              COMPONENT,
              INSTANCE ->
          throw new UnsupportedComponentException(
              "core instance items of sort " + idx.sort() + " are not supported");
    };
  }

  // ---- aliases ----

  private void alias(Alias a) {
    if (a instanceof Alias.CoreInstanceExport ce) {
      get(coreInstances, ce.instance(), "core instance");
      CoreRef ref = new CoreRef.Export(ce.instance(), ce.name());
      switch (ce.sort()) {
        case CORE_FUNC -> coreFuncs.add(ref);
        case CORE_MEMORY -> coreMemories.add(ref);
        case CORE_TABLE -> coreTables.add(ref);
        case CORE_GLOBAL -> coreGlobals.add(ref);
        case CORE_TAG,
                CORE_TYPE,
                CORE_MODULE,
                CORE_INSTANCE,
                FUNC,
                VALUE,
                TYPE,
                COMPONENT,
                INSTANCE ->
            throw new UnsupportedComponentException(
                "aliases of core " + ce.sort() + " exports are not supported");
      }
    } else if (a instanceof Alias.InstanceExport ie) {
      InstanceItem inst = get(instances, ie.instance(), "instance");
      Object item = instanceExport(inst, ie.name());
      addItem(ie.sort(), item, ie.name());
    } else {
      Alias.Outer o = (Alias.Outer) a;
      throw new UnsupportedComponentException(
          "outer alias of " + o.sort() + " at the top level of a component");
    }
  }

  private Object instanceExport(InstanceItem inst, String name) {
    if (inst instanceof ImportedInstance ii) {
      Object t = ii.type().exports().get(name);
      if (t == null) {
        throw new BinaryFormatException(
            offset, "instance `" + ii.name() + "` has no export `" + name + "`");
      }
      return t instanceof FuncEntry f ? new ImportedFunc(ii.name(), name, f) : t;
    }
    Object item = ((BagInstance) inst).exports().get(name);
    if (item == null) {
      throw new BinaryFormatException(offset, "instance has no export `" + name + "`");
    }
    return item;
  }

  private void addItem(Sort sort, Object item, String name) {
    switch (sort) {
      case FUNC -> funcs.add(expect(item, FuncItem.class, name));
      case TYPE -> top.types.add(expect(item, TypeEntry.class, name));
      case INSTANCE -> instances.add(expect(item, InstanceItem.class, name));
      case CORE_FUNC,
              CORE_TABLE,
              CORE_MEMORY,
              CORE_GLOBAL,
              CORE_TAG,
              CORE_TYPE,
              CORE_MODULE,
              CORE_INSTANCE,
              VALUE,
              COMPONENT ->
          throw new UnsupportedComponentException(
              "aliases of " + sort + " exports are not supported");
    }
  }

  private <T> T expect(Object item, Class<T> kind, String name) {
    if (!kind.isInstance(item)) {
      throw new BinaryFormatException(offset, "`" + name + "` is not a " + kind.getSimpleName());
    }
    return kind.cast(item);
  }

  // ---- types ----

  private TypeEntry defType(DefType d, Scope scope) {
    if (d instanceof DefType.Val v) {
      return valDef(v.def(), scope);
    } else if (d instanceof DefType.Func f) {
      if (f.async()) {
        throw new UnsupportedComponentException("async functions are not supported");
      }
      List<Param> params = new ArrayList<>();
      for (DefType.NamedRef p : f.params()) {
        params.add(new Param(p.name(), valType(p.type(), scope)));
      }
      return new FuncEntry(params, f.result().map(r -> valType(r, scope)));
    } else if (d instanceof DefType.InstanceType it) {
      return instanceType(it.decls(), scope);
    } else if (d instanceof DefType.ComponentType ct) {
      return componentType(ct.decls(), scope);
    } else {
      DefType.Resource r = (DefType.Resource) d;
      TypeId id = arena.add(new ResourceType());
      if (scope == top) {
        resources.add(new LocalResource(id, r.dtor().map(f -> get(coreFuncs, f, "core func"))));
      }
      return new ResourceEntry(id);
    }
  }

  private InstanceEntry instanceType(List<DefType.Decl> decls, Scope outer) {
    Scope scope = new Scope(new ArrayList<>(), outer);
    Map<String, Object> exports = new LinkedHashMap<>();
    for (DefType.Decl decl : decls) {
      if (decl instanceof DefType.TypeDecl td) {
        scope.types.add(defType(td.type(), scope));
      } else if (decl instanceof DefType.AliasDecl ad) {
        scope.types.add(outerAlias(ad.alias(), scope));
      } else if (decl instanceof DefType.ExportDecl ed) {
        Object item = externItem(ed.name(), ed.type(), scope);
        exports.put(ed.name(), item);
      }
      // Core type and import declarations add nothing an instance type's user can see.
    }
    return new InstanceEntry(exports);
  }

  private ComponentEntry componentType(List<DefType.Decl> decls, Scope outer) {
    Scope scope = new Scope(new ArrayList<>(), outer);
    Map<String, Object> imports = new LinkedHashMap<>();
    Map<String, Object> exports = new LinkedHashMap<>();
    for (DefType.Decl decl : decls) {
      if (decl instanceof DefType.TypeDecl td) {
        scope.types.add(defType(td.type(), scope));
      } else if (decl instanceof DefType.AliasDecl ad) {
        scope.types.add(outerAlias(ad.alias(), scope));
      } else if (decl instanceof DefType.ImportDecl id) {
        imports.put(id.name(), externItem(id.name(), id.type(), scope));
      } else if (decl instanceof DefType.ExportDecl ed) {
        exports.put(ed.name(), externItem(ed.name(), ed.type(), scope));
      }
    }
    return new ComponentEntry(imports, exports);
  }

  private TypeEntry outerAlias(Alias a, Scope scope) {
    if (a instanceof Alias.Outer o && o.sort() == Sort.TYPE) {
      Scope s = scope;
      for (int i = 0; i < o.count(); i++) {
        if (s.parent() == null) {
          throw new BinaryFormatException(
              offset, "outer alias count " + o.count() + " reaches past the component");
        }
        s = s.parent();
      }
      return get(s.types(), o.index(), "outer type");
    }
    throw new UnsupportedComponentException("alias " + a + " inside a type is not supported");
  }

  /** What an export or import declaration of {@code type} under {@code name} introduces. */
  private Object externItem(String name, ExternType type, Scope scope) {
    if (type instanceof ExternType.Func f) {
      return expect(get(scope.types(), f.type(), "type"), FuncEntry.class, name);
    } else if (type instanceof ExternType.TypeEq eq) {
      TypeEntry e = get(scope.types(), eq.type(), "type");
      nameType(e, name);
      scope.types().add(e);
      return e;
    } else if (type instanceof ExternType.SubResource) {
      TypeEntry e = new ResourceEntry(arena.addNamed(name, new ResourceType()));
      scope.types().add(e);
      return e;
    } else if (type instanceof ExternType.Instance i) {
      return expect(get(scope.types(), i.type(), "type"), InstanceEntry.class, name);
    } else if (type instanceof ExternType.Component c) {
      return expect(get(scope.types(), c.type(), "type"), ComponentEntry.class, name);
    }
    throw new UnsupportedComponentException(
        "`" + name + "`: " + type + " imports and exports are not supported");
  }

  private void nameType(TypeEntry e, String name) {
    if (e instanceof ValueEntry v && v.type() instanceof Named n) {
      arena.nameIfAnonymous(n.id(), name);
    } else if (e instanceof ResourceEntry r) {
      arena.nameIfAnonymous(r.id(), name);
    }
  }

  private WitType valType(DefType.ValRef ref, Scope scope) {
    if (ref instanceof DefType.Prim p) {
      return p.type();
    }
    TypeEntry e = get(scope.types(), ((DefType.Ref) ref).type(), "type");
    if (e instanceof ValueEntry v) {
      return v.type();
    }
    throw new BinaryFormatException(
        offset, "type index " + ((DefType.Ref) ref).type() + " is not a value type");
  }

  private Optional<WitType> valType(Optional<DefType.ValRef> ref, Scope scope) {
    return ref.map(r -> valType(r, scope));
  }

  private TypeId resource(int index, Scope scope) {
    TypeEntry e = get(scope.types(), index, "type");
    if (e instanceof ResourceEntry r) {
      return r.id();
    }
    throw new BinaryFormatException(offset, "type index " + index + " is not a resource");
  }

  // Casts are safe: kind() names the record type.
  private TypeEntry valDef(DefType.ValDef d, Scope scope) {
    WitType t =
        switch (d.kind()) {
          case PRIM -> ((DefType.PrimDef) d).type();
          case RECORD -> {
            List<Field> fields = new ArrayList<>();
            ((DefType.RecordDef) d)
                .fields()
                .forEach(f -> fields.add(Field.of(f.name(), valType(f.type(), scope))));
            yield new Named(arena.add(new RecordType(fields)));
          }
          case VARIANT -> {
            List<Case> cases = new ArrayList<>();
            ((DefType.VariantDef) d)
                .cases()
                .forEach(c -> cases.add(Case.of(c.name(), valType(c.type(), scope).orElse(null))));
            yield new Named(arena.add(new VariantType(cases)));
          }
          case ENUM ->
              new Named(
                  arena.add(
                      new EnumType(((DefType.EnumDef) d).names().stream().map(Name::of).toList())));
          case FLAGS ->
              new Named(
                  arena.add(
                      new FlagsType(
                          ((DefType.FlagsDef) d).names().stream().map(Name::of).toList())));
          case LIST -> new ListType(valType(((DefType.ListDef) d).element(), scope));
          case FIXED_LIST -> {
            DefType.FixedListDef l = (DefType.FixedListDef) d;
            yield new FixedListType(valType(l.element(), scope), l.length());
          }
          case TUPLE ->
              new TupleType(
                  ((DefType.TupleDef) d).types().stream().map(x -> valType(x, scope)).toList());
          case OPTION -> new OptionType(valType(((DefType.OptionDef) d).some(), scope));
          case RESULT -> {
            DefType.ResultDef r = (DefType.ResultDef) d;
            yield new ResultType(valType(r.ok(), scope), valType(r.err(), scope));
          }
          case OWN -> new dev.weft.wit.model.Own(resource(((DefType.OwnDef) d).resource(), scope));
          case BORROW ->
              new dev.weft.wit.model.Borrow(resource(((DefType.BorrowDef) d).resource(), scope));
          case STREAM -> new StreamType(valType(((DefType.StreamDef) d).element(), scope));
          case FUTURE -> new FutureType(valType(((DefType.FutureDef) d).element(), scope));
          case MAP -> {
            DefType.MapDef m = (DefType.MapDef) d;
            yield new dev.weft.wit.model.MapType(valType(m.key(), scope), valType(m.value(), scope));
          }
        };
    return new ValueEntry(t);
  }

  // ---- canon ----

  private void canon(Canon c) {
    if (c instanceof Canon.Lift l) {
      FuncEntry type =
          expect(get(top.types, l.type(), "type"), FuncEntry.class, "type " + l.type());
      funcs.add(
          new LiftedFunc(get(coreFuncs, l.coreFunc(), "core func"), options(l.options()), type));
    } else if (c instanceof Canon.Lower lo) {
      FuncItem f = get(funcs, lo.func(), "func");
      if (!(f instanceof ImportedFunc imp)) {
        throw new UnsupportedComponentException(
            "lowering a function the component itself lifts is not supported");
      }
      imports.add(
          new LoweredImport(
              imp.instance(), function(imp.name(), imp.type()), options(lo.options())));
      coreFuncs.add(new CoreRef.Lowered(imports.size() - 1));
    } else if (c instanceof Canon.ResourceNew r) {
      coreFuncs.add(new CoreRef.ResourceBuiltin(CoreRef.Kind.NEW, resource(r.type(), top)));
    } else if (c instanceof Canon.ResourceDrop r) {
      coreFuncs.add(new CoreRef.ResourceBuiltin(CoreRef.Kind.DROP, resource(r.type(), top)));
    } else if (c instanceof Canon.ResourceRep r) {
      coreFuncs.add(new CoreRef.ResourceBuiltin(CoreRef.Kind.REP, resource(r.type(), top)));
    } else {
      throw new UnsupportedComponentException(
          "canonical built-in 0x"
              + Integer.toHexString(((Canon.Unsupported) c).opcode())
              + " (async, threads or error-context) is not supported");
    }
  }

  private PlanOptions options(List<Canon.CanonOpt> opts) {
    StringEncoding enc = StringEncoding.UTF8;
    Optional<CoreRef> memory = Optional.empty();
    Optional<CoreRef> realloc = Optional.empty();
    Optional<CoreRef> postReturn = Optional.empty();
    for (Canon.CanonOpt o : opts) {
      if (o instanceof Canon.Encoding e) {
        enc = e.encoding();
      } else if (o instanceof Canon.Memory m) {
        memory = Optional.of(get(coreMemories, m.coreMemory(), "core memory"));
      } else if (o instanceof Canon.Realloc r) {
        realloc = Optional.of(get(coreFuncs, r.coreFunc(), "core func"));
      } else if (o instanceof Canon.PostReturn p) {
        postReturn = Optional.of(get(coreFuncs, p.coreFunc(), "core func"));
      } else {
        throw new UnsupportedComponentException("async canonical options are not supported");
      }
    }
    return new PlanOptions(enc, memory, realloc, postReturn);
  }

  private static Function function(String name, FuncEntry type) {
    return Function.of(name, type.params(), type.result());
  }

  // ---- imports, exports, instances ----

  private void importDecl(Section.ExternDecl d) {
    importNames.add(d.name());
    ExternType t = d.type();
    if (t instanceof ExternType.Instance i) {
      instances.add(
          new ImportedInstance(
              d.name(), expect(get(top.types, i.type(), "type"), InstanceEntry.class, d.name())));
    } else if (t instanceof ExternType.Func f) {
      funcs.add(
          new ImportedFunc(
              "", d.name(), expect(get(top.types, f.type(), "type"), FuncEntry.class, d.name())));
    } else if (t instanceof ExternType.TypeEq || t instanceof ExternType.SubResource) {
      externItem(d.name(), t, top);
    } else {
      throw new UnsupportedComponentException(
          "import `" + d.name() + "`: importing " + t + " is not supported");
    }
  }

  private void export(Section.Export e) {
    Sort.Idx item = e.item();
    switch (item.sort()) {
      case FUNC -> {
        FuncItem f = get(funcs, item.index(), "func");
        exportFunc(e.name(), f);
        funcs.add(f);
      }
      case INSTANCE -> {
        InstanceItem inst = get(instances, item.index(), "instance");
        if (!(inst instanceof BagInstance bag)) {
          throw new UnsupportedComponentException(
              "re-exporting imported instance `" + e.name() + "` is not supported");
        }
        for (Map.Entry<String, Object> x : bag.exports().entrySet()) {
          if (x.getValue() instanceof FuncItem f) {
            exportFunc(e.name() + "#" + x.getKey(), f);
          } else if (x.getValue() instanceof TypeEntry t) {
            nameType(t, x.getKey());
          }
        }
        instances.add(inst);
      }
      case TYPE -> {
        TypeEntry t = get(top.types, item.index(), "type");
        nameType(t, e.name());
        top.types.add(t);
      }
      case CORE_FUNC,
              CORE_TABLE,
              CORE_MEMORY,
              CORE_GLOBAL,
              CORE_TAG,
              CORE_TYPE,
              CORE_MODULE,
              CORE_INSTANCE,
              VALUE,
              COMPONENT ->
          throw new UnsupportedComponentException(
              "export `" + e.name() + "`: exporting " + item.sort() + " is not supported");
    }
  }

  private void exportFunc(String key, FuncItem f) {
    if (!(f instanceof LiftedFunc l)) {
      throw new UnsupportedComponentException(
          "export `" + key + "` re-exports an import, which is not supported");
    }
    String name = key.contains("#") ? key.substring(key.indexOf('#') + 1) : key;
    exports.add(new LiftedExport(key, function(name, l.type()), l.core(), l.options()));
  }

  private void instance(InstanceExpr e) {
    if (e instanceof InstanceExpr.FromExports fe) {
      Map<String, Object> items = new LinkedHashMap<>();
      for (InstanceExpr.Item i : fe.exports()) {
        items.put(i.name(), item(i.item()));
      }
      instances.add(new BagInstance(items));
    } else {
      InstanceExpr.Instantiate in = (InstanceExpr.Instantiate) e;
      byte[] component = get(components, in.component(), "component");
      Map<String, Object> args = new LinkedHashMap<>();
      for (InstanceExpr.Item i : in.args()) {
        args.put(i.name(), item(i.item()));
      }
      instances.add(new BagInstance(reexports(component, args)));
    }
  }

  private Object item(Sort.Idx idx) {
    return switch (idx.sort()) {
      case FUNC -> get(funcs, idx.index(), "func");
      case TYPE -> get(top.types, idx.index(), "type");
      case INSTANCE -> get(instances, idx.index(), "instance");
      case CORE_FUNC,
              CORE_TABLE,
              CORE_MEMORY,
              CORE_GLOBAL,
              CORE_TAG,
              CORE_TYPE,
              CORE_MODULE,
              CORE_INSTANCE,
              VALUE,
              COMPONENT ->
          throw new UnsupportedComponentException(
              "instance items of sort " + idx.sort() + " are not supported");
    };
  }

  /**
   * A function seen through the type its export ascribes: structurally the same, but in terms of
   * the named types of the exporting scope, so that a lifted export's WIT names its records.
   */
  private Object ascribe(Object f, Optional<ExternType> type, Scope scope) {
    if (f instanceof LiftedFunc l && type.isPresent() && type.get() instanceof ExternType.Func ft) {
      return new LiftedFunc(
          l.core(),
          l.options(),
          expect(get(scope.types(), ft.type(), "type"), FuncEntry.class, "func"));
    }
    return f;
  }

  /**
   * The exports of a nested component that only re-exports its imports under new names and types
   * (what wit-component emits to give exported interfaces their type names).
   */
  private Map<String, Object> reexports(byte[] component, Map<String, Object> args) {
    int outerOffset = offset;
    Scope scope = new Scope(new ArrayList<>(), top);
    List<Object> localFuncs = new ArrayList<>();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Section s : ComponentReader.read(component)) {
      if (s instanceof Section.Imports is) {
        for (Section.ExternDecl d : is.imports()) {
          Object arg = args.get(d.name());
          if (arg == null) {
            throw new BinaryFormatException(
                outerOffset, "nested component import `" + d.name() + "` has no argument");
          }
          if (d.type() instanceof ExternType.Func) {
            localFuncs.add(arg);
          } else if (arg instanceof TypeEntry t) {
            scope.types().add(t);
          } else {
            throw new UnsupportedComponentException(
                "nested component import `" + d.name() + "` is not supported");
          }
        }
      } else if (s instanceof Section.Types ts) {
        ts.types().forEach(d -> scope.types().add(defType(d, scope)));
      } else if (s instanceof Section.Exports es) {
        for (Section.Export x : es.exports()) {
          switch (x.item().sort()) {
            case FUNC -> {
              Object f = ascribe(get(localFuncs, x.item().index(), "func"), x.type(), scope);
              out.put(x.name(), f);
              localFuncs.add(f);
            }
            case TYPE -> {
              TypeEntry t = get(scope.types(), x.item().index(), "type");
              nameType(t, x.name());
              out.put(x.name(), t);
              scope.types().add(t);
            }
            case CORE_FUNC,
                    CORE_TABLE,
                    CORE_MEMORY,
                    CORE_GLOBAL,
                    CORE_TAG,
                    CORE_TYPE,
                    CORE_MODULE,
                    CORE_INSTANCE,
                    VALUE,
                    COMPONENT,
                    INSTANCE ->
                throw new UnsupportedComponentException(
                    "nested components exporting " + x.item().sort() + " are not supported");
          }
        }
      } else if (s instanceof Section.Aliases as) {
        for (Alias a : as.aliases()) {
          scope.types().add(outerAlias(a, scope));
        }
      } else if (!(s instanceof Section.Custom)) {
        throw new UnsupportedComponentException(
            "nested components with their own code ("
                + s.getClass().getSimpleName()
                + " sections) are not supported");
      }
    }
    offset = outerOffset;
    return out;
  }
}
