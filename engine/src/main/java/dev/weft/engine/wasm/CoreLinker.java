package dev.weft.engine.wasm;

import dev.weft.engine.LinkException;
import dev.weft.wit.binary.ComponentPlan;
import dev.weft.wit.binary.CoreInstanceDef;
import dev.weft.wit.binary.CoreRef;
import java.util.ArrayList;
import java.util.List;
import run.endive.runtime.ExportFunction;
import run.endive.runtime.HostFunction;
import run.endive.runtime.ImportFunction;
import run.endive.runtime.ImportGlobal;
import run.endive.runtime.ImportMemory;
import run.endive.runtime.ImportTable;
import run.endive.runtime.ImportValues;
import run.endive.runtime.Instance;
import run.endive.runtime.WasmFunctionHandle;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.Export;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.FunctionImport;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.Import;

/**
 * Resolves the plan's core references against the core instances made so far: the imports of the
 * next module to instantiate, and the functions and memories that exports use. One per component
 * instance, used while it is built.
 */
final class CoreLinker {
  /** Makes the core functions that are not module exports: lowered imports and built-ins. */
  interface HostSide {
    /**
     * The implementation of {@code ref}: a {@link CoreRef.Lowered}, a {@link
     * CoreRef.ResourceBuiltin}, or an export of a core instance left out (the replaced WASI
     * adapter).
     */
    WasmFunctionHandle function(CoreRef ref, FunctionType importerType);

    /** Whether core instance {@code index} is left out (not instantiated). */
    boolean leftOut(int index);

    /** The runtime's WASI preview 1 function {@code name}, or null when WASI is not replaced. */
    ImportFunction wasi(String name);
  }

  private final ComponentPlan plan;
  private final Instance[] cores;
  private final HostSide host;

  CoreLinker(ComponentPlan plan, Instance[] cores, HostSide host) {
    this.plan = plan;
    this.cores = cores;
    this.host = host;
  }

  /** The import values for instantiating {@code module} as {@code def}. */
  ImportValues importsFor(CoreInstanceDef.Instantiate def, WasmModule module) {
    List<ImportFunction> functions = new ArrayList<>();
    List<ImportMemory> memories = new ArrayList<>();
    List<ImportTable> tables = new ArrayList<>();
    List<ImportGlobal> globals = new ArrayList<>();
    int n = module.importSection().importCount();
    for (int i = 0; i < n; i++) {
      Import imp = module.importSection().getImport(i);
      Integer from = def.args().get(imp.module());
      if (from == null) {
        throw new LinkException(
            "core module imports `" + imp.module() + "`, which the component does not supply");
      }
      CoreRef ref = new CoreRef.Export(from, imp.name());
      switch (imp.importType()) {
        case FUNCTION -> {
          FunctionType type = module.typeSection().getType(((FunctionImport) imp).typeIndex());
          ImportFunction wasi =
              imp.module().equals(WasiAdapter.MODULE) ? host.wasi(imp.name()) : null;
          if (wasi != null) {
            // The runtime's WASI preview 1 in place of wit-component's adapter.
            if (!wasi.functionType().typesMatch(type)) {
              throw new LinkException(
                  "core module imports WASI preview 1 `"
                      + imp.name()
                      + "` as "
                      + type
                      + ", but it is "
                      + wasi.functionType());
            }
            functions.add(new HostFunction(imp.module(), imp.name(), type, wasi.handle()));
            continue;
          }
          if (imp.module().equals(WasiAdapter.MODULE)
              && plan.instances().get(from) instanceof CoreInstanceDef.Bag bag
              && bag.items().isEmpty()) {
            throw new LinkException(
                "core module imports `"
                    + imp.name()
                    + "` of WASI preview 1, which "
                    + (host.leftOut(from) ? "the host's WASI preview 1 does not have" : "is not granted"));
          }
          CoreRef end = terminal(ref);
          if (end instanceof CoreRef.Export e && !host.leftOut(e.instance())) {
            ExportFunction target = function(end);
            functions.add(
                new HostFunction(
                    imp.module(), imp.name(), type, (caller, args) -> target.apply(args)));
          } else {
            functions.add(
                new HostFunction(imp.module(), imp.name(), type, host.function(end, type)));
          }
        }
        case MEMORY -> memories.add(new ImportMemory(imp.module(), imp.name(), memory(ref)));
        case TABLE -> {
          Located l = locate(ref, ExternalType.TABLE);
          tables.add(new ImportTable(imp.module(), imp.name(), l.instance.table(l.export.index())));
        }
        case GLOBAL -> {
          Located l = locate(ref, ExternalType.GLOBAL);
          globals.add(
              new ImportGlobal(imp.module(), imp.name(), l.instance.global(l.export.index())));
        }
        case TAG ->
            throw new LinkException("core modules importing exception tags are not supported");
      }
    }
    return ImportValues.builder()
        .withFunctions(functions)
        .withMemories(memories)
        .withTables(tables)
        .withGlobals(globals)
        .build();
  }

  /** A core function: an export of an instantiated module. */
  ExportFunction function(CoreRef ref) {
    Located l = locate(ref, ExternalType.FUNCTION);
    return l.instance.export(l.export.name());
  }

  /** A core memory: an export of an instantiated module. */
  run.endive.runtime.Memory memory(CoreRef ref) {
    Located l = locate(ref, ExternalType.MEMORY);
    return l.instance.memory(l.export.index());
  }

  private record Located(Instance instance, Export export) {}

  /** Follows export bags to a module's export, a lowered import or a built-in. */
  private CoreRef terminal(CoreRef ref) {
    CoreRef r = ref;
    for (int hops = 0; hops <= plan.instances().size(); hops++) {
      if (!(r instanceof CoreRef.Export e)
          || !(plan.instances().get(e.instance()) instanceof CoreInstanceDef.Bag bag)) {
        return r;
      }
      r = bag.items().get(e.name());
      if (r == null) {
        throw new LinkException(
            "core instance " + e.instance() + " has no export `" + e.name() + "`");
      }
    }
    throw new LinkException("core export bags refer to each other in a cycle");
  }

  private Located locate(CoreRef ref, ExternalType kind) {
    CoreRef r = terminal(ref);
    if (r instanceof CoreRef.Export e) {
      Instance inst = cores[e.instance()];
      if (inst == null) {
        throw new LinkException(
            "core instance " + e.instance() + " is used before it is instantiated");
      }
      Export ex = ModuleTypes.export(inst.module(), e.name());
      if (ex == null || ex.exportType() != kind) {
        throw new LinkException(
            "core instance " + e.instance() + " has no " + kind + " export `" + e.name() + "`");
      }
      return new Located(inst, ex);
    }
    throw new LinkException(
        "core " + kind + " " + ref + " is a host import or built-in, not a module's " + kind);
  }
}
