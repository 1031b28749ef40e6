package dev.weft.wit.abi;

import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.ListLike;
import dev.weft.wit.value.WitValue.ListValue;
import java.util.Arrays;

/** {@code list<T, N>}: N elements in place, like a record of N fields of type T. */
final class FixedListCodec extends Codec {
  private final Codec element;
  private final int length;

  FixedListCodec(Codec element, int length, String display) {
    super(element.size * length, element.align, repeat(element.flat, length), display);
    this.element = element;
    this.length = length;
  }

  private static CoreType[] repeat(CoreType[] flat, int n) {
    CoreType[] out = new CoreType[flat.length * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, 0, out, i * flat.length, flat.length);
    }
    return out;
  }

  @Override
  boolean usesMemory() {
    return element.usesMemory();
  }

  private ListLike check(WitValue v) {
    if (v instanceof ListLike l && l.size() == length) {
      return l;
    }
    throw wrongValue(v);
  }

  @Override
  void store(AbiContext cx, WitValue v, long ptr) {
    ListLike l = check(v);
    for (int i = 0; i < length; i++) {
      element.store(cx, l.get(i), ptr + (long) i * element.size);
    }
  }

  @Override
  WitValue load(AbiContext cx, long ptr) {
    if (element.isByte()) {
      return Bytes.wrap(cx.memory().readBytes((int) ptr, length));
    }
    WitValue[] out = new WitValue[length];
    for (int i = 0; i < length; i++) {
      out[i] = element.load(cx, ptr + (long) i * element.size);
    }
    return new ListValue(Arrays.asList(out));
  }

  @Override
  void lowerFlat(AbiContext cx, WitValue v, long[] out, int at) {
    ListLike l = check(v);
    for (int i = 0; i < length; i++) {
      element.lowerFlat(cx, l.get(i), out, at + i * element.flat.length);
    }
  }

  @Override
  WitValue liftFlat(AbiContext cx, long[] in, int at) {
    WitValue[] out = new WitValue[length];
    for (int i = 0; i < length; i++) {
      out[i] = element.liftFlat(cx, in, at + i * element.flat.length);
    }
    return new ListValue(Arrays.asList(out));
  }
}
