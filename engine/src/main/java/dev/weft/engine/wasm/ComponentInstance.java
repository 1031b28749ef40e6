package dev.weft.engine.wasm;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.InstantiationException;
import dev.weft.engine.LinkException;
import dev.weft.engine.TrapException;
import dev.weft.wit.abi.AbiException;
import dev.weft.wit.abi.HandleTable;
import dev.weft.wit.binary.CoreInstanceDef;
import dev.weft.wit.binary.CoreRef;
import dev.weft.wit.binary.PlanOptions;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.WitValue;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import run.endive.runtime.ExportFunction;
import run.endive.runtime.Instance;
import run.endive.runtime.TableFactory;
import run.endive.runtime.TableInstance;
import run.endive.runtime.WasmInterruptedException;
import run.endive.wasi.WasiExitException;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.Table;
import run.endive.wasm.types.TableLimits;

/**
 * One instance of a component: its core instances, memories and handle table. Serves one call at a
 * time (not thread-safe); after a trap it refuses further calls, as the component model requires,
 * and should be dropped.
 */
public final class ComponentInstance implements AutoCloseable {
  /**
   * Each instance gets its own copy of a table's type: Endive's {@code TableInstance.grow} updates
   * the limits of the {@code Table} it was made from, which is the module's, shared by every
   * instance, so one instance's {@code table.grow} would make later instances' tables bigger.
   */
  private static final TableFactory OWN_TABLE =
      (t, init) ->
          new TableInstance(
              new Table(
                  t.elementType(),
                  new TableLimits(t.limits().min(), t.limits().max(), t.limits().shared()),
                  t.initialize()),
              init);

  private final LoadedComponent component;
  private final ExportFunction[] functions;
  private final ExportFunction[] postReturns;
  private final EndiveMemory[] memories;
  private final InstanceHost host;

  /** The core instances, by plan index; null for export bags and left-out adapters. */
  private final Instance[] cores;

  private final HandleTable handles;

  /** Whether the instance was seeded from a snapshot rather than initialised. */
  private final boolean seeded;

  /** Host functions (lowered imports, WASI) that initialisation called. */
  private final int initHostCalls;

  private boolean trapped;
  private boolean closed;

