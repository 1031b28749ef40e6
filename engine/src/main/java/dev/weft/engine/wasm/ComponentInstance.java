package dev.weft.engine.wasm;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.InstantiationException;
import dev.weft.engine.LinkException;
import dev.weft.engine.TrapException;
import dev.weft.wit.abi.AbiException;
import dev.weft.wit.abi.HandleTable;
import dev.weft.wit.binary.CoreInstanceDef;
import dev.weft.wit.binary.PlanOptions;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.WitValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import run.endive.runtime.ExportFunction;
import run.endive.runtime.Instance;
import run.endive.runtime.WasmInterruptedException;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.MemorySection;
import run.endive.wasm.types.MutabilityType;

/**
 * One instance of a component: its core instances, memories and handle table. Serves one call at a
 * time (not thread-safe); after a trap it refuses further calls, as the component model requires,
 * and should be dropped.
 */
public final class ComponentInstance implements AutoCloseable {
  private final LoadedComponent component;
  private final ExportFunction[] functions;
  private final ExportFunction[] postReturns;
  private final EndiveMemory[] memories;
  private final InstanceHost host;

  /** The core instances, by plan index; null for export bags and left-out adapters. */
  private final Instance[] cores;

  private final HandleTable handles;
  private boolean trapped;
  private boolean closed;

  ComponentInstance(LoadedComponent component) {
    this.component = component;
    List<CoreInstanceDef> defs = component.plan().instances();
    Instance[] cores = new Instance[defs.size()];
    this.cores = cores;
    this.host = new InstanceHost(component);
    this.handles = host.handles;
    CoreLinker linker = new CoreLinker(component.plan(), cores, host);
    host.attach(linker);
    for (int i = 0; i < defs.size(); i++) {
      if (defs.get(i) instanceof CoreInstanceDef.Instantiate in && !component.wasi().replaces(i)) {
        cores[i] = instantiate(linker, in, i);
      }
    }
    List<BoundExport> bound = component.bound();
    functions = new ExportFunction[bound.size()];
    postReturns = new ExportFunction[bound.size()];
    memories = new EndiveMemory[bound.size()];
    try {
      for (int i = 0; i < bound.size(); i++) {
        BoundExport b = bound.get(i);
        PlanOptions o = b.export().options();
        functions[i] = linker.function(b.export().coreFunction());
        postReturns[i] = o.postReturn().map(linker::function).orElse(null);
        if (o.memory().isPresent()) {
          memories[i] =
              new EndiveMemory(
                  linker.memory(o.memory().get()), o.realloc().map(linker::function).orElse(null));
        }
      }
    } catch (LinkException e) {
      throw new InstantiationException("`" + component.displayName() + "`: " + e.getMessage(), e);
    }
  }

  private Instance instantiate(CoreLinker linker, CoreInstanceDef.Instantiate def, int index) {
    try {
      Instance.Builder b =
          Instance.builder(component.module(def.module()))
              .withImportValues(linker.importsFor(def, component.module(def.module())))
              .withMemoryFactory(FlatMemory::create)
              .withStart(false);
      MemoryLimits limits = component.limits(def.module());
      if (limits != null) {
        b.withMemoryLimits(limits);
      }
      if (component.machine(def.module()) != null) {
        b.withMachineFactory(component.machine(def.module()));
      }
      return b.build();
    } catch (LinkException | WasmEngineException | AssertionError e) {
      throw new InstantiationException(
          "`"
              + component.displayName()
              + "`: core instance "
              + index
              + " failed to instantiate: "
              + e.getMessage(),
          e);
    } catch (StackOverflowError e) {
      throw new InstantiationException(
          "`"
              + component.displayName()
              + "`: core instance "
              + index
              + " exhausted the call stack while starting",
          e);
    }
  }

  /**
   * Drops a resource that the component defines and the host owns (a {@link WitValue.Handle} an
   * export returned as {@code own<r>}): runs the component's destructor for it.
   *
   * @param resource the resource type, as in the export's WIT type ({@code Own.resource()})
   * @throws IllegalArgumentException when the component does not define {@code resource}
   * @throws TrapException when the destructor traps
   */
  public void dropResource(TypeId resource, WitValue.Handle handle) {
    if (!host.isLocal(resource)) {
      throw new IllegalArgumentException(
          "`" + component.displayName() + "` does not define resource type " + resource.index());
    }
    try {
      host.destroy(resource, handle.index());
    } catch (WasmEngineException e) {
      trapped = true;
      throw new TrapException(
          "[resource-drop]" + component.types().type(resource).name().orElse("resource"),
          e.getMessage(),
          e);
    }
  }

