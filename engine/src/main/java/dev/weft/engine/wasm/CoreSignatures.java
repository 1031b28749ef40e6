package dev.weft.engine.wasm;

import dev.weft.engine.LinkException;
import dev.weft.wit.abi.CoreSignature;
import dev.weft.wit.abi.CoreType;
import dev.weft.wit.binary.ComponentPlan;
import dev.weft.wit.binary.CoreInstanceDef;
import dev.weft.wit.binary.CoreRef;
import dev.weft.wit.binary.LiftedExport;
import java.util.List;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.Export;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.ValType;

/** Checks at load time that each lifted core function has the type its WIT type flattens to. */
final class CoreSignatures {
  private CoreSignatures() {}

  static void check(
      ComponentPlan plan,
      List<WasmModule> modules,
      LiftedExport e,
      CoreSignature want,
      String name) {
    FunctionType have = coreFunctionType(plan, modules, e.coreFunction());
    if (have == null) {
      throw new LinkException(
          "`" + name + "` export `" + e.key() + "` does not lift a core module function");
    }
    if (!matches(want.params(), have.params()) || !matches(want.results(), have.returns())) {
      throw new LinkException(
          "`"
              + name
              + "` export `"
              + e.key()
              + "`: core function has type "
              + have
              + " but its WIT type flattens to "
              + want.params()
              + " -> "
              + want.results());
    }
  }

  private static boolean matches(List<CoreType> want, List<ValType> have) {
    if (want.size() != have.size()) {
      return false;
    }
    for (int i = 0; i < want.size(); i++) {
      ValType v =
          switch (want.get(i)) {
            case I32 -> ValType.I32;
            case I64 -> ValType.I64;
            case F32 -> ValType.F32;
            case F64 -> ValType.F64;
          };
      if (!v.equals(have.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The type of the core function {@code ref} names, following export bags; null if not a module's.
   */
  private static FunctionType coreFunctionType(
      ComponentPlan plan, List<WasmModule> modules, CoreRef ref) {
    CoreRef r = ref;
    for (int hops = 0; hops <= plan.instances().size() && r instanceof CoreRef.Export e; hops++) {
      CoreInstanceDef def = plan.instances().get(e.instance());
      if (def instanceof CoreInstanceDef.Bag bag) {
        r = bag.items().get(e.name());
        continue;
      }
      WasmModule m = modules.get(((CoreInstanceDef.Instantiate) def).module());
      Export ex = ModuleTypes.export(m, e.name());
      if (ex == null || ex.exportType() != ExternalType.FUNCTION) {
        return null;
      }
      return ModuleTypes.functionType(m, ex.index());
    }
    return null;
  }
}
