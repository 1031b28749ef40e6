package dev.weft.engine.wasm;

import dev.weft.engine.LinkException;
import dev.weft.wit.abi.FunctionCodec;
import dev.weft.wit.binary.BinaryFormatException;
import dev.weft.wit.binary.ComponentPlan;
import dev.weft.wit.binary.ComponentReader;
import dev.weft.wit.binary.ComponentTranslator;
import dev.weft.wit.binary.CoreRef;
import dev.weft.wit.binary.EmbeddedWorld;
import dev.weft.wit.binary.LiftedExport;
import dev.weft.wit.binary.LocalResource;
import dev.weft.wit.binary.LoweredImport;
import dev.weft.wit.binary.UnsupportedComponentException;
import dev.weft.wit.model.TypeId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import run.endive.compiler.MachineFactoryCompiler;
import run.endive.compiler.internal.ByteClassCollector;
import run.endive.compiler.internal.ClassCollector;
import run.endive.compiler.internal.Compiler;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.MemoryLimits;

/**
 * Loads component binaries: decodes them, parses and (optionally) compiles their core modules once,
 * checks that the host can satisfy their imports, and binds the canonical ABI of their exports.
 * Stateless and thread-safe; loading is slow (compilation), instantiating is cheap.
 */
public final class ComponentLoader {
  private ComponentLoader() {}

  /**
   * Whether Endive's compiled classes can link to {@link InterruptGate}: they are loaded by a class
   * loader under Endive's, so where Weft sits in a class loader below Endive's (some embeddings),
   * they cannot, and keep Endive's own interruption check.
   */
  private static final boolean GATE_VISIBLE = gateVisible();

  private static boolean gateVisible() {
    try {
      return Class.forName(
              InterruptGate.class.getName(), false, MachineFactoryCompiler.class.getClassLoader())
          == InterruptGate.class;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Loads the component in file {@code wasm}.
   *
   * @throws LinkException when the file cannot be read, is not a valid component, has a shape Weft
   *     does not support, or imports something the host does not provide; the message says which
   */
  public static LoadedComponent load(Path wasm, LoadOptions options) {
    return load(wasm, options, HostImports.none());
  }

  /**
   * Loads the component in file {@code wasm}, whose imports {@code host} provides.
   *
   * @throws LinkException as {@link #load(Path, LoadOptions)}
   */
  public static LoadedComponent load(Path wasm, LoadOptions options, HostImports host) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(wasm);
    } catch (IOException e) {
      throw new LinkException("cannot read component " + wasm + ": " + e.getMessage(), e);
    }
    return load(bytes, wasm.getFileName().toString(), options, host);
  }

  /**
   * Loads the component {@code bytes}; {@code displayName} names it in messages.
   *
   * @throws LinkException as {@link #load(Path, LoadOptions)}
   */
  public static LoadedComponent load(byte[] bytes, String displayName, LoadOptions options) {
    return load(bytes, displayName, options, HostImports.none());
  }

  /**
   * Loads the component {@code bytes}, whose imports {@code host} provides.
   *
   * @throws LinkException as {@link #load(Path, LoadOptions)}
   */
  public static LoadedComponent load(
      byte[] bytes, String displayName, LoadOptions options, HostImports host) {
    Optional<CoreWorld> embedded = embeddedWorld(bytes, displayName);
    if (embedded.isPresent()) {
      return load(bytes, displayName, embedded.get(), options, host);
    }
    return link(plan(bytes, displayName), displayName, options, host, Optional.empty());
  }

  /**
   * The world a core module carries in its {@code component-type} section; empty for components.
   */
  private static Optional<CoreWorld> embeddedWorld(byte[] bytes, String displayName) {
    if (!isCoreModule(bytes)) {
      return Optional.empty();
    }
    try {
      return EmbeddedWorld.find(bytes)
          .map(w -> new CoreWorld(w.types(), functions(w.exports()), functions(w.imports())));
    } catch (BinaryFormatException | UnsupportedComponentException e) {
      throw new LinkException(
          "`" + displayName + "`: its embedded WIT world is invalid: " + e.getMessage(), e);
    }
  }