  /**
   * Captures this instance's memories and mutable globals, to seed new instances with ({@link
   * LoadedComponent#instantiate(InstanceSnapshot)}): take it after running guest initialisation.
   *
   * @throws IllegalStateException when the instance trapped or holds resource handles, which a copy
   *     of memory could not carry
   */
  public InstanceSnapshot snapshot() {
    if (trapped || closed) {
      throw new IllegalStateException("cannot snapshot an instance that trapped or is closed");
    }
    if (handles.size() != 0) {
      throw new IllegalStateException(
          "cannot snapshot an instance that holds " + handles.size() + " resource handles");
    }
    int n = cores.length;
    byte[][] memories = new byte[n][];
    int[][] globals = new int[n][];
    long[][] low = new long[n][];
    long[][] high = new long[n][];
    for (int i = 0; i < n; i++) {
      Instance core = cores[i];
      if (core == null) {
        continue;
      }
      WasmModule m = core.module();
      int definedMemories = m.memorySection().map(MemorySection::memoryCount).orElse(0);
      if (definedMemories > 0) {
        run.endive.runtime.Memory mem = core.memory(m.importSection().count(ExternalType.MEMORY));
        memories[i] = mem.readBytes(0, mem.pages() * run.endive.runtime.Memory.PAGE_SIZE);
      }
      int imported = m.importSection().count(ExternalType.GLOBAL);
      List<Integer> mutable = new ArrayList<>();
      for (int g = 0; g < m.globalSection().globalCount(); g++) {
        if (m.globalSection().getGlobal(g).mutabilityType() == MutabilityType.Var) {
          mutable.add(imported + g);
        }
      }
      globals[i] = mutable.stream().mapToInt(Integer::intValue).toArray();
      low[i] = new long[globals[i].length];
      high[i] = new long[globals[i].length];
      for (int k = 0; k < globals[i].length; k++) {
        low[i][k] = core.global(globals[i][k]).getValueLow();
        high[i][k] = core.global(globals[i][k]).getValueHigh();
      }
    }
    return new InstanceSnapshot(component, memories, globals, low, high);
  }

  /**
   * Puts this instance back into the state of {@code snapshot} (taken from an instance of the same
   * component): memories and mutable globals as they were, memory grown since then zeroed. For
   * isolation between calls ({@code pool: {reset: true}}).
   *
   * @throws IllegalStateException when the instance trapped or is closed, or holds handles
   */
  public void reset(InstanceSnapshot snapshot) {
    if (trapped || closed) {
      throw new IllegalStateException("cannot reset an instance that trapped or is closed");
    }
    if (handles.size() != 0) {
      throw new IllegalStateException("cannot reset an instance that holds resource handles");
    }
    restore(snapshot);
    for (int i = 0; i < snapshot.cores(); i++) {
      byte[] bytes = snapshot.memory(i);
      Instance core = cores[i];
      if (bytes != null && core != null) {
        run.endive.runtime.Memory mem =
            core.memory(core.module().importSection().count(ExternalType.MEMORY));
        int size = mem.pages() * run.endive.runtime.Memory.PAGE_SIZE;
        if (size > bytes.length) {
          mem.fill((byte) 0, bytes.length, size); // Wasm memory cannot shrink: clear what grew
        }
      }
    }
  }

  /** Overwrites the fresh state of the core instances with {@code s}. */
  void restore(InstanceSnapshot s) {
    if (s.component() != component) {
      throw new IllegalArgumentException("the snapshot belongs to another component");
    }
    for (int i = 0; i < s.cores(); i++) {
      Instance core = cores[i];
      if (core == null) {
        continue;
      }
      byte[] bytes = s.memory(i);
      if (bytes != null) {
        WasmModule m = core.module();
        run.endive.runtime.Memory mem = core.memory(m.importSection().count(ExternalType.MEMORY));
        int pages = bytes.length / run.endive.runtime.Memory.PAGE_SIZE;
        if (mem.pages() < pages && mem.grow(pages - mem.pages()) < 0) {
          throw new InstantiationException(
              "`"
                  + component.displayName()
                  + "`: the snapshot's memory does not fit the memory limit",
              null);
        }
        mem.write(0, bytes, 0, bytes.length);
      }
      int[] gs = s.globals(i);
      for (int k = 0; k < gs.length; k++) {
        core.global(gs[k]).setValueLow(s.low(i, k));
        core.global(gs[k]).setValueHigh(s.high(i, k));
      }
    }
  }

