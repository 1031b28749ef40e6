package dev.weft.engine.wasm;

import dev.weft.engine.InstantiationException;
import dev.weft.wit.binary.ComponentPlan;
import dev.weft.wit.binary.CoreRef;
import dev.weft.wit.model.TypeTable;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.MemoryLimits;

/**
 * A component ready to instantiate: decoded, its core modules parsed and compiled once, its
 * exports' canonical ABI bound. Immutable and thread-safe: any number of threads may {@link
 * #instantiate()} it at once.
 */
public final class LoadedComponent {
  private final String displayName;
  private final ComponentPlan plan;
  private final List<CoreInitialiser> modules;
  private final List<Function<Instance, Machine>> machines;
  private final List<MemoryLimits> limits;
  private final List<BoundExport> bound;
  private final List<BoundImport> imports;
  private final HostImports host;
  private final WasiAdapter wasi;
  private final Optional<CoreRef> initialize;
  private final Map<String, String> unsupported;
  private final Map<String, ExportedFunction> exports;
  private final Map<String, Integer> index;
  private final InterruptGate interrupts;

  LoadedComponent(
      String displayName,
      ComponentPlan plan,
      List<CoreInitialiser> modules,
      List<Function<Instance, Machine>> machines,
      List<MemoryLimits> limits,
      List<BoundExport> bound,
      Map<String, String> unsupported,
      List<BoundImport> imports,
      HostImports host,
      WasiAdapter wasi,
      Optional<CoreRef> initialize,
      InterruptGate interrupts) {
    this.displayName = displayName;
    this.interrupts = interrupts;
    this.initialize = initialize;
    this.imports = Collections.unmodifiableList(new java.util.ArrayList<>(imports));
    this.wasi = wasi;
    this.unsupported = Collections.unmodifiableMap(new LinkedHashMap<>(unsupported));
    this.host = host;
    this.plan = plan;
    this.modules = List.copyOf(modules);
    this.machines = Collections.unmodifiableList(new java.util.ArrayList<>(machines));
    this.limits = Collections.unmodifiableList(new java.util.ArrayList<>(limits));
    this.bound = List.copyOf(bound);
    Map<String, ExportedFunction> ex = new LinkedHashMap<>();
    Map<String, Integer> idx = new HashMap<>();
    Map<String, Integer> bare = new HashMap<>();
    for (int i = 0; i < bound.size(); i++) {
      BoundExport b = bound.get(i);
      ex.put(b.export().key(), new ExportedFunction(b.export().key(), b.export().function()));
      idx.put(b.export().key(), i);
      bare.merge(b.export().function().name(), i, (a, c) -> -1);
    }
    // A bare function name also finds an interface export, when only one export has that name.
    bare.forEach(
        (name, i) -> {
          if (i >= 0) {
            idx.putIfAbsent(name, i);
          }
        });
    this.exports = Collections.unmodifiableMap(ex);
    this.index = Map.copyOf(idx);
  }

  /**
   * Interrupts {@code thread}, running (or about to run) a call of this component, so that the
   * call stops at its next function call or backward branch with an {@link
   * dev.weft.engine.EngineException} of kind {@code TIMEOUT}. Close the result once that call has
   * ended: until then all calls of this component run with the interruption check ({@link
   * InterruptGate}).
   */
  public InterruptGate.Interruption interrupt(Thread thread) {
    return interrupts.interrupt(thread);
  }

  /** Whether this component's compiled code checks for interruption now. */
  public boolean interruptionArmed() {
    return interrupts.armed();
  }

  /** The name the component was loaded under, for messages. */
  public String displayName() {
    return displayName;
  }

  /** The WIT types of the component's exports. */
  public TypeTable types() {
    return plan.types();
  }

  /**
   * The exported functions by key: {@code greet} for a function the world exports, {@code
   * ns:pkg/iface@ver#fn} for a function of an exported interface; in the component's order.
   */
  public Map<String, ExportedFunction> exports() {
    return exports;
  }

  /**
   * Exports Weft cannot call, by key, with the reason (a type with no canonical ABI here, such as a
   * future or a stream). They are not in {@link #exports()}; the component still loads.
   */
  public Map<String, String> unsupportedExports() {
    return unsupported;
  }

  /** The export with key {@code name}, or the only export whose function is named {@code name}. */
  public Optional<ExportedFunction> findExport(String name) {
    Integer i = index.get(name);
    return i == null ? Optional.empty() : Optional.of(exports.get(bound.get(i).export().key()));
  }

  /**
   * A new instance: the core modules instantiated in the component's order, each initialised
   * (active data segments copied, start function run: this is where wit-component's glue calls a
   * module's {@code _initialize}) before the next is made.
   *
   * @throws InstantiationException when a core module fails to instantiate (a trap in its start
   *     function, a memory limit)
   */
  public ComponentInstance instantiate() {
    return new ComponentInstance(this, null);
  }

  /**
   * A new instance seeded from {@code snapshot} (taken from an instance of this component): the
   * core modules are instantiated without data segments and start functions, and get the snapshot's
   * memories, mutable globals and tables instead, so guest initialisation does not run again.
   *
   * @throws InstantiationException when the snapshot does not fit the memory limit
   * @throws IllegalArgumentException when the snapshot comes from another component
   */
  public ComponentInstance instantiate(InstanceSnapshot snapshot) {
    return new ComponentInstance(this, java.util.Objects.requireNonNull(snapshot, "snapshot"));
  }

  ComponentPlan plan() {
    return plan;
  }

  /** Core module {@code i}, without its initialisers. */
  WasmModule module(int i) {
    return modules.get(i).module();
  }

  /** The initialisers (active data segments, start function) of core module {@code i}. */
  CoreInitialiser initialiser(int i) {
    return modules.get(i);
  }

  Function<Instance, Machine> machine(int i) {
    return machines.get(i);
  }

  MemoryLimits limits(int i) {
    return limits.get(i);
  }

  List<BoundExport> bound() {
    return bound;
  }

  List<BoundImport> imports() {
    return imports;
  }

  HostImports host() {
    return host;
  }

  WasiAdapter wasi() {
    return wasi;
  }

  /** The index of an export in {@link #bound()}, or -1. */
  int exportIndex(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /** The export each new instance calls once after instantiation ({@code _initialize}), if any. */
  Optional<CoreRef> initialize() {
    return initialize;
  }
}
