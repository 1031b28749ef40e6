package dev.weft.wit.abi;

import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Bool;
import dev.weft.wit.value.WitValue.CharValue;
import dev.weft.wit.value.WitValue.F32;
import dev.weft.wit.value.WitValue.F64;
import dev.weft.wit.value.WitValue.S16;
import dev.weft.wit.value.WitValue.S32;
import dev.weft.wit.value.WitValue.S64;
import dev.weft.wit.value.WitValue.S8;
import dev.weft.wit.value.WitValue.U16;
import dev.weft.wit.value.WitValue.U32;
import dev.weft.wit.value.WitValue.U64;
import dev.weft.wit.value.WitValue.U8;

/**
 * Codecs of the scalar types: bool, integers, floats, char. Every scalar flattens to one core
 * value; its memory form is its little-endian bits.
 */
abstract class ScalarCodec extends Codec {
  private static final CoreType[] I32 = {CoreType.I32};
  private static final CoreType[] I64 = {CoreType.I64};
  private static final long MASK32 = 0xFFFF_FFFFL;
  // The spec's CANONICAL_FLOAT32_NAN / CANONICAL_FLOAT64_NAN: lifting canonicalizes NaNs, and
  // lowering writes the canonical NaN (the deterministic profile of "maybe_scramble_nan").
  static final int CANONICAL_NAN32 = 0x7fc00000;
  static final long CANONICAL_NAN64 = 0x7ff8000000000000L;

  ScalarCodec(int size, CoreType[] flat, String display) {
    super(size, size, flat, display);
  }

  /** The 32 or 64 raw bits of {@code v} as its flat value. */
  abstract long bits(WitValue v);

  /** The value of the given flat bits (i32 and f32 in the low 32 bits). */
  abstract WitValue fromBits(AbiContext cx, long bits);

  @Override
  final void lowerFlat(AbiContext cx, WitValue v, long[] out, int at) {
    out[at] = bits(v);
  }

  @Override
  final WitValue liftFlat(AbiContext cx, long[] in, int at) {
    return fromBits(cx, in[at]);
  }

  @Override
  final void store(AbiContext cx, WitValue v, long ptr) {
    long b = bits(v);
    Memory m = cx.memory();
    switch (size) {
      case 1 -> m.write8((int) ptr, (byte) b);
      case 2 -> m.write16((int) ptr, (short) b);
      case 4 -> m.write32((int) ptr, (int) b);
      default -> m.write64((int) ptr, b);
    }
  }

  @Override
  final WitValue load(AbiContext cx, long ptr) {
    Memory m = cx.memory();
    long b =
        switch (size) {
          case 1 -> m.read8((int) ptr) & 0xFFL;
          case 2 -> m.read16((int) ptr) & 0xFFFFL;
          case 4 -> m.read32((int) ptr) & MASK32;
          default -> m.read64((int) ptr);
        };
    return fromBits(cx, b);
  }

  static final class BoolCodec extends ScalarCodec {
    BoolCodec() {
      super(1, I32, "bool");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof Bool b) {
        return b.value() ? 1 : 0;
      }
      throw wrongValue(v);
    }

    // The spec's convert_int_to_bool: any non-zero value is true.
    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      return Bool.of((bits & MASK32) != 0);
    }
  }

  static final class U8Codec extends ScalarCodec {
    U8Codec() {
      super(1, I32, "u8");
    }

    @Override
    boolean isByte() {
      return true;
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof U8 x) {
        return x.value();
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      return new U8((int) (bits & 0xFF));
    }
  }

  static final class U16Codec extends ScalarCodec {
    U16Codec() {
      super(2, I32, "u16");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof U16 x) {
        return x.value();
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      return new U16((int) (bits & 0xFFFF));
    }
  }

  static final class U32Codec extends ScalarCodec {
    U32Codec() {
      super(4, I32, "u32");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof U32 x) {
        return x.value();
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      return new U32(bits & MASK32);
    }
  }

  static final class U64Codec extends ScalarCodec {
    U64Codec() {
      super(8, I64, "u64");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof U64 x) {
        return x.value();
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      return new U64(bits);
    }
  }

  static final class S8Codec extends ScalarCodec {
    S8Codec() {
      super(1, I32, "s8");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof S8 x) {
        return x.value() & MASK32;
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      return new S8((byte) bits);
    }
  }

  static final class S16Codec extends ScalarCodec {
    S16Codec() {
      super(2, I32, "s16");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof S16 x) {
        return x.value() & MASK32;
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      return new S16((short) bits);
    }
  }

  static final class S32Codec extends ScalarCodec {
    S32Codec() {
      super(4, I32, "s32");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof S32 x) {
        return x.value() & MASK32;
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      return new S32((int) bits);
    }
  }

  static final class S64Codec extends ScalarCodec {
    S64Codec() {
      super(8, I64, "s64");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof S64 x) {
        return x.value();
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      return new S64(bits);
    }
  }

  static final class F32Codec extends ScalarCodec {
    F32Codec() {
      super(4, new CoreType[] {CoreType.F32}, "f32");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof F32 x) {
        float f = x.value();
        return (Float.isNaN(f) ? CANONICAL_NAN32 : Float.floatToRawIntBits(f)) & MASK32;
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      float f = Float.intBitsToFloat((int) bits);
      return new F32(Float.isNaN(f) ? Float.intBitsToFloat(CANONICAL_NAN32) : f);
    }
  }

  static final class F64Codec extends ScalarCodec {
    F64Codec() {
      super(8, new CoreType[] {CoreType.F64}, "f64");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof F64 x) {
        double d = x.value();
        return Double.isNaN(d) ? CANONICAL_NAN64 : Double.doubleToRawLongBits(d);
      }
      throw wrongValue(v);
    }

    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      double d = Double.longBitsToDouble(bits);
      return new F64(Double.isNaN(d) ? Double.longBitsToDouble(CANONICAL_NAN64) : d);
    }
  }

  static final class CharCodec extends ScalarCodec {
    CharCodec() {
      super(4, I32, "char");
    }

    @Override
    long bits(WitValue v) {
      if (v instanceof CharValue c) {
        return c.codePoint();
      }
      throw wrongValue(v);
    }

    // The spec's convert_i32_to_char: surrogates and values past 0x10FFFF trap.
    @Override
    WitValue fromBits(AbiContext cx, long bits) {
      long cp = bits & MASK32;
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        throw new AbiException(
            "invalid char 0x" + Long.toHexString(cp) + " (not a Unicode scalar value)");
      }
      return new CharValue((int) cp);
    }
  }
}