  private static List<ExportedFunction> functions(Map<String, dev.weft.wit.model.Function> fs) {
    List<ExportedFunction> out = new ArrayList<>();
    fs.forEach((k, f) -> out.add(new ExportedFunction(k, f)));
    return out;
  }

  private static boolean isCoreModule(byte[] bytes) {
    return bytes.length >= 8
        && bytes[0] == 0
        && bytes[1] == 'a'
        && bytes[2] == 's'
        && bytes[3] == 'm'
        && bytes[4] == 1
        && bytes[5] == 0
        && bytes[6] == 0
        && bytes[7] == 0;
  }

  /**
   * Loads a core module that follows the canonical ABI as the component its WIT world describes:
   * exports named after the world's functions ({@code fn}, {@code ns:pkg/iface@ver#fn}), imports
   * from module {@code $root} or the interface name, {@code memory}, {@code cabi_realloc} and
   * {@code cabi_post_*} (wit-bindgen's conventions).
   *
   * @throws LinkException when the module does not match the world or imports what the host does
   *     not provide
   */
  public static LoadedComponent load(
      byte[] coreModule,
      String displayName,
      CoreWorld world,
      LoadOptions options,
      HostImports host) {
    if (ComponentReader.isComponent(coreModule)) {
      throw new LinkException("`" + displayName + "` is a component: load it without a WIT world");
    }
    WasmModule m = parse(coreModule, displayName, 0);
    ComponentPlan plan = CoreModulePlans.plan(coreModule, m, world, displayName);
    return link(plan, displayName, options, host, CoreModulePlans.initializer(plan, m));
  }

  /**
   * @param initialize the export to call once after instantiation: a core module's {@code
   *     _initialize} (a WASI reactor's constructors), which no wit-component fixup calls for it
   */
  private static LoadedComponent link(
      ComponentPlan plan,
      String displayName,
      LoadOptions options,
      HostImports host,
      Optional<CoreRef> initialize) {
    WasiAdapter wasi = WasiAdapter.find(plan, host);
    List<BoundImport> imports = bindImports(plan, host, wasi, displayName);
    List<WasmModule> modules = new ArrayList<>();
    List<Function<Instance, Machine>> machines = new ArrayList<>();
    List<MemoryLimits> limits = new ArrayList<>();
    List<CoreInitialiser> initialisers = new ArrayList<>();
    InterruptGate gate = new InterruptGate();
    for (int i = 0; i < plan.modules().size(); i++) {
      CoreInitialiser init =
          CoreInitialiser.split(parse(plan.modules().get(i).bytes(), displayName, i));
      WasmModule m = init.module();
      initialisers.add(init);
      modules.add(m);
      limits.add(memoryLimits(m, options, displayName, i));
      machines.add(options.compile() ? compile(m, displayName, i, options, gate) : null);
    }
    List<BoundExport> exports = new ArrayList<>();
    Map<String, String> unsupported = new LinkedHashMap<>();
    for (LiftedExport e : plan.exports()) {
      FunctionCodec codec;
      try {
        codec =
            FunctionCodec.bind(
                e.function(), plan.types(), e.options().canonOptions(), localResources(plan));
      } catch (IllegalArgumentException ex) {
        // One export Weft cannot call (a future, a stream...) should not make the others unusable.
        unsupported.put(e.key(), ex.getMessage());
        continue;
      }
      CoreSignatures.check(plan, modules, e, codec.liftSignature(), displayName);
      exports.add(new BoundExport(e, codec));
    }
    return new LoadedComponent(
        displayName,
        plan,
        initialisers,
        machines,
        limits,
        exports,
        unsupported,
        imports,
        host,
        wasi,
        initialize,
        gate);
  }

  private static Set<TypeId> localResources(ComponentPlan plan) {
    return plan.resources().stream().map(LocalResource::id).collect(Collectors.toSet());
  }

