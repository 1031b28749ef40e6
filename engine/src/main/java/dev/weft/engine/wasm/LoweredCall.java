package dev.weft.engine.wasm;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.wit.abi.HandleTable;
import dev.weft.wit.binary.PlanOptions;
import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.WitValue;
import java.util.List;
import java.util.Optional;
import run.endive.runtime.Instance;
import run.endive.runtime.WasmFunctionHandle;

/**
 * A host import as the guest calls it ({@code canon lower}): lifts the guest's core arguments, runs
 * the host function, lowers its result into the guest. The memory and realloc are looked up on the
 * first call, because wit-component lowers imports before the module that defines the memory is
 * instantiated.
 */
final class LoweredCall implements WasmFunctionHandle {
  private final BoundImport bound;
  private final CoreLinker linker;
  private final HandleTable handles;
  private EndiveMemory memory;

  LoweredCall(BoundImport bound, CoreLinker linker, HandleTable handles) {
    this.bound = bound;
    this.linker = linker;
    this.handles = handles;
  }

  private EndiveMemory memory() {
    PlanOptions o = bound.lowered().options();
    if (memory == null && o.memory().isPresent()) {
      memory =
          new EndiveMemory(
              linker.memory(o.memory().get()), o.realloc().map(linker::function).orElse(null));
    }
    return memory;
  }

  @Override
  public long[] apply(Instance caller, long... args) {
    EndiveMemory m = memory();
    List<WitValue> params = bound.codec().liftParams(args, m, handles);
    Optional<WitValue> result = bound.host().call(params);
    try {
      return bound.codec().lowerResult(result, args, m, handles);
    } catch (ValueException | IllegalArgumentException e) {
      throw new EngineException(
          ErrorKind.HOST,
          "host function `" + bound.lowered().key() + "` returned a bad value: " + e.getMessage(),
          e);
    }
  }
}
