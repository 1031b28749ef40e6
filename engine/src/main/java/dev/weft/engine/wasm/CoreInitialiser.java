package dev.weft.engine.wasm;

import java.util.ArrayList;
import java.util.List;
import run.endive.runtime.ConstantEvaluators;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.TrapException;
import run.endive.wasm.UninstantiableException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.CustomSection;
import run.endive.wasm.types.DataSection;
import run.endive.wasm.types.DataSegment;
import run.endive.wasm.types.PassiveDataSegment;

/**
 * A core module split in two: the module Endive instantiates (types, functions, tables, globals,
 * element segments, passive data), and its initialisers (the active data segments and the start
 * function), which Weft runs itself on a fresh instance and skips on one seeded from a snapshot.
 *
 * <p>Endive's {@code Instance.Builder} always copies active data segments and runs the start
 * function; the module it gets here has neither, so both kinds of instance share one module and one
 * compiled machine. An active segment becomes an empty passive one (its index stays the same for
 * {@code memory.init} and {@code data.drop}), which is what the core spec makes of it after
 * instantiation anyway ("Modules", instantiation steps 14 and 15: active segments are dropped).
 *
 * <p>The start function is the component model's initialisation too: wit-component turns a module's
 * {@code _initialize} export (WASI reactors, BuildTargets.md) into a small core module whose start
 * function calls it, instantiated after every other core instance.
 */
final class CoreInitialiser {
  private final WasmModule module;
  private final List<ActiveDataSegment> data;
  private final int start;

  private CoreInitialiser(WasmModule module, List<ActiveDataSegment> data, int start) {
    this.module = module;
    this.data = List.copyOf(data);
    this.start = start;
  }

  /** Splits {@code parsed} (a module Endive parsed and validated). */
  static CoreInitialiser split(WasmModule parsed) {
    List<ActiveDataSegment> active = new ArrayList<>();
    DataSection.Builder kept = DataSection.builder();
    for (DataSegment s : parsed.dataSection().dataSegments()) {
      if (s instanceof ActiveDataSegment a) {
        active.add(a);
        kept.addDataSegment(PassiveDataSegment.EMPTY);
      } else {
        kept.addDataSegment(s);
      }
    }
    int start = parsed.startSection().map(s -> (int) s.startIndex()).orElse(-1);
    if (active.isEmpty() && start < 0) {
      return new CoreInitialiser(parsed, active, start);
    }
    WasmModule.Builder b =
        WasmModule.builder()
            .setTypeSection(parsed.typeSection())
            .setImportSection(parsed.importSection())
            .setFunctionSection(parsed.functionSection())
            .setTableSection(parsed.tableSection())
            .setMemorySection(parsed.memorySection().orElse(null))
            .setGlobalSection(parsed.globalSection())
            .setExportSection(parsed.exportSection())
            .setElementSection(parsed.elementSection())
            .setCodeSection(parsed.codeSection())
            .setDataSection(kept.build())
            .setDataCountSection(parsed.dataCountSection().orElse(null))
            .setTagSection(parsed.tagSection().orElse(null))
            // Same functions, same compiled code: the compile cache keeps its key.
            .withDigest(parsed.digest())
            .withValidation(false); // the parser validated the module these sections come from
    for (CustomSection c : parsed.customSections()) {
      b.addCustomSection(c.name(), c);
    }
    parsed.ignoredSections().forEach(b::addIgnoredSection);
    return new CoreInitialiser(b.build(), active, start);
  }

  /** The module to instantiate: without active data segments and start function. */
  WasmModule module() {
    return module;
  }

  /** Whether a fresh instance has anything to run or copy. */
  boolean initialises() {
    return !data.isEmpty() || start >= 0;
  }

  /**
   * Does what instantiation leaves out: copies the active data segments into memory, in order, then
   * runs the start function.
   *
   * @throws UninstantiableException when a segment does not fit its memory, or the start function
   *     traps
   * @throws run.endive.wasm.WasmEngineException as any call into the guest
   */
  void initialise(Instance core) {
    for (ActiveDataSegment s : data) {
      Memory memory = core.memory((int) s.index());
      long offset =
          Integer.toUnsignedLong(
              (int) ConstantEvaluators.computeConstantValue(core, s.offsetInstructions())[0]);
      byte[] bytes = s.data();
      if (offset + bytes.length > (long) memory.pages() * Memory.PAGE_SIZE) {
        throw new UninstantiableException(
            "out of bounds memory access: a data segment of "
                + bytes.length
                + " bytes at "
                + offset
                + " does not fit a memory of "
                + memory.pages()
                + " pages");
      }
      memory.write((int) offset, bytes, 0, bytes.length);
    }
    if (start >= 0) {
      try {
        core.getMachine().call(start, new long[0]);
      } catch (TrapException e) {
        throw new UninstantiableException(e.getMessage(), e);
      }
    }
  }
}
