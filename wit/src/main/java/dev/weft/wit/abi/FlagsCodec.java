package dev.weft.wit.abi;

import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.FlagsValue;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code flags}: one bit per flag in declaration order, in a u8, u16 or u32 by count. Beyond 32
 * flags (which the current binary format no longer allows but older components use) the bits fill
 * consecutive u32s, one flat i32 each, as the earlier spec did.
 */
final class FlagsCodec extends Codec {
  private final String[] names;

  FlagsCodec(String[] names, String display) {
    super(byteSize(names.length), Math.min(byteSize(names.length), 4), flat(names.length), display);
    this.names = names;
  }

  private static int words(int n) {
    return Math.max(1, (n + 31) / 32);
  }

  private static int byteSize(int n) {
    return n <= 8 ? 1 : n <= 16 ? 2 : 4 * words(n);
  }

  private static CoreType[] flat(int n) {
    CoreType[] out = new CoreType[words(n)];
    java.util.Arrays.fill(out, CoreType.I32);
    return out;
  }

  private long[] pack(WitValue v) {
    if (!(v instanceof FlagsValue f)) {
      throw wrongValue(v);
    }
    long[] bits = new long[words(names.length)];
    int seen = 0;
    for (int i = 0; i < names.length; i++) {
      if (f.flags().contains(names[i])) {
        bits[i / 32] |= 1L << (i % 32);
        seen++;
      }
    }
    if (seen != f.flags().size()) {
      throw new ValueException("$", display, "found an unknown flag in " + f.flags());
    }
    return bits;
  }

  // Bits past the last flag are ignored, as the spec's unpack_flags_from_int does.
  private WitValue unpack(long[] in, int at) {
    Set<String> set = new LinkedHashSet<>();
    for (int i = 0; i < names.length; i++) {
      if ((in[at + i / 32] & (1L << (i % 32))) != 0) {
        set.add(names[i]);
      }
    }
    return new FlagsValue(set);
  }

  @Override
  void store(AbiContext cx, WitValue v, long ptr) {
    long[] bits = pack(v);
    Memory m = cx.memory();
    switch (size) {
      case 1 -> m.write8((int) ptr, (byte) bits[0]);
      case 2 -> m.write16((int) ptr, (short) bits[0]);
      default -> {
        for (int i = 0; i < bits.length; i++) {
          m.write32((int) ptr + 4 * i, (int) bits[i]);
        }
      }
    }
  }

  @Override
  WitValue load(AbiContext cx, long ptr) {
    Memory m = cx.memory();
    long[] bits = new long[flat.length];
    switch (size) {
      case 1 -> bits[0] = m.read8((int) ptr) & 0xFFL;
      case 2 -> bits[0] = m.read16((int) ptr) & 0xFFFFL;
      default -> {
        for (int i = 0; i < bits.length; i++) {
          bits[i] = m.read32((int) ptr + 4 * i) & 0xFFFF_FFFFL;
        }
      }
    }
    return unpack(bits, 0);
  }

  @Override
  void lowerFlat(AbiContext cx, WitValue v, long[] out, int at) {
    long[] bits = pack(v);
    System.arraycopy(bits, 0, out, at, bits.length);
  }

  @Override
  WitValue liftFlat(AbiContext cx, long[] in, int at) {
    return unpack(in, at);
  }
}
