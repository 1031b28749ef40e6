package dev.weft.wit.abi;

import dev.weft.wit.model.Function;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.value.WitValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical ABI of one function, bound once: lowers arguments and lifts the result of a call
 * into a guest export ({@code canon lift}), and the reverse for a host function a guest imports
 * ({@code canon lower}). Parameters beyond {@link #MAX_FLAT_PARAMS} flat values travel through
 * memory, and so do results beyond {@link #MAX_FLAT_RESULTS}.
 *
 * <p>Immutable and thread-safe; each call gets the memory (and handle table) of the instance it
 * runs on. Errors: an {@link AbiException} when the guest broke the ABI (the engine turns it into a
 * trap), a {@link dev.weft.wit.value.ValueException} when a host value does not fit the type.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md#flattening">Flattening</a>
 */
public final class FunctionCodec {
  /** The spec's {@code MAX_FLAT_PARAMS}. */
  public static final int MAX_FLAT_PARAMS = 16;

  /** The spec's {@code MAX_FLAT_RESULTS}. */
  public static final int MAX_FLAT_RESULTS = 1;

  private static final long MASK32 = 0xFFFF_FFFFL;

  private final Function function;
  private final StringEncoding encoding;
  private final RecordCodec params;
  private final Codec result;
  private final boolean paramsSpill;
  private final boolean resultSpills;

  private FunctionCodec(
      Function function, TypeTable types, CanonOptions options, Set<TypeId> local) {
    this.function = function;
    this.encoding = options.stringEncoding();
    Codec[] ps = new Codec[function.params().size()];
    for (int i = 0; i < ps.length; i++) {
      ps[i] = Codecs.build(function.params().get(i).type(), types, local);
    }
    this.params = RecordCodec.tuple(ps, "parameters of `" + function.name() + "`");
    this.result = function.result().map(t -> Codecs.build(t, types, local)).orElse(null);
    this.paramsSpill = params.flat.length > MAX_FLAT_PARAMS;
    this.resultSpills = result != null && result.flat.length > MAX_FLAT_RESULTS;
  }

  /**
   * Binds the codecs of {@code function}, whose types point into {@code types}.
   *
   * @throws IllegalArgumentException when a type has no canonical ABI here (resources, futures,
   *     streams), or the function needs a memory or realloc that the options lack
   */
  public static FunctionCodec bind(Function function, TypeTable types, CanonOptions options) {
    return bind(function, types, options, Set.of());
  }

  /**
   * Binds the codecs of {@code function} of a component that defines the resources {@code
   * localResources} itself (a borrow of one crosses into the component as its representation).
   *
   * @throws IllegalArgumentException as {@link #bind(Function, TypeTable, CanonOptions)}
   */
  public static FunctionCodec bind(
      Function function, TypeTable types, CanonOptions options, Set<TypeId> localResources) {
    FunctionCodec c = new FunctionCodec(function, types, options, localResources);
    boolean pointers =
        c.paramsSpill
            || c.resultSpills
            || c.params.usesMemory()
            || (c.result != null && c.result.usesMemory());
    if (pointers && !options.hasMemory()) {
      throw new IllegalArgumentException(
          "`" + function.name() + "` needs the `memory` canonical option");
    }
    return c;
  }

  /** The function this codec was bound for. */
  public Function function() {
    return function;
  }

  /** The core signature of the guest function that {@code canon lift} wraps. */
  public CoreSignature liftSignature() {
    List<CoreType> ps = paramsSpill ? List.of(CoreType.I32) : Arrays.asList(params.flat);
    List<CoreType> rs =
        result == null
            ? List.of()
            : resultSpills ? List.of(CoreType.I32) : Arrays.asList(result.flat);
    return new CoreSignature(ps, rs);
  }

  /** The core signature of the function that {@code canon lower} gives the guest. */
  public CoreSignature lowerSignature() {
    List<CoreType> ps =
        new ArrayList<>(paramsSpill ? List.of(CoreType.I32) : Arrays.asList(params.flat));
    List<CoreType> rs = List.of();
    if (result != null) {
      if (resultSpills) {
        ps.add(CoreType.I32);
      } else {
        rs = Arrays.asList(result.flat);
      }
    }
    return new CoreSignature(ps, rs);
  }

  private void checkArity(int n) {
    if (n != function.params().size()) {
      throw new IllegalArgumentException(
          "`" + function.name() + "` takes " + function.params().size() + " arguments, got " + n);
    }
  }

  /** Lowers the arguments of a call into a guest export, without resource handles. */
  public long[] lowerParams(List<WitValue> args, Memory memory) {
    return lowerParams(args, memory, null);
  }

  /**
   * Lowers the arguments of a call into a guest export (the spec's {@code lower_flat_values} with
   * {@code MAX_FLAT_PARAMS}): strings, lists and spilled parameters are allocated with the guest's
   * realloc.
   *
   * @return the flat core arguments
   */
  public long[] lowerParams(List<WitValue> args, Memory memory, HandleTable handles) {
    checkArity(args.size());
    AbiContext cx = new AbiContext(memory, encoding, handles);
    if (paramsSpill) {
      long ptr = cx.allocate(params.align, params.size, "parameter area");
      params.storeAll(cx, args, ptr);
      return new long[] {ptr};
    }
    long[] out = new long[params.flat.length];
    params.lowerAll(cx, args, out);
    return out;
  }

  /** Lifts the result of a guest export, without resource handles. */
  public Optional<WitValue> liftResult(long[] flat, Memory memory) {
    return liftResult(flat, memory, null);
  }

  /**
   * Lifts the result of a guest export from its flat core results (the spec's {@code
   * lift_flat_values} with {@code MAX_FLAT_RESULTS}); a spilled result is read through the returned
   * pointer, checked for alignment and bounds.
   *
   * @throws AbiException when the guest returned something that breaks the ABI
   */
  public Optional<WitValue> liftResult(long[] flat, Memory memory, HandleTable handles) {
    if (result == null) {
      return Optional.empty();
    }
    int expected = resultSpills ? 1 : result.flat.length;
    if (flat == null || flat.length != expected) {
      throw new AbiException(
          "`"
              + function.name()
              + "` returned "
              + (flat == null ? 0 : flat.length)
              + " core values, expected "
              + expected);
    }
    AbiContext cx = new AbiContext(memory, encoding, handles);
    if (resultSpills) {
      long ptr = flat[0] & MASK32;
      AbiContext.checkAlign(ptr, result.align, "result");
      cx.checkRange(ptr, result.size, "result");
      return Optional.of(result.load(cx, ptr));
    }
    return Optional.of(result.liftFlat(cx, flat, 0));
  }

  /**
   * Lifts the arguments a guest passed to a host import (the spec's {@code lift_flat_values} with
   * {@code MAX_FLAT_PARAMS}).
   *
   * @throws AbiException when the guest's arguments break the ABI
   */
  public List<WitValue> liftParams(long[] flat, Memory memory, HandleTable handles) {
    AbiContext cx = new AbiContext(memory, encoding, handles);
    if (paramsSpill) {
      long ptr = flat[0] & MASK32;
      AbiContext.checkAlign(ptr, params.align, "parameter area");
      cx.checkRange(ptr, params.size, "parameter area");
      return Arrays.asList(params.loadAll(cx, ptr));
    }
    return Arrays.asList(params.liftAll(cx, flat));
  }

  /**
   * Lowers a host import's result for the guest (the spec's {@code lower_flat_values} with {@code
   * MAX_FLAT_RESULTS}): a spilled result is stored through the return pointer, the last of {@code
   * flatParams}, which is checked first.
   *
   * @return the flat core results (empty when the result went through memory)
   */
  public long[] lowerResult(
      Optional<WitValue> value, long[] flatParams, Memory memory, HandleTable handles) {
    if (result == null) {
      return new long[0];
    }
    WitValue v =
        value.orElseThrow(
            () -> new IllegalArgumentException("`" + function.name() + "` must return a value"));
    AbiContext cx = new AbiContext(memory, encoding, handles);
    if (resultSpills) {
      long ptr = flatParams[flatParams.length - 1] & MASK32;
      AbiContext.checkAlign(ptr, result.align, "return");
      cx.checkRange(ptr, result.size, "return");
      result.store(cx, v, ptr);
      return new long[0];
    }
    long[] out = new long[result.flat.length];
    result.lowerFlat(cx, v, out, 0);
    return out;
  }

  /** The parameter names, in order. */
  public List<String> paramNames() {
    return function.params().stream().map(Param::name).toList();
  }
}
