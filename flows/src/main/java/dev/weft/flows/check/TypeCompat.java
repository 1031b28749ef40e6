package dev.weft.flows.check;

import dev.weft.flows.model.Typed;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import java.util.List;
import java.util.Optional;

/**
 * Whether a value of one WIT type can be passed where another is expected. Types from different
 * components are compared by structure (records by field names and types in order, variants by
 * cases, enums and flags by names), since the canonical ABI copies values by structure; resource
 * handles only match the same resource of the same component.
 */
final class TypeCompat {
  private TypeCompat() {}

  /**
   * Empty when {@code found} fits {@code expected}; otherwise where and how they differ, e.g.
   * "field `name`: expected `string`, found `u32`".
   */
  static Optional<String> mismatch(Typed found, Typed expected) {
    return mismatch(found.type(), found.table(), expected.type(), expected.table(), "");
  }

  private static Optional<String> mismatch(
      WitType f, TypeTable ft, WitType e, TypeTable et, String path) {
    WitType fs = ft.unalias(f);
    WitType es = et.unalias(e);
    if (fs.kind() != es.kind()) {
      return differ(f, ft, e, et, path);
    }
    return switch (es.kind()) {
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT,
          RESOURCE -> Optional.empty();
      case LIST -> mismatch(
          ((ListType) fs).element(), ft, ((ListType) es).element(), et, path + "[]");
      case FIXED_LIST -> ((FixedListType) fs).size() != ((FixedListType) es).size()
          ? differ(f, ft, e, et, path)
          : mismatch(((FixedListType) fs).element(), ft, ((FixedListType) es).element(), et, path + "[]");
      case MAP -> mismatch(((MapType) fs).key(), ft, ((MapType) es).key(), et, path + ".key")
          .or(() -> mismatch(((MapType) fs).value(), ft, ((MapType) es).value(), et, path + ".value"));
      case OPTION -> mismatch(
          ((OptionType) fs).some(), ft, ((OptionType) es).some(), et, path + "?");
      case RESULT -> result((ResultType) fs, ft, (ResultType) es, et, f, e, path);
      case TUPLE -> tuple((TupleType) fs, ft, (TupleType) es, et, f, e, path);
      case RECORD -> record((RecordType) fs, ft, (RecordType) es, et, f, e, path);
      case VARIANT -> variant((VariantType) fs, ft, (VariantType) es, et, f, e, path);
      case ENUM -> names(((EnumType) fs).cases(), ((EnumType) es).cases())
          ? Optional.empty() : differ(f, ft, e, et, path);
      case FLAGS -> names(((FlagsType) fs).flags(), ((FlagsType) es).flags())
          ? Optional.empty() : differ(f, ft, e, et, path);
      case OWN, BORROW -> ft == et && fs.equals(es) ? Optional.empty() : differ(f, ft, e, et, path);
      case FUTURE -> optional(((FutureType) fs).element(), ft, ((FutureType) es).element(), et, f, e, path);
      case STREAM -> optional(((StreamType) fs).element(), ft, ((StreamType) es).element(), et, f, e, path);
      case NAMED -> throw new AssertionError("unalias never returns a named type");
    };
  }

  private static Optional<String> result(
      ResultType fr, TypeTable ft, ResultType er, TypeTable et, WitType f, WitType e, String path) {
    Optional<String> ok = optional(fr.ok(), ft, er.ok(), et, f, e, path + ".ok");
    return ok.isPresent() ? ok : optional(fr.err(), ft, er.err(), et, f, e, path + ".err");
  }

  private static Optional<String> optional(
      Optional<WitType> fo, TypeTable ft, Optional<WitType> eo, TypeTable et,
      WitType f, WitType e, String path) {
    if (fo.isPresent() != eo.isPresent()) {
      return differ(f, ft, e, et, path);
    }
    return fo.isEmpty() ? Optional.empty() : mismatch(fo.get(), ft, eo.get(), et, path);
  }

  private static Optional<String> tuple(
      TupleType ftup, TypeTable ft, TupleType etup, TypeTable et, WitType f, WitType e, String path) {
    if (ftup.types().size() != etup.types().size()) {
      return differ(f, ft, e, et, path);
    }
    for (int i = 0; i < etup.types().size(); i++) {
      Optional<String> m = mismatch(ftup.types().get(i), ft, etup.types().get(i), et, path + "[" + i + "]");
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> record(
      RecordType fr, TypeTable ft, RecordType er, TypeTable et, WitType f, WitType e, String path) {
    List<Field> ff = fr.fields();
    List<Field> ef = er.fields();
    if (ff.size() != ef.size()) {
      return differ(f, ft, e, et, path);
    }
    for (int i = 0; i < ef.size(); i++) {
      if (!ff.get(i).name().equals(ef.get(i).name())) {
        return differ(f, ft, e, et, path);
      }
      Optional<String> m =
          mismatch(ff.get(i).type(), ft, ef.get(i).type(), et, path + "." + ef.get(i).name());
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> variant(
      VariantType fv, TypeTable ft, VariantType ev, TypeTable et, WitType f, WitType e, String path) {
    List<Case> fc = fv.cases();
    List<Case> ec = ev.cases();
    if (fc.size() != ec.size()) {
      return differ(f, ft, e, et, path);
    }
    for (int i = 0; i < ec.size(); i++) {
      if (!fc.get(i).name().equals(ec.get(i).name())) {
        return differ(f, ft, e, et, path);
      }
      Optional<String> m =
          optional(fc.get(i).type(), ft, ec.get(i).type(), et, f, e, path + "." + ec.get(i).name());
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  private static boolean names(List<Name> a, List<Name> b) {
    return a.stream().map(Name::name).toList().equals(b.stream().map(Name::name).toList());
  }

  private static Optional<String> differ(
      WitType f, TypeTable ft, WitType e, TypeTable et, String path) {
    String where = path.isEmpty() ? "" : "at `" + path + "`: ";
    return Optional.of(
        where
            + "expected `"
            + TypeNames.display(e, et)
            + "`, found `"
            + TypeNames.display(f, ft)
            + "`");
  }
}
