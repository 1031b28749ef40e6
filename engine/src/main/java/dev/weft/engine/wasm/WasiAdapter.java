package dev.weft.engine.wasm;

import dev.weft.wit.binary.ComponentPlan;
import dev.weft.wit.binary.CoreInstanceDef;
import dev.weft.wit.binary.LoweredImport;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a component carries wit-component's WASI preview 1 adapter, and what replacing it with the
 * runtime's own WASI preview 1 leaves out: the adapter's core instance and the {@code wasi:*}
 * imports that only it calls.
 *
 * @param instance the adapter's core instance, or -1 when there is none (or it is not replaced)
 * @param skippedImports indices of lowered imports nobody calls once the adapter is gone
 */
record WasiAdapter(int instance, Set<Integer> skippedImports) {
  /** The module name programs import WASI preview 1 from. */
  static final String MODULE = "wasi_snapshot_preview1";

  /** The instantiation argument through which wit-component hands the main module to adapters. */
  static final String MAIN_MODULE_ARG = "__main_module__";

  /** Nothing replaced. */
  static final WasiAdapter NONE = new WasiAdapter(-1, Set.of());

  WasiAdapter {
    skippedImports = Set.copyOf(skippedImports);
  }

  /** Whether {@code plan} carries wit-component's WASI preview 1 adapter. */
  static boolean carried(ComponentPlan plan) {
    return plan.instances().stream()
        .anyMatch(d -> d instanceof CoreInstanceDef.Instantiate in && in.args().containsKey(MAIN_MODULE_ARG));
  }

  /** The adapter of {@code plan}, replaced when the host grants WASI preview 1. */
  static WasiAdapter find(ComponentPlan plan, HostImports host) {
    if (host.wasiPreview1().isEmpty()) {
      return NONE;
    }
    for (int i = 0; i < plan.instances().size(); i++) {
      if (plan.instances().get(i) instanceof CoreInstanceDef.Instantiate in
          && in.args().containsKey(MAIN_MODULE_ARG)) {
        Set<Integer> skipped = new HashSet<>();
        for (int k = 0; k < plan.imports().size(); k++) {
          LoweredImport imp = plan.imports().get(k);
          if (imp.instance().startsWith("wasi:") && host.function(imp.key()).isEmpty()) {
            skipped.add(k);
          }
        }
        return new WasiAdapter(i, skipped);
      }
    }
    return NONE;
  }

  boolean replaces(int coreInstance) {
    return coreInstance == instance;
  }
}