  /** The bound imports, in plan order; null for those left out with the WASI adapter. */
  private static List<BoundImport> bindImports(
      ComponentPlan plan, HostImports host, WasiAdapter wasi, String name) {
    // A WASI program whose WASI is not granted: its adapter's wasi:* imports are one problem.
    boolean ungrantedWasi = WasiAdapter.uses(plan) && host.wasiPreview1().isEmpty();
    List<String> missing = new ArrayList<>();
    for (int k = 0; k < plan.imports().size(); k++) {
      String key = plan.imports().get(k).key();
      if (!wasi.skippedImports().contains(k)
          && host.function(key).isEmpty()
          && !(ungrantedWasi && key.startsWith("wasi:"))) {
        missing.add("`" + key + "`");
      }
    }
    List<String> problems = new ArrayList<>();
    if (ungrantedWasi) {
      problems.add(
          "`"
              + name
              + "` is a WASI preview 1 program (it uses `"
              + WasiAdapter.MODULE
              + "`) and is not granted WASI: grant it with `grants: {wasi: true}` in"
              + " its flow (docs/host.md), or HostImports.withWasiPreview1 when embedding");
    }
    if (!missing.isEmpty()) {
      problems.add(
          "`"
              + name
              + "` imports "
              + String.join(", ", missing)
              + ", which the host does not provide");
    }
    if (!problems.isEmpty()) {
      throw new LinkException(String.join("; ", problems));
    }
    List<BoundImport> out = new ArrayList<>();
    for (int k = 0; k < plan.imports().size(); k++) {
      LoweredImport imp = plan.imports().get(k);
      if (wasi.skippedImports().contains(k)) {
        out.add(null);
        continue;
      }
      HostFunction f = host.function(imp.key()).orElseThrow();
      try {
        out.add(
            new BoundImport(
                imp,
                FunctionCodec.bind(
                    imp.function(),
                    plan.types(),
                    imp.options().canonOptions(),
                    localResources(plan)),
                f));
      } catch (IllegalArgumentException e) {
        throw new LinkException("`" + name + "` import `" + imp.key() + "`: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /**
   * Reads what the component {@code bytes} imports and exports, without compiling it or checking
   * its imports against a host.
   *
   * @throws LinkException when the bytes are not a valid component or have an unsupported shape
   */
  public static ComponentDescription describe(byte[] bytes, String displayName) {
    Optional<CoreWorld> embedded = embeddedWorld(bytes, displayName);
    if (embedded.isPresent()) {
      Map<String, dev.weft.wit.model.Function> exports = new LinkedHashMap<>();
      embedded.get().exports().forEach(e -> exports.put(e.key(), e.function()));
      Map<String, dev.weft.wit.model.Function> imports = new LinkedHashMap<>();
      embedded.get().imports().forEach(e -> imports.put(e.key(), e.function()));
      return new ComponentDescription(
          displayName, embedded.get().types(), exports, imports, importsWasi(bytes, displayName));
    }
    ComponentPlan plan = plan(bytes, displayName);
    Map<String, dev.weft.wit.model.Function> exports = new LinkedHashMap<>();
    plan.exports().forEach(e -> exports.put(e.key(), e.function()));
    Map<String, dev.weft.wit.model.Function> imports = new LinkedHashMap<>();
    plan.imports().forEach(i -> imports.put(i.key(), i.function()));
    return new ComponentDescription(
        displayName, plan.types(), exports, imports, WasiAdapter.uses(plan));
  }

  /** Whether the core module {@code bytes} imports {@code wasi_snapshot_preview1}. */
  private static boolean importsWasi(byte[] bytes, String displayName) {
    WasmModule m = parse(bytes, displayName, 0);
    for (int i = 0; i < m.importSection().importCount(); i++) {
      if (m.importSection().getImport(i).module().equals(WasiAdapter.MODULE)) {
        return true;
      }
    }
    return false;
  }

  private static ComponentPlan plan(byte[] bytes, String displayName) {
    if (isCoreModule(bytes)) {
      throw new LinkException(
          "`"
              + displayName
              + "` is a core Wasm module, not a component, and embeds no WIT world: "
              + "give its WIT world to load it");
    }
    try {
      return ComponentTranslator.translate(ComponentReader.read(bytes));
    } catch (BinaryFormatException e) {
      throw new LinkException(
          "`" + displayName + "` is not a valid component: " + e.getMessage(), e);
    } catch (UnsupportedComponentException e) {
      throw new LinkException("`" + displayName + "` is not supported: " + e.getMessage(), e);
    }
  }

  private static WasmModule parse(byte[] bytes, String name, int index) {
    try {
      return Parser.parse(bytes);
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      // Endive's parser asserts on some malformed code (AnnotatedInstruction.Builder.build) when
      // assertions are on: a bad module, not a bug of ours.
      throw new LinkException(
          "`" + name + "`: core module " + index + " is invalid: " + e.getMessage(), e);
    }
  }

  /**
   * The compiled machine of core module {@code m}, with its interruption checks sent through
   * {@code gate} ({@link InterruptChecks}) when the options ask for it: its classes are compiled
   * (or read from the disk cache), rewritten, and loaded from those bytes.
   */
  private static Function<Instance, Machine> compile(
      WasmModule m, String name, int index, LoadOptions options, InterruptGate gate) {
    try {
      String digest = m.digest();
      Optional<CompileCache> disk = options.compileCache();
      if (!options.gatedInterrupts() || !GATE_VISIBLE || digest == null) {
        if (disk.isPresent()) {
          try {
            return MachineFactoryCompiler.builder(m).withCache(disk.get()).compile();
          } catch (RuntimeException e) {
            // A damaged cache entry must cost a recompile, never a failed load.
            disk.get().evict(m.digest());
          }
        }
        return MachineFactoryCompiler.compile(m);
      }
      byte[] stored = disk.map(c -> c.get(digest)).orElse(null);
      if (stored != null) {
        try {
          return load(m, stored, gate);
        } catch (RuntimeException e) {
          disk.get().evict(digest);
        }
      }
      byte[] compiled = compiledClasses(m);
      disk.ifPresent(c -> c.putIfAbsent(digest, compiled));
      return load(m, compiled, gate);
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      throw new LinkException(
          "`" + name + "`: core module " + index + " does not compile: " + e.getMessage(), e);
    }
  }

  /**
   * Endive's classes for {@code m} as the jar its cache stores (a {@code wasm-module.properties}
   * naming the main class, then the class files), compiled but not loaded. Endive's public API
   * compiles and loads in one step, and loading the classes only to load rewritten copies of them
   * made a cold load of the QR code component 50-100 ms slower; so this runs Endive's compiler
   * with its collector that keeps bytes, where {@code MachineFactoryCompiler} uses one that loads
   * them. An internal API of Endive, pinned with it ({@link CompileCache#ENDIVE_VERSION}).
   */
  private static byte[] compiledClasses(WasmModule m) {
    ClassCollector classes =
        Compiler.builder(m).withClassCollectorFactory(ByteClassCollector::new).build().compile()
            .collector();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(out)) {
      Properties properties = new Properties();
      properties.setProperty("mainClass", classes.mainClassName());
      jar.putNextEntry(new JarEntry("wasm-module.properties"));
      properties.store(jar, null);
      jar.closeEntry();
      for (Map.Entry<String, byte[]> c : classes.classBytes().entrySet()) {
        jar.putNextEntry(new JarEntry(c.getKey().replace('.', '/') + ".class"));
        jar.write(c.getValue());
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Function<Instance, Machine> load(
      WasmModule m, byte[] classes, InterruptGate gate) {
    byte[] rewritten = InterruptChecks.rewrite(classes, gate.register()).classes();
    return MachineFactoryCompiler.builder(m).withCache(new Classes(rewritten)).compile();
  }

  /** Endive's view of a compile cache that holds one module's classes. */
  private static final class Classes implements run.endive.compiler.Cache {
    private final byte[] bytes;

    Classes(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public byte[] get(String digest) {
      return bytes;
    }

    @Override
    public void putIfAbsent(String digest, byte[] classes) {}
  }

  private static MemoryLimits memoryLimits(
      WasmModule m, LoadOptions options, String name, int index) {
    if (m.memorySection().isEmpty() || m.memorySection().get().memoryCount() == 0) {
      return null;
    }
    MemoryLimits declared = m.memorySection().get().getMemory(0).limits();
    if (declared.initialPages() > options.maxMemoryPages()) {
      throw new LinkException(
          "`"
              + name
              + "`: core module "
              + index
              + " needs "
              + declared.initialPages()
              + " pages of memory, more than the limit of "
              + options.maxMemoryPages());
    }
    return new MemoryLimits(
        declared.initialPages(), Math.min(declared.maximumPages(), options.maxMemoryPages()));
  }
}
