package dev.weft.engine.host;

import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import java.util.List;
import java.util.Optional;

/**
 * Whether a component's import has exactly the type of the host's function: the same structure
 * (records by field names in order, variants by case names and payloads, enums and flags by
 * names), types of the two sides living in different tables. Names of types and parameters do not
 * matter, as they do not to the canonical ABI. Stateless.
 */
final class WitShapes {
  private WitShapes() {}

  static boolean sameFunction(Function a, TypeTable at, Function b, TypeTable bt) {
    if (a.params().size() != b.params().size()) {
      return false;
    }
    for (int i = 0; i < a.params().size(); i++) {
      if (!same(a.params().get(i).type(), at, b.params().get(i).type(), bt)) {
        return false;
      }
    }
    return optional(a.result(), at, b.result(), bt);
  }

  private static boolean optional(Optional<WitType> a, TypeTable at, Optional<WitType> b, TypeTable bt) {
    return a.isPresent() == b.isPresent() && (a.isEmpty() || same(a.get(), at, b.get(), bt));
  }

  static boolean same(WitType a0, TypeTable at, WitType b0, TypeTable bt) {
    WitType a = at.unalias(a0);
    WitType b = bt.unalias(b0);
    if (a.kind() != b.kind()) {
      return false;
    }
    return switch (a.kind()) {
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING -> true;
      case LIST -> same(((ListType) a).element(), at, ((ListType) b).element(), bt);
      case FIXED_LIST -> ((FixedListType) a).size() == ((FixedListType) b).size()
          && same(((FixedListType) a).element(), at, ((FixedListType) b).element(), bt);
      case MAP -> same(((MapType) a).key(), at, ((MapType) b).key(), bt)
          && same(((MapType) a).value(), at, ((MapType) b).value(), bt);
      case OPTION -> same(((OptionType) a).some(), at, ((OptionType) b).some(), bt);
      case RESULT -> optional(((ResultType) a).ok(), at, ((ResultType) b).ok(), bt)
          && optional(((ResultType) a).err(), at, ((ResultType) b).err(), bt);
      case TUPLE -> all(((TupleType) a).types(), at, ((TupleType) b).types(), bt);
      case RECORD -> fields(((RecordType) a).fields(), at, ((RecordType) b).fields(), bt);
      case VARIANT -> cases(((VariantType) a).cases(), at, ((VariantType) b).cases(), bt);
      case ENUM -> names(((EnumType) a).cases()).equals(names(((EnumType) b).cases()));
      case FLAGS -> names(((FlagsType) a).flags()).equals(names(((FlagsType) b).flags()));
      // weft:host has no resources, futures or streams: an import using them cannot match.
      case OWN, BORROW, RESOURCE, FUTURE, STREAM, ERROR_CONTEXT -> false;
      case NAMED -> throw new AssertionError("unalias never returns a named type");
    };
  }

  private static boolean all(List<WitType> a, TypeTable at, List<WitType> b, TypeTable bt) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), at, b.get(i), bt)) {
        return false;
      }
    }
    return true;
  }

  private static boolean fields(List<Field> a, TypeTable at, List<Field> b, TypeTable bt) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).name().equals(b.get(i).name()) || !same(a.get(i).type(), at, b.get(i).type(), bt)) {
        return false;
      }
    }
    return true;
  }

  private static boolean cases(List<Case> a, TypeTable at, List<Case> b, TypeTable bt) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).name().equals(b.get(i).name()) || !optional(a.get(i).type(), at, b.get(i).type(), bt)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> names(List<Name> names) {
    return names.stream().map(Name::name).toList();
  }
}
