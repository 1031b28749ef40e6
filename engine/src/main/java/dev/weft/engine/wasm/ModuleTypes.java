package dev.weft.engine.wasm;

import run.endive.wasm.WasmModule;
import run.endive.wasm.types.Export;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.FunctionImport;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.Import;

/** Lookups in a parsed core module, for link-time checks. */
final class ModuleTypes {
  private ModuleTypes() {}

  /** The export named {@code name}, or null. */
  static Export export(WasmModule module, String name) {
    int n = module.exportSection().exportCount();
    for (int i = 0; i < n; i++) {
      Export e = module.exportSection().getExport(i);
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** The type of function {@code index} (imported functions first, as Wasm numbers them). */
  static FunctionType functionType(WasmModule module, int index) {
    int imported = 0;
    int n = module.importSection().importCount();
    for (int i = 0; i < n; i++) {
      Import imp = module.importSection().getImport(i);
      if (imp.importType() == ExternalType.FUNCTION) {
        if (imported == index) {
          return module.typeSection().getType(((FunctionImport) imp).typeIndex());
        }
        imported++;
      }
    }
    return module.typeSection().getType(module.functionSection().getFunctionType(index - imported));
  }
}
