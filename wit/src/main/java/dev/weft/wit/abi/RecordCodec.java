package dev.weft.wit.abi;

import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.FieldValue;
import dev.weft.wit.value.WitValue.RecordValue;
import dev.weft.wit.value.WitValue.TupleValue;
import java.util.Arrays;
import java.util.List;

/**
 * {@code record} and {@code tuple} (the spec despecializes a tuple to a record): fields in order,
 * each at its aligned offset; the flattening is the concatenation of the fields'.
 */
final class RecordCodec extends Codec {
  private final Codec[] fields;

  /** Field names for a record, null for a tuple. */
  private final String[] names;

  private final int[] offsets;
  private final int[] flatOffsets;

  private RecordCodec(Codec[] fields, String[] names, Layout layout, String display) {
    super(layout.size, layout.align, layout.flat, display);
    this.fields = fields;
    this.names = names;
    this.offsets = layout.offsets;
    this.flatOffsets = layout.flatOffsets;
  }

  static RecordCodec record(Codec[] fields, String[] names, String display) {
    return new RecordCodec(fields, names, new Layout(fields), display);
  }

  static RecordCodec tuple(Codec[] fields, String display) {
    return new RecordCodec(fields, null, new Layout(fields), display);
  }

  /** The spec's {@code elem_size_record} and {@code alignment_record}, computed once. */
  private static final class Layout {
    final int size;
    final int align;
    final int[] offsets;
    final int[] flatOffsets;
    final CoreType[] flat;

    Layout(Codec[] fields) {
      offsets = new int[fields.length];
      flatOffsets = new int[fields.length];
      long s = 0;
      int a = 1;
      long f = 0;
      for (int i = 0; i < fields.length; i++) {
        s = AbiContext.alignTo(s, fields[i].align);
        offsets[i] = (int) s;
        s += fields[i].size;
        a = Math.max(a, fields[i].align);
        flatOffsets[i] = (int) Math.min(f, Integer.MAX_VALUE);
        f += fields[i].flat.length;
      }
      if (s >= Codecs.MAX_TYPE_SIZE || f > Codecs.MAX_FLAT_COUNT) {
        throw new IllegalArgumentException("a record or tuple too large for the canonical ABI");
      }
      size = (int) AbiContext.alignTo(s, a);
      align = a;
      flat = new CoreType[(int) f];
      for (int i = 0; i < fields.length; i++) {
        System.arraycopy(fields[i].flat, 0, flat, flatOffsets[i], fields[i].flat.length);
      }
    }
  }

  @Override
  boolean usesMemory() {
    for (Codec f : fields) {
      if (f.usesMemory()) {
        return true;
      }
    }
    return false;
  }

  /** The i-th field of {@code v}, checking that {@code v} has this shape. */
  private WitValue[] values(WitValue v) {
    if (names == null) {
      if (v instanceof TupleValue t && t.elements().size() == fields.length) {
        return t.elements().toArray(new WitValue[0]);
      }
      throw wrongValue(v);
    }
    if (v instanceof RecordValue r && r.fields().size() == fields.length) {
      WitValue[] out = new WitValue[fields.length];
      List<FieldValue> fs = r.fields();
      for (int i = 0; i < out.length; i++) {
        FieldValue fv = fs.get(i);
        if (!fv.name().equals(names[i])) {
          throw new dev.weft.wit.value.ValueException(
              "$." + names[i], display, "found field `" + fv.name() + "` in its place");
        }
        out[i] = fv.value();
      }
      return out;
    }
    throw wrongValue(v);
  }

  private WitValue make(WitValue[] vs) {
    if (names == null) {
      return new TupleValue(Arrays.asList(vs));
    }
    FieldValue[] fs = new FieldValue[vs.length];
    for (int i = 0; i < vs.length; i++) {
      fs[i] = new FieldValue(names[i], vs[i]);
    }
    return new RecordValue(Arrays.asList(fs));
  }

  @Override
  void store(AbiContext cx, WitValue v, long ptr) {
    WitValue[] vs = values(v);
    for (int i = 0; i < fields.length; i++) {
      fields[i].store(cx, vs[i], ptr + offsets[i]);
    }
  }

  @Override
  WitValue load(AbiContext cx, long ptr) {
    WitValue[] vs = new WitValue[fields.length];
    for (int i = 0; i < fields.length; i++) {
      vs[i] = fields[i].load(cx, ptr + offsets[i]);
    }
    return make(vs);
  }

  @Override
  void lowerFlat(AbiContext cx, WitValue v, long[] out, int at) {
    WitValue[] vs = values(v);
    for (int i = 0; i < fields.length; i++) {
      fields[i].lowerFlat(cx, vs[i], out, at + flatOffsets[i]);
    }
  }

  @Override
  WitValue liftFlat(AbiContext cx, long[] in, int at) {
    WitValue[] vs = new WitValue[fields.length];
    for (int i = 0; i < fields.length; i++) {
      vs[i] = fields[i].liftFlat(cx, in, at + flatOffsets[i]);
    }
    return make(vs);
  }

  /** Stores {@code vs} (already unpacked, for a function's parameter tuple). */
  void storeAll(AbiContext cx, List<WitValue> vs, long ptr) {
    for (int i = 0; i < fields.length; i++) {
      fields[i].store(cx, vs.get(i), ptr + offsets[i]);
    }
  }

  /** Loads every field (unpacked, for a function's parameter tuple). */
  WitValue[] loadAll(AbiContext cx, long ptr) {
    WitValue[] vs = new WitValue[fields.length];
    for (int i = 0; i < fields.length; i++) {
      vs[i] = fields[i].load(cx, ptr + offsets[i]);
    }
    return vs;
  }

  /** Lowers {@code vs} flat (unpacked, for a function's parameters). */
  void lowerAll(AbiContext cx, List<WitValue> vs, long[] out) {
    for (int i = 0; i < fields.length; i++) {
      fields[i].lowerFlat(cx, vs.get(i), out, flatOffsets[i]);
    }
  }

  /** Lifts every field flat (unpacked, for a function's parameters). */
  WitValue[] liftAll(AbiContext cx, long[] in) {
    WitValue[] vs = new WitValue[fields.length];
    for (int i = 0; i < fields.length; i++) {
      vs[i] = fields[i].liftFlat(cx, in, flatOffsets[i]);
    }
    return vs;
  }
}