  /**
   * Whether an earlier call left this instance unusable (a trap, a canonical ABI violation, an
   * interruption, a failed host function): pools should discard it.
   */
  public boolean trapped() {
    return trapped;
  }

  /** The component this is an instance of. */
  public LoadedComponent component() {
    return component;
  }

  /**
   * Calls the export {@code exportKey} (a key of {@link LoadedComponent#exports()}, or a bare
   * function name when unique) with {@code args}, which the caller has checked against its WIT
   * parameter types.
   *
   * @return the result, empty for a function without one
   * @throws TrapException when the guest traps or breaks the canonical ABI (the message names the
   *     function and what was wrong); the instance is unusable afterwards
   * @throws EngineException of kind {@link ErrorKind#TIMEOUT} when the thread was interrupted, and
   *     of kind {@link ErrorKind#TYPE} when an argument does not fit its type
   * @throws IllegalArgumentException for an unknown export or a wrong number of arguments
   */
  public Optional<WitValue> call(String exportKey, List<WitValue> args) {
    if (closed) {
      throw new IllegalStateException("the instance is closed");
    }
    int i = component.exportIndex(exportKey);
    if (i < 0 && component.unsupportedExports().containsKey(exportKey)) {
      throw new IllegalArgumentException(
          "`"
              + component.displayName()
              + "` export `"
              + exportKey
              + "` is not supported: "
              + component.unsupportedExports().get(exportKey));
    }
    if (i < 0) {
      throw new IllegalArgumentException(
          "`"
              + component.displayName()
              + "` has no export `"
              + exportKey
              + "` (exports: "
              + String.join(", ", component.exports().keySet())
              + ")");
    }
    BoundExport b = component.bound().get(i);
    String key = b.export().key();
    if (trapped) {
      throw new TrapException(
          key, "the instance trapped in an earlier call and cannot be entered again", null);
    }
    int arity = b.export().function().params().size();
    if (args.size() != arity) {
      throw new IllegalArgumentException(
          "`" + key + "` takes " + arity + " arguments, got " + args.size());
    }
    EndiveMemory memory = memories[i];
    try {
      int borrows = handles.borrows();
      long[] flat = b.codec().lowerParams(args, memory, handles);
      long[] results = functions[i].apply(flat);
      if (handles.borrows() != borrows) {
        // CanonicalABI.md, canon lift: a borrowed handle must be dropped before the call returns.
        throw new AbiException(
            (handles.borrows() - borrows) + " borrowed handle(s) not dropped before returning");
      }
      Optional<WitValue> out = b.codec().liftResult(results, memory, handles);
      if (postReturns[i] != null) {
        postReturns[i].apply(results);
      }
      return out;
    } catch (ValueException e) {
      throw new EngineException(ErrorKind.TYPE, "`" + key + "`: " + e.getMessage(), e);
    } catch (AbiException e) {
      trapped = true;
      throw new TrapException(key, e.getMessage(), e);
    } catch (WasmInterruptedException e) {
      trapped = true;
      Thread.currentThread().interrupt();
      throw new EngineException(ErrorKind.TIMEOUT, "`" + key + "` was interrupted", e);
    } catch (WasmEngineException e) {
      trapped = true;
      throw new TrapException(key, e.getMessage(), e);
    } catch (StackOverflowError e) {
      trapped = true;
      throw new TrapException(key, "call stack exhausted", e);
    } catch (EngineException e) {
      // A host import failed in the middle of the guest's call: the guest cannot be resumed.
      trapped = true;
      throw e;
    } catch (RuntimeException e) {
      // Anything else came out of host code called by the guest.
      trapped = true;
      throw new EngineException(ErrorKind.HOST, "`" + key + "`: a host function failed: " + e, e);
    }
  }

  /** Releases the instance (and its WASI state); later calls fail. */
  @Override
  public void close() {
    closed = true;
    host.close();
  }
}
