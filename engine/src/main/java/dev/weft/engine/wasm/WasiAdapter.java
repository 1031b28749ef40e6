package dev.weft.engine.wasm;

import dev.weft.wit.binary.ComponentPlan;
import dev.weft.wit.binary.CoreInstanceDef;
import dev.weft.wit.binary.LoweredImport;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a component carries wit-component's WASI preview 1 adapter, and what replacing it with the
 * runtime's own WASI preview 1 leaves out: the adapter's core instance and the {@code wasi:*}
 * imports that only it calls. A core module that imports {@code wasi_snapshot_preview1} itself
 * has an empty core instance in the adapter's place.
 *
 * @param instance the adapter's core instance (or the empty one of a core module), or -1 when
 *     there is none (or WASI is not granted)
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

  /**
   * The empty core instance a core module's {@code wasi_snapshot_preview1} imports come from
   * ({@link CoreModulePlans}: the host's WASI preview 1 supplies them), or -1.
   */
  static int direct(ComponentPlan plan) {
    for (CoreInstanceDef d : plan.instances()) {
      if (d instanceof CoreInstanceDef.Instantiate in && in.args().containsKey(MODULE)) {
        int i = in.args().get(MODULE);
        if (plan.instances().get(i) instanceof CoreInstanceDef.Bag bag && bag.items().isEmpty()) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Whether {@code plan} is a WASI preview 1 program: through the adapter, or directly. */
  static boolean uses(ComponentPlan plan) {
    return carried(plan) || direct(plan) >= 0;
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
    int direct = direct(plan);
    return direct >= 0 ? new WasiAdapter(direct, Set.of()) : NONE;
  }

  boolean replaces(int coreInstance) {
    return coreInstance == instance;
  }
}
