package dev.weft.wit.abi;

import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.WitValue;

/**
 * Lifts and lowers the values of one type, bound once. Memory forms take an address that the caller
 * has already checked (in bounds for {@link #size}, aligned to {@link #align}); flat forms read or
 * write exactly {@code flat.length} slots from {@code at}.
 */
abstract class Codec {
  final int size;
  final int align;
  final CoreType[] flat;

  /** The type, rendered once for messages. */
  final String display;

  Codec(int size, int align, CoreType[] flat, String display) {
    this.size = size;
    this.align = align;
    this.flat = flat;
    this.display = display;
  }

  /** The spec's {@code store}. */
  abstract void store(AbiContext cx, WitValue v, long ptr);

  /** The spec's {@code load}. */
  abstract WitValue load(AbiContext cx, long ptr);

  /** The spec's {@code lower_flat}. */
  abstract void lowerFlat(AbiContext cx, WitValue v, long[] out, int at);

  /** The spec's {@code lift_flat}. */
  abstract WitValue liftFlat(AbiContext cx, long[] in, int at);

  /** Whether values of this type keep anything in memory (strings, lists), needing a memory. */
  boolean usesMemory() {
    return false;
  }

  /** Whether the compact {@link WitValue.Bytes} form applies (this is {@code u8}). */
  boolean isByte() {
    return false;
  }

  final ValueException wrongValue(WitValue v) {
    return new ValueException("$", display, "found a " + v.kind().name().toLowerCase() + " value");
  }
}
