package dev.weft.wit.abi;

import dev.weft.wit.model.Borrow;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import dev.weft.wit.value.WitTypes;
import java.util.List;
import java.util.Set;

/** Builds the codec tree of a type: a fold over the type, done once per bound function. */
final class Codecs {
  /** The spec's limit on type nesting, so that a hostile type cannot overflow the stack. */
  static final int MAX_TYPE_DEPTH = 100;

  /** Binary.md: validation requires every type's {@code elem_size} to be below 2^28. */
  static final long MAX_TYPE_SIZE = 1L << 28;

  /**
   * Weft's limit on the flat values of one type (fixed-length lists can ask for billions); beyond
   * {@link FunctionCodec#MAX_FLAT_PARAMS} they travel through memory anyway.
   */
  static final long MAX_FLAT_COUNT = 1L << 12;

  private Codecs() {}

  static Codec build(WitType type, TypeTable types) {
    return build(type, types, Set.of(), 0);
  }

  /**
   * The codec of {@code type}; {@code local} are the resources the component defines itself, whose
   * borrows cross as bare representations.
   */
  static Codec build(WitType type, TypeTable types, Set<TypeId> local) {
    return build(type, types, local, 0);
  }

  private static Codec build(WitType declared, TypeTable types, Set<TypeId> local, int depth) {
    if (depth > MAX_TYPE_DEPTH) {
      throw new IllegalArgumentException("type nesting deeper than " + MAX_TYPE_DEPTH);
    }
    WitType t = types.unalias(declared);
    String display = WitTypes.display(declared, types);
    int d = depth + 1;
    return switch (t.kind()) {
      case BOOL -> new ScalarCodec.BoolCodec();
      case U8 -> new ScalarCodec.U8Codec();
      case U16 -> new ScalarCodec.U16Codec();
      case U32 -> new ScalarCodec.U32Codec();
      case U64 -> new ScalarCodec.U64Codec();
      case S8 -> new ScalarCodec.S8Codec();
      case S16 -> new ScalarCodec.S16Codec();
      case S32 -> new ScalarCodec.S32Codec();
      case S64 -> new ScalarCodec.S64Codec();
      case F32 -> new ScalarCodec.F32Codec();
      case F64 -> new ScalarCodec.F64Codec();
      case CHAR -> new ScalarCodec.CharCodec();
      case STRING -> new StringCodec();
      case LIST -> new ListCodec(build(((ListType) t).element(), types, local, d), display);
      // CanonicalABI.md despecializes map<K, V> to list<tuple<K, V>>.
      case MAP -> {
        MapType m = (MapType) t;
        Codec pair =
            RecordCodec.tuple(
                new Codec[] {build(m.key(), types, local, d), build(m.value(), types, local, d)},
                WitTypes.display(m.asList().element(), types));
        yield new ListCodec(pair, display);
      }
      case FIXED_LIST -> {
        FixedListType f = (FixedListType) t;
        Codec e = build(f.element(), types, local, d);
        if ((long) e.size * f.size() >= MAX_TYPE_SIZE
            || (long) e.flat.length * f.size() > MAX_FLAT_COUNT) {
          throw new IllegalArgumentException(
              "`" + display + "` is too large for the canonical ABI");
        }
        yield new FixedListCodec(e, f.size(), display);
      }
      case RECORD -> {
        List<Field> fs = ((RecordType) t).fields();
        Codec[] cs = new Codec[fs.size()];
        String[] names = new String[fs.size()];
        for (int i = 0; i < cs.length; i++) {
          cs[i] = build(fs.get(i).type(), types, local, d);
          names[i] = fs.get(i).name();
        }
        yield RecordCodec.record(cs, names, display);
      }
      case TUPLE -> {
        List<WitType> ts = ((TupleType) t).types();
        Codec[] cs = new Codec[ts.size()];
        for (int i = 0; i < cs.length; i++) {
          cs[i] = build(ts.get(i), types, local, d);
        }
        yield RecordCodec.tuple(cs, display);
      }
      case VARIANT -> {
        List<Case> cases = ((VariantType) t).cases();
        String[] names = new String[cases.size()];
        Codec[] cs = new Codec[cases.size()];
        for (int i = 0; i < cs.length; i++) {
          names[i] = cases.get(i).name();
          cs[i] =
              cases.get(i).type().isEmpty()
                  ? null
                  : build(cases.get(i).type().get(), types, local, d);
        }
        yield VariantCodec.of(VariantCodec.Shape.VARIANT, names, cs, display);
      }
      case ENUM -> {
        String[] names = ((EnumType) t).cases().stream().map(Name::name).toArray(String[]::new);
        yield VariantCodec.of(VariantCodec.Shape.ENUM, names, new Codec[names.length], display);
      }
      case OPTION ->
          VariantCodec.of(
              VariantCodec.Shape.OPTION,
              new String[] {"none", "some"},
              new Codec[] {null, build(((OptionType) t).some(), types, local, d)},
              display);
      case RESULT -> {
        ResultType r = (ResultType) t;
        yield VariantCodec.of(
            VariantCodec.Shape.RESULT,
            new String[] {"ok", "error"},
            new Codec[] {
              r.ok().isEmpty() ? null : build(r.ok().get(), types, local, d),
              r.err().isEmpty() ? null : build(r.err().get(), types, local, d)
            },
            display);
      }
      case FLAGS ->
          new FlagsCodec(
              ((FlagsType) t).flags().stream().map(Name::name).toArray(String[]::new), display);
      case OWN -> new HandleCodec(((Own) t).resource(), true, false, display);
      case BORROW -> {
        TypeId r = ((Borrow) t).resource();
        yield new HandleCodec(r, false, local.contains(r), display);
      }
      case ERROR_CONTEXT, RESOURCE, FUTURE, STREAM, NAMED ->
          throw new IllegalArgumentException("`" + display + "` has no canonical ABI codec here");
    };
  }
}
