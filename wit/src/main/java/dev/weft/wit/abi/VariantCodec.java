package dev.weft.wit.abi;

import dev.weft.wit.value.ValueException;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.EnumValue;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.ResultValue;
import dev.weft.wit.value.WitValue.VariantValue;
import java.util.Optional;

/**
 * {@code variant}, and the types the spec despecializes to one: {@code enum}, {@code option},
 * {@code result}. A discriminant sized by the case count, then the payload at the largest case
 * alignment; flat, the discriminant then the payloads' slots joined position by position.
 */
final class VariantCodec extends Codec {
  /** Which value records this variant is written with. */
  enum Shape {
    VARIANT,
    ENUM,
    OPTION,
    RESULT
  }

  private final Shape shape;
  private final String[] names;

  /** Payload codecs, null for a case without payload. */
  private final Codec[] payloads;

  private final int discSize;
  private final int payloadOffset;

  private VariantCodec(Shape shape, String[] names, Codec[] payloads, Layout l, String display) {
    super(l.size, l.align, l.flat, display);
    this.shape = shape;
    this.names = names;
    this.payloads = payloads;
    this.discSize = l.discSize;
    this.payloadOffset = l.payloadOffset;
  }

  static VariantCodec of(Shape shape, String[] names, Codec[] payloads, String display) {
    return new VariantCodec(shape, names, payloads, new Layout(payloads), display);
  }

  /** The spec's {@code elem_size_variant}, {@code alignment_variant}, {@code flatten_variant}. */
  private static final class Layout {
    final int discSize;
    final int payloadOffset;
    final int size;
    final int align;
    final CoreType[] flat;

    Layout(Codec[] payloads) {
      int n = payloads.length;
      discSize = n <= 256 ? 1 : n <= 65536 ? 2 : 4;
      int caseAlign = 1;
      int caseSize = 0;
      CoreType[] joined = new CoreType[0];
      for (Codec c : payloads) {
        if (c == null) {
          continue;
        }
        caseAlign = Math.max(caseAlign, c.align);
        caseSize = Math.max(caseSize, c.size);
        if (c.flat.length > joined.length) {
          joined = java.util.Arrays.copyOf(joined, c.flat.length);
        }
        for (int i = 0; i < c.flat.length; i++) {
          joined[i] = joined[i] == null ? c.flat[i] : CoreType.join(joined[i], c.flat[i]);
        }
      }
      payloadOffset = (int) AbiContext.alignTo(discSize, caseAlign);
      align = Math.max(discSize, caseAlign);
      size = (int) AbiContext.alignTo(payloadOffset + caseSize, align);
      flat = new CoreType[1 + joined.length];
      flat[0] = CoreType.I32;
      System.arraycopy(joined, 0, flat, 1, joined.length);
    }
  }

  @Override
  boolean usesMemory() {
    for (Codec p : payloads) {
      if (p != null && p.usesMemory()) {
        return true;
      }
    }
    return false;
  }

  private int caseIndex(WitValue v) {
    int i =
        switch (shape) {
          case VARIANT -> v instanceof VariantValue vv ? indexOf(vv.caseName()) : -2;
          case ENUM -> v instanceof EnumValue e ? indexOf(e.caseName()) : -2;
          case OPTION -> v instanceof OptionValue o ? (o.value().isPresent() ? 1 : 0) : -2;
          case RESULT -> v instanceof ResultValue r ? (r.isOk() ? 0 : 1) : -2;
        };
    if (i == -2) {
      throw wrongValue(v);
    }
    if (i < 0) {
      throw new ValueException("$", display, "found an unknown case");
    }
    Optional<WitValue> p = payload(v);
    if (p.isPresent() != (payloads[i] != null)) {
      throw new ValueException(
          "$",
          display,
          p.isPresent()
              ? "found a payload for case `" + names[i] + "`"
              : "found no payload for case `" + names[i] + "`");
    }
    return i;
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private Optional<WitValue> payload(WitValue v) {
    return switch (shape) {
      case VARIANT -> ((VariantValue) v).payload();
      case ENUM -> Optional.empty();
      case OPTION -> ((OptionValue) v).value();
      case RESULT -> ((ResultValue) v).value();
    };
  }

  private WitValue make(int index, WitValue payload) {
    Optional<WitValue> p = Optional.ofNullable(payload);
    return switch (shape) {
      case VARIANT -> new VariantValue(names[index], p);
      case ENUM -> new EnumValue(names[index]);
      case OPTION -> index == 0 ? OptionValue.NONE : new OptionValue(p);
      case RESULT -> new ResultValue(index == 0, p);
    };
  }

  private int checkDiscriminant(long disc) {
    if (disc < 0 || disc >= names.length) {
      throw new AbiException(
          "discriminant "
              + disc
              + " is out of range for `"
              + display
              + "` ("
              + names.length
              + " cases)");
    }
    return (int) disc;
  }

  @Override
  void store(AbiContext cx, WitValue v, long ptr) {
    int i = caseIndex(v);
    Memory m = cx.memory();
    switch (discSize) {
      case 1 -> m.write8((int) ptr, (byte) i);
      case 2 -> m.write16((int) ptr, (short) i);
      default -> m.write32((int) ptr, i);
    }
    if (payloads[i] != null) {
      payloads[i].store(cx, payload(v).orElseThrow(), ptr + payloadOffset);
    }
  }

  @Override
  WitValue load(AbiContext cx, long ptr) {
    Memory m = cx.memory();
    long disc =
        switch (discSize) {
          case 1 -> m.read8((int) ptr) & 0xFFL;
          case 2 -> m.read16((int) ptr) & 0xFFFFL;
          default -> m.read32((int) ptr) & 0xFFFF_FFFFL;
        };
    int i = checkDiscriminant(disc);
    return make(i, payloads[i] == null ? null : payloads[i].load(cx, ptr + payloadOffset));
  }

  // Flat values hold raw bits with i32/f32 zero-extended (see CoreType), so the spec's coercions
  // between a case's own types and the joined types are the identity here; unused slots are 0.
  @Override
  void lowerFlat(AbiContext cx, WitValue v, long[] out, int at) {
    int i = caseIndex(v);
    out[at] = i;
    int used = 0;
    if (payloads[i] != null) {
      payloads[i].lowerFlat(cx, payload(v).orElseThrow(), out, at + 1);
      used = payloads[i].flat.length;
    }
    for (int k = at + 1 + used; k < at + flat.length; k++) {
      out[k] = 0;
    }
  }

  @Override
  WitValue liftFlat(AbiContext cx, long[] in, int at) {
    int i = checkDiscriminant(in[at] & 0xFFFF_FFFFL);
    return make(i, payloads[i] == null ? null : payloads[i].liftFlat(cx, in, at + 1));
  }
}