  /**
   * Replays the plan: core instances in the component's order, each initialised (data segments,
   * start function) before the next is made, or, with a {@code seed}, given the seed's memories and
   * globals instead; with a seed, tables are restored once every core instance exists.
   */
  ComponentInstance(LoadedComponent component, InstanceSnapshot seed) {
    if (seed != null && seed.component() != component) {
      throw new IllegalArgumentException("the snapshot belongs to another component");
    }
    this.component = component;
    this.seeded = seed != null;
    List<CoreInstanceDef> defs = component.plan().instances();
    Instance[] cores = new Instance[defs.size()];
    this.cores = cores;
    this.host = new InstanceHost(component);
    this.handles = host.handles;
    CoreLinker linker = new CoreLinker(component.plan(), cores, host);
    host.attach(linker);
    for (int i = 0; i < defs.size(); i++) {
      if (defs.get(i) instanceof CoreInstanceDef.Instantiate in && !component.wasi().replaces(i)) {
        cores[i] = instantiate(linker, in, i, seed);
        if (seed == null) {
          initialise(in, i);
        } else if (!seed.restoreCore(i, cores, true)) {
          throw new InstantiationException(
              "`" + component.displayName() + "`: the snapshot's memory exceeds the memory limit",
              null);
        }
      }
    }
    if (seed != null && !seed.restoreTables(cores)) {
      throw new InstantiationException(
          "`" + component.displayName() + "`: the snapshot's tables exceed their limits", null);
    }
    if (seed == null) {
      // A core module with its WIT world that is a WASI reactor: its `_initialize`, once (a seeded
      // instance has its effects from the snapshot).
      component.initialize().ifPresent(ref -> initialize(linker, ref));
    }
    this.initHostCalls = host.calls();
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

  /** Calls a core module's {@code _initialize} once, as the WASI reactor ABI asks. */
  private void initialize(CoreLinker linker, CoreRef ref) {
    try {
      linker.function(ref).apply();
    } catch (WasmEngineException | StackOverflowError e) {
      host.close();
      throw new InstantiationException(
          "`" + component.displayName() + "`: `_initialize` failed: " + e.getMessage(), e);
    } finally {
      host.callEnded();
    }
  }

  /**
   * Makes core instance {@code index}: globals, tables and element segments, without data segments
   * and start function ({@link CoreInitialiser}).
   */
  private Instance instantiate(
      CoreLinker linker, CoreInstanceDef.Instantiate def, int index, InstanceSnapshot seed) {
    try {
      WasmModule module = component.module(def.module());
      Instance.Builder b =
          Instance.builder(module)
              .withImportValues(linker.importsFor(def, module))
              .withMemoryFactory(seed == null ? FlatMemory::create : seededMemories(seed, index))
              .withTableFactory(OWN_TABLE)
              // Endive's start flag calls an export named `_start`: a command's main, which a
              // component runs through wasi:cli/run, never at instantiation.
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
      throw failed(index, "failed to instantiate: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw failed(index, "exhausted the call stack while starting", e);
    }
  }

  /**
   * Makes a seeded core instance's memories at the snapshot's size (or the declared one, if
   * larger; within the maximum, past which restoring reports the snapshot as too big): the
   * captured pages are then written once into memory allocated once, all zeros.
   */
  private static Function<MemoryLimits, run.endive.runtime.Memory> seededMemories(
      InstanceSnapshot seed, int index) {
    int[] next = {0};
    return l -> {
      int captured = seed.memoryPages(index, next[0]++);
      int pages = Math.min(Math.max(l.initialPages(), captured), l.maximumPages());
      return FlatMemory.create(new MemoryLimits(pages, l.maximumPages(), l.shared()));
    };
  }

  /** Copies core instance {@code index}'s data segments into memory and runs its start function. */
  private void initialise(CoreInstanceDef.Instantiate def, int index) {
    try {
      component.initialiser(def.module()).initialise(cores[index]);
    } catch (WasmEngineException | AssertionError e) {
      throw failed(index, "failed to initialise: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      throw failed(index, "exhausted the call stack while starting", e);
    }
  }

  private InstantiationException failed(int index, String what, Throwable cause) {
    return new InstantiationException(
        "`" + component.displayName() + "`: core instance " + index + " " + what, cause);
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
   * Captures this instance's state (memories, mutable globals, tables), to seed new instances with
   * ({@link LoadedComponent#instantiate(InstanceSnapshot)}) or to {@link #reset} to: take it right
   * after instantiation, so that initialisation need not run again.
   *
   * @throws IllegalStateException when the instance trapped, is closed, holds resource handles, or
   *     keeps host objects in tables or globals, which a copy could not carry
   */
  public InstanceSnapshot snapshot() {
    if (trapped || closed) {
      throw new IllegalStateException("cannot snapshot an instance that trapped or is closed");
    }
    if (handles.size() != 0) {
      throw new IllegalStateException(
          "cannot snapshot an instance that holds " + handles.size() + " resource handles");
    }
    return InstanceSnapshot.capture(component, cores);
  }

  /**
   * Whether a snapshot of this instance, taken now, may stand in for initialisation in new
   * instances: it was seeded, or its initialisation called no host function. What a host call
   * returned during initialisation (a random seed, the time, a KV value) is each instance's own,
   * and a copy would share it.
   */
  public boolean seedable() {
    return initHostCalls == 0;
  }

  /** Whether this instance was seeded from a snapshot instead of running initialisation. */
  public boolean seeded() {
    return seeded;
  }

  /**
   * Puts this instance back into the state of {@code snapshot} (taken from an instance of the same
   * component): memories, mutable globals and tables as they were; memory or table grown since is
   * zeroed or nulled (neither can shrink). For isolation between calls ({@code pool: {reset:
   * true}}).
   *
   * @throws IllegalStateException when the instance trapped or is closed, or holds handles
   * @throws IllegalArgumentException when the snapshot belongs to another component
   */
  public void reset(InstanceSnapshot snapshot) {
    if (trapped || closed) {
      throw new IllegalStateException("cannot reset an instance that trapped or is closed");
    }
    if (handles.size() != 0) {
      throw new IllegalStateException("cannot reset an instance that holds resource handles");
    }
    if (snapshot.component() != component) {
      throw new IllegalArgumentException("the snapshot belongs to another component");
    }
    for (int i = 0; i < cores.length; i++) {
      if (!snapshot.restoreCore(i, cores, false)) {
        throw new IllegalStateException("the snapshot's memory exceeds the memory limit");
      }
    }
    if (!snapshot.restoreTables(cores)) {
      throw new IllegalStateException("the snapshot's tables exceed their limits");
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
    } catch (WasiExitException e) {
      // A reactor has no process to end: exiting in the middle of a call is a trap.
      trapped = true;
      throw new TrapException(key, "the guest called WASI proc_exit(" + e.exitCode() + ")", e);
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
    } finally {
      host.callEnded();
    }
  }

  /** Releases the instance (and its WASI state); later calls fail. */
  @Override
  public void close() {
    closed = true;
    host.close();
  }
}
