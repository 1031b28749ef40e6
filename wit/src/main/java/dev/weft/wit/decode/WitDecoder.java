package dev.weft.wit.decode;

import dev.weft.wit.binary.BinaryFormatException;
import dev.weft.wit.binary.ComponentReader;
import dev.weft.wit.binary.EmbeddedWorld;
import dev.weft.wit.binary.Section;
import dev.weft.wit.binary.UnsupportedComponentException;
import dev.weft.wit.decode.DecodeArenas.Iface;
import dev.weft.wit.decode.DecodeArenas.Pkg;
import dev.weft.wit.decode.DecodeArenas.WorldB;
import dev.weft.wit.model.Docs;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.FunctionKind;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.PackageId;
import dev.weft.wit.model.PackageName;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.ResourceType;
import dev.weft.wit.model.Stability;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeOwner;
import dev.weft.wit.model.WitType;
import dev.weft.wit.model.WorldId;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WIT from a binary (wasm-tools' {@code wit_parser::decoding}): a WIT package encoded as a
 * component, a real component (whose imports and exports become the world {@code root} of package
 * {@code root:component}), or a core module carrying a {@code component-type} custom section (the
 * world it was built for). The result is the same {@link Resolve} the text front end produces.
 *
 * <p>Types keep their identity: an export that names a type already decoded becomes an alias of it
 * (a {@code use} when the two live in different interfaces), anonymous types ({@code list<u8>}) are
 * written inline, and records, variants, enums, flags and resources need a name, as in WIT.
 * Stateless; every call decodes on its own.
 */
public final class WitDecoder {
  /** Which kind of binary was decoded. */
  public enum Form {
    /** A WIT package encoded as a component: its interfaces and worlds. */
    WIT_PACKAGE,
    /** A component: the world of its imports and exports. */
    COMPONENT,
    /** A core module with the world it targets in a {@code component-type} custom section. */
    CORE_MODULE
  }

  /**
   * What a binary decodes to.
   *
   * @param resolve every package mentioned, dependencies first
   * @param pkg the package the binary itself describes
   * @param world for a component or core module, the world it implements
   */
  public record Decoded(Resolve resolve, PackageId pkg, Form form, Optional<WorldId> world) {}

  private final DecodeArenas arenas = new DecodeArenas();
  private final TypeConverter types;

  /** Package-local interfaces by full name ({@code ns:pkg/iface@ver}). */
  private final Map<String, InterfaceId> named = new HashMap<>();

  /** Which resource each name is, per interface or world (for {@code [method]r.f}). */
  private final Map<TypeOwner, Map<String, TypeId>> resources = new HashMap<>();

  private WitDecoder() {
    this.types = new TypeConverter(arenas, new IdentityHashMap<>());
  }

  /**
   * Decodes the WIT that {@code bytes} describes.
   *
   * @throws BinaryFormatException when the bytes are not a well-formed component or core module,
   *     naming the byte offset
   * @throws UnsupportedComponentException when the binary is well formed but WIT cannot describe it
   *     (value imports, a record without a name...), saying what
   */
  public static Decoded decode(byte[] bytes) {
    if (isCoreModule(bytes)) {
      return coreModule(bytes);
    }
    return decode(ComponentReader.read(bytes));
  }

  /**
   * Decodes the WIT of a component given as its sections (as {@link dev.weft.wit.wat.WatComponent}
   * makes them from text).
   *
   * @throws BinaryFormatException when an index is out of range or names the wrong kind of item
   * @throws UnsupportedComponentException when WIT cannot describe the component
   */
  public static Decoded decode(List<Section> sections) {
    ComponentTyper.Shape shape = ComponentTyper.type(sections);
    WitDecoder d = new WitDecoder();
    return d.isWitPackage(shape) ? d.witPackage(shape) : d.component(shape);
  }

  private static boolean isCoreModule(byte[] b) {
    return b.length >= 8
        && b[0] == 0
        && b[1] == 'a'
        && b[2] == 's'
        && b[3] == 'm'
        && b[4] == 1
        && b[5] == 0
        && b[6] == 0
        && b[7] == 0;
  }

  private static Decoded coreModule(byte[] bytes) {
    List<byte[]> worlds = EmbeddedWorld.sections(bytes);
    if (worlds.isEmpty()) {
      throw new UnsupportedComponentException(
          "this is a core Wasm module without a `component-type` custom section, so it names no"
              + " WIT world");
    }
    if (worlds.size() > 1) {
      throw new UnsupportedComponentException(
          "this core module has "
              + worlds.size()
              + " `component-type` custom sections; Weft reads modules that have one");
    }
    Decoded pkg = decode(worlds.get(0));
    if (pkg.form() != Form.WIT_PACKAGE) {
      throw new UnsupportedComponentException(
          "the `component-type` custom section does not hold a WIT package");
    }
    var ws = pkg.resolve().pkg(pkg.pkg()).worlds();
    if (ws.size() != 1) {
      throw new UnsupportedComponentException(
          "the `component-type` custom section holds " + ws.size() + " worlds, not one");
    }
    return new Decoded(
        pkg.resolve(), pkg.pkg(), Form.CORE_MODULE, Optional.of(ws.values().iterator().next()));
  }

  // ---- the two forms ----

  /**
   * Every export is a component type, and the first is named like an item of the package (v2) or
   * {@code ns:pkg/wit} (v1): the shape {@code wasm-tools component wit --wasm} writes.
   */
  private boolean isWitPackage(ComponentTyper.Shape shape) {
    if (shape.items().isEmpty()) {
      return false;
    }
    for (ComponentTyper.Item i : shape.items()) {
      if (i.isImport()
          || !(i.extern().entity() instanceof Extern.TypeItem t)
          || !(Ty.peel(t.created()) instanceof Ty.Component)) {
        return false;
      }
    }
    String first = shape.items().get(0).extern().name();
    return !first.contains("/") || Names.of(first).map(n -> n.iface().equals("wit")).orElse(false);
  }

  private Decoded witPackage(ComponentTyper.Shape shape) {
    String first = shape.items().get(0).extern().name();
    return first.contains("/") ? packageV1(shape) : packageV2(shape);
  }

  /** One export per interface and world, each a component type with that one item exported. */
  private Decoded packageV2(ComponentTyper.Shape shape) {
    Pkg main = null;
    for (ComponentTyper.Item i : shape.items()) {
      Ty.Component c = (Ty.Component) Ty.peel(((Extern.TypeItem) i.extern().entity()).created());
      if (c.exports.size() != 1) {
        throw unsupported(
            "exported type `"
                + i.extern().name()
                + "` should hold one interface or world, but exports "
                + c.exports.size()
                + " items");
      }
      Extern item = c.exports.values().iterator().next();
      Names.Qualified q =
          Names.of(item.name())
              .orElseThrow(
                  () -> unsupported("`" + item.name() + "` is not a full interface or world name"));
      PackageName pkgName = q.packageName(item.attrs());
      if (main == null) {
        main = new Pkg(pkgName);
      } else if (!main.name.equals(pkgName)) {
        throw unsupported(
            "items of two packages in one binary: `" + main.name + "` and `" + pkgName + "`");
      }
      if (item.entity() instanceof Extern.ComponentItem w) {
        registerWorld(q.iface(), w.type(), main);
      } else if (item.entity() instanceof Extern.InstanceItem) {
        for (Extern imp : c.imports.values()) {
          registerImport(imp.name(), imp);
        }
        registerInterface(item.name(), item, main);
      } else {
        throw unsupported("`" + item.name() + "` is neither an interface nor a world");
      }
    }
    return finishPackage(main, shape);
  }

  private Decoded finishPackage(Pkg main, ComponentTyper.Shape shape) {
    shape.packageDocs().ifPresent(docs -> new PackageDocs(arenas, main).inject(docs));
    var done = arenas.finish(main);
    return new Decoded(done.getKey(), done.getValue(), Form.WIT_PACKAGE, Optional.empty());
  }

  /** The older encoding: one export {@code ns:pkg/wit} whose component type holds everything. */
  private Decoded packageV1(ComponentTyper.Shape shape) {
    if (shape.items().size() != 1) {
      throw unsupported("a v1 WIT package encoding has one export, found " + shape.items().size());
    }
    Extern e = shape.items().get(0).extern();
    Ty.Component c = (Ty.Component) Ty.peel(((Extern.TypeItem) e.entity()).created());
    for (Extern imp : c.imports.values()) {
      registerImport(imp.name(), imp);
    }
    Pkg main = new Pkg(Names.of(e.name()).orElseThrow().packageName(e.attrs()));
    for (Extern x : c.exports.values()) {
      if (x.entity() instanceof Extern.InstanceItem) {
        registerInterface(x.name(), x, main);
      } else if (x.entity() instanceof Extern.ComponentItem w) {
        String name = Names.of(x.name()).map(Names.Qualified::iface).orElse(x.name());
        registerWorld(name, w.type(), main);
      } else {
        throw unsupported("export `" + x.name() + "` is neither an interface nor a world");
      }
    }
    return finishPackage(main, shape);
  }

  /** A component's imports and exports, as the world {@code root:component/root}. */
  private Decoded component(ComponentTyper.Shape shape) {
    Pkg main = new Pkg(new PackageName("root", "component", Optional.empty()));
    WorldB root = new WorldB("root");
    WorldId id = arenas.addWorld(root);
    main.worlds.put("root", id);
    TypeOwner owner = TypeOwner.of(id);
    for (ComponentTyper.Item i : shape.items()) {
      Extern e = i.extern();
      Extern.Entity entity = e.entity();
      if (i.isImport()) {
        if (entity instanceof Extern.InstanceItem) {
          worldInstance(e, main, root.imports);
        } else if (entity instanceof Extern.FuncItem f) {
          root.imports.put(
              WorldKey.of(e.name()), new WorldItem.FunctionItem(function(e.name(), f, owner)));
        } else if (entity instanceof Extern.TypeItem t) {
          root.imports.put(
              WorldKey.of(e.name()), new WorldItem.TypeItem(typeExport(e.name(), t, owner)));
        }
        // Imported components and core modules are no part of a WIT world.
      } else if (entity instanceof Extern.InstanceItem) {
        worldInstance(e, main, root.exports);
      } else if (entity instanceof Extern.FuncItem f) {
        root.exports.put(
            WorldKey.of(e.name()), new WorldItem.FunctionItem(function(e.name(), f, owner)));
      } else {
        throw unsupported(
            "export `" + e.name() + "` is not a function or an instance, which WIT cannot express");
      }
    }
    WorldUses.add(arenas, root, id);
    var done = arenas.finish(main);
    return new Decoded(done.getKey(), done.getValue(), Form.COMPONENT, Optional.of(id));
  }

  // ---- interfaces and worlds ----

  private void registerWorld(String name, Ty.Component type, Pkg pkg) {
    WorldB w = new WorldB(name);
    WorldId id = arenas.addWorld(w);
    TypeOwner owner = TypeOwner.of(id);
    for (Extern e : type.imports.values()) {
      if (e.entity() instanceof Extern.InstanceItem) {
        worldInstance(e, pkg, w.imports);
      } else if (e.entity() instanceof Extern.TypeItem t) {
        w.imports.put(
            WorldKey.of(e.name()), new WorldItem.TypeItem(typeExport(e.name(), t, owner)));
      } else if (e.entity() instanceof Extern.FuncItem f) {
        w.imports.put(
            WorldKey.of(e.name()), new WorldItem.FunctionItem(function(e.name(), f, owner)));
      } else {
        throw unsupported("world import `" + e.name() + "` is not an instance, function or type");
      }
    }
    for (Extern e : type.exports.values()) {
      if (e.entity() instanceof Extern.InstanceItem) {
        worldInstance(e, pkg, w.exports);
      } else if (e.entity() instanceof Extern.FuncItem f) {
        w.exports.put(
            WorldKey.of(e.name()), new WorldItem.FunctionItem(function(e.name(), f, owner)));
      } else {
        throw unsupported("world export `" + e.name() + "` is not an instance or function");
      }
    }
    if (pkg.worlds.putIfAbsent(name, id) != null) {
      throw unsupported("world `" + name + "` is defined twice");
    }
  }

  /** An imported or exported instance of a world: a named interface, or one written inline. */
  private void worldInstance(Extern e, Pkg pkg, Map<WorldKey, WorldItem> into) {
    WorldKey key;
    InterfaceId id;
    if (e.attrs().implementsName().isPresent()) {
      id = registerImport(e.attrs().implementsName().get(), e);
      key = WorldKey.of(e.name());
    } else if (Names.of(e.name()).isPresent()) {
      id = registerImport(e.name(), e);
      key = WorldKey.of(id);
    } else {
      Map.Entry<WorldKey, InterfaceId> r = registerInterface(e.name(), e, pkg);
      key = r.getKey();
      id = r.getValue();
    }
    into.put(key, new WorldItem.InterfaceItem(id, Stability.UNKNOWN));
  }

  /**
   * An instance named {@code name} whose interface is declared elsewhere: one of this package's
   * (already decoded: its types are matched by name) or a foreign one (created on first mention,
   * and filled with what each mention adds).
   */
  private InterfaceId registerImport(String name, Extern e) {
    if (!(e.entity() instanceof Extern.InstanceItem inst)) {
      throw unsupported("import `" + name + "` is not an instance");
    }
    InterfaceId local = named.get(name);
    InterfaceId id = local != null ? local : foreignInterface(name, e);
    Iface iface = arenas.iface(id);
    TypeOwner owner = TypeOwner.of(id);
    for (Extern x : inst.type().exports.values()) {
      if (x.entity() instanceof Extern.TypeItem t) {
        TypeId existing = iface.types.get(x.name());
        if (existing != null) {
          types.map(t.created(), existing);
        } else if (local != null) {
          throw unsupported("`" + name + "` has no type `" + x.name() + "`");
        } else {
          iface.types.put(x.name(), typeExport(x.name(), t, owner));
        }
      } else if (x.entity() instanceof Extern.FuncItem f) {
        if (iface.functions.containsKey(x.name())) {
          continue;
        }
        if (local != null) {
          throw unsupported("`" + name + "` has no function `" + x.name() + "`");
        }
        iface.functions.put(x.name(), function(x.name(), f, owner));
      } else {
        throw unsupported("`" + name + "` exports `" + x.name() + "`, not a type or function");
      }
    }
    return id;
  }

  private InterfaceId foreignInterface(String name, Extern e) {
    Names.Qualified q =
        Names.of(name).orElseThrow(() -> unsupported("`" + name + "` is not an interface name"));
    PackageName pkgName = q.packageName(e.attrs());
    Pkg pkg = arenas.foreign.computeIfAbsent(pkgName.toString(), k -> new Pkg(pkgName));
    InterfaceId id = pkg.interfaces.get(q.iface());
    if (id == null) {
      Iface iface = new Iface(Optional.of(q.iface()));
      iface.pkg = pkgName.toString();
      id = arenas.addInterface(iface);
      pkg.interfaces.put(q.iface(), id);
    }
    return id;
  }

  /**
   * An interface defined by this instance type: a package item when {@code name} is a full name,
   * else an interface written inline in a world, keyed by its plain name.
   */
  private Map.Entry<WorldKey, InterfaceId> registerInterface(String name, Extern e, Pkg pkg) {
    if (named.containsKey(name)) {
      InterfaceId id = registerImport(name, e);
      return Map.entry(WorldKey.of(id), id);
    }
    Optional<Names.Qualified> q = Names.of(name);
    Iface iface = new Iface(q.map(Names.Qualified::iface));
    InterfaceId id = arenas.addInterface(iface);
    TypeOwner owner = TypeOwner.of(id);
    for (Extern x : ((Extern.InstanceItem) e.entity()).type().exports.values()) {
      if (x.entity() instanceof Extern.TypeItem t) {
        iface.types.put(x.name(), typeExport(x.name(), t, owner));
      } else if (x.entity() instanceof Extern.FuncItem f) {
        iface.functions.put(x.name(), function(x.name(), f, owner));
      } else {
        throw unsupported(
            "interface `" + name + "` exports `" + x.name() + "`, not a type or function");
      }
    }
    if (q.isEmpty()) {
      return Map.entry(WorldKey.of(name), id);
    }
    if (pkg.interfaces.putIfAbsent(q.get().iface(), id) != null) {
      throw unsupported("interface `" + q.get().iface() + "` is defined twice");
    }
    named.put(name, id);
    return Map.entry(WorldKey.of(id), id);
  }

  // ---- types and functions ----

  /**
   * A named type of an interface or world: an alias when it names a type already decoded ({@code
   * use a.{t}}, {@code type u = t}), else a new definition.
   */
  private TypeId typeExport(String name, Extern.TypeItem t, TypeOwner owner) {
    Optional<TypeId> prev = types.find(t.referenced());
    WitType def;
    if (prev.isPresent()) {
      def = new dev.weft.wit.model.Named(prev.get());
    } else if (Ty.peel(t.referenced()) instanceof Ty.Resource) {
      def = new ResourceType();
    } else {
      def = types.definition(Ty.peel(t.referenced()), name);
    }
    TypeId id =
        arenas.addType(new TypeDef(Optional.of(name), def, owner, Docs.NONE, Stability.UNKNOWN));
    if (def instanceof ResourceType) {
      resources.computeIfAbsent(owner, o -> new HashMap<>()).put(name, id);
    }
    if (!types.map(t.created(), id)) {
      throw unsupported(
          "the type `"
              + name
              + "` appears more than once (an imported instance re-exported under a new name?),"
              + " which WIT cannot express");
    }
    return id;
  }

  private Function function(String name, Extern.FuncItem f, TypeOwner owner) {
    Ty.Func type = f.type();
    FunctionNames.Parsed n = FunctionNames.parse(name);
    Optional<TypeId> resource = n.resource().map(r -> resourceOf(r, owner, name));
    List<Param> params = new ArrayList<>();
    for (int i = 0; i < type.params.size(); i++) {
      params.add(new Param(type.names.get(i), types.valType(type.params.get(i), "`" + name + "`")));
    }
    Optional<WitType> result = type.result.map(r -> types.valType(r, "`" + name + "`"));
    return new Function(
        n.name(),
        new FunctionKind(n.form(), resource, type.async || n.async()),
        params,
        result,
        Docs.NONE,
        Stability.UNKNOWN);
  }

  private TypeId resourceOf(String resource, TypeOwner owner, String function) {
    TypeId id = resources.getOrDefault(owner, Map.of()).get(resource);
    if (id != null) {
      return id;
    }
    // A resource this scope `use`s from another interface.
    TypeId local =
        owner.iface().isPresent() ? arenas.iface(owner.iface().get()).types.get(resource) : null;
    if (local != null) {
      TypeId target = types.unalias(local);
      if (arenas.types.get(target.index()).definition() instanceof ResourceType) {
        return target;
      }
    }
    throw unsupported(
        "function `" + function + "` belongs to `" + resource + "`, not a resource here");
  }

  private static UnsupportedComponentException unsupported(String message) {
    return new UnsupportedComponentException(message);
  }
}
