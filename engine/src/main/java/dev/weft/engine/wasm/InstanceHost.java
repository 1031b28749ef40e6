package dev.weft.engine.wasm;

import dev.weft.engine.LinkException;
import dev.weft.wit.abi.CoreSignature;
import dev.weft.wit.abi.CoreType;
import dev.weft.wit.abi.HandleTable;
import dev.weft.wit.binary.CoreRef;
import dev.weft.wit.binary.LocalResource;
import dev.weft.wit.model.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import run.endive.runtime.ImportFunction;
import run.endive.runtime.WasmFunctionHandle;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.ValType;

/**
 * The host side of one component instance: the core functions that are not module exports (lowered
 * imports, {@code resource.*} built-ins, stubs for what the replaced WASI adapter leaves out), the
 * instance's handle table, and its WASI preview 1. Belongs to one instance.
 */
final class InstanceHost implements CoreLinker.HostSide {
  private final LoadedComponent component;
  final HandleTable handles = new HandleTable();

  /** The instance's WASI preview 1 in place of the component's adapter, or null. */
  private final WasiHost wasi;

  private CoreLinker linker;

  /** Calls of lowered imports and WASI functions so far. */
  private int calls;

  InstanceHost(LoadedComponent component) {
    this.component = component;
    this.wasi =
        component
            .host()
            .wasiPreview1()
            .filter(o -> component.wasi().instance() >= 0)
            .map(Supplier::get)
            .orElse(null);
  }

  /** Connects the linker that resolves memories and destructors at call time. */
  void attach(CoreLinker linker) {
    this.linker = linker;
  }

  @Override
  public WasmFunctionHandle function(CoreRef ref, FunctionType importerType) {
    return hostSide(ref, importerType);
  }

  @Override
  public boolean leftOut(int index) {
    return component.wasi().replaces(index);
  }

  @Override
  public ImportFunction wasi(String name) {
    ImportFunction f = wasi == null ? null : wasi.functions().get(name);
    // Counted: an initialisation that called WASI (a clock, random bytes) is not copied to others.
    return f == null
        ? null
        : new ImportFunction(f.module(), f.name(), f.functionType(), counted(f.handle()));
  }

  /** After each call into the instance. */
  void callEnded() {
    if (wasi != null) {
      wasi.callEnded();
    }
  }

  /** How many times the guest called the host (lowered imports, WASI) so far. */
  int calls() {
    return calls;
  }

  private WasmFunctionHandle counted(WasmFunctionHandle h) {
    return (caller, args) -> {
      calls++;
      return h.apply(caller, args);
    };
  }

  void close() {
    if (wasi != null) {
      wasi.close();
    }
  }

  private static WasmFunctionHandle leftOutStub(String what) {
    return (caller, args) -> {
      throw new run.endive.runtime.TrapException(
          what + " is left out with the WASI adapter and cannot be called");
    };
  }

  /** The core function behind a lowered import or a resource built-in. */
  private WasmFunctionHandle hostSide(CoreRef ref, FunctionType importerType) {
    if (ref instanceof CoreRef.Export e) {
      return leftOutStub("export `" + e.name() + "` of the WASI adapter");
    }
    if (ref instanceof CoreRef.Lowered l) {
      BoundImport b = component.imports().get(l.index());
      if (b == null) {
        return leftOutStub("import `" + component.plan().imports().get(l.index()).key() + "`");
      }
      if (!sameSignature(b.codec().lowerSignature(), importerType)) {
        throw new LinkException(
            "import `"
                + b.lowered().key()
                + "` is lowered to "
                + b.codec().lowerSignature()
                + " but the core module imports it as "
                + importerType);
      }
      return counted(new LoweredCall(b, linker, handles));
    }
    CoreRef.ResourceBuiltin rb = (CoreRef.ResourceBuiltin) ref;
    TypeId id = rb.resource();
    return switch (rb.kind()) {
        // CanonicalABI.md, canon resource.new: a new owned handle for the guest's representation.
      case NEW -> (caller, args) -> new long[] {handles.add(id, (int) args[0], true)};
      case REP ->
          (caller, args) -> new long[] {handles.borrow(args[0] & 0xFFFF_FFFFL, id) & 0xFFFF_FFFFL};
      case DROP -> {
        String name = component.types().type(id).name().orElse("");
        IntConsumer onDrop = component.host().drop(name).orElse(rep -> {});
        yield (caller, args) -> {
          HandleTable.Dropped d = handles.drop(args[0] & 0xFFFF_FFFFL, id);
          if (d.own()) {
            if (isLocal(id)) {
              destroy(id, d.rep());
            } else {
              onDrop.accept(d.rep());
            }
          }
          return new long[0];
        };
      }
    };
  }

  boolean isLocal(TypeId id) {
    return component.plan().resources().stream().anyMatch(r -> r.id().equals(id));
  }

  /** Runs the destructor of a resource the component defines, if it has one. */
  void destroy(TypeId id, int rep) {
    for (LocalResource r : component.plan().resources()) {
      if (r.id().equals(id) && r.destructor().isPresent()) {
        linker.function(r.destructor().get()).apply(rep);
      }
    }
  }

  private static boolean sameSignature(CoreSignature sig, FunctionType type) {
    return sig.params().equals(coreTypes(type.params()))
        && sig.results().equals(coreTypes(type.returns()));
  }

  private static List<CoreType> coreTypes(List<ValType> types) {
    List<CoreType> out = new ArrayList<>();
    for (ValType t : types) {
      if (t.equals(ValType.I32)) {
        out.add(CoreType.I32);
      } else if (t.equals(ValType.I64)) {
        out.add(CoreType.I64);
      } else if (t.equals(ValType.F32)) {
        out.add(CoreType.F32);
      } else if (t.equals(ValType.F64)) {
        out.add(CoreType.F64);
      } else {
        return List.of();
      }
    }
    return out;
  }
}
