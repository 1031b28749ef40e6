package dev.weft.wit.model;

import java.util.stream.Collectors;

/**
 * WIT type expressions as users write them, for messages: {@code list<string>}, {@code
 * option<tuple<u32, s64>>}, and named definitions by kind and name ({@code record order}).
 */
public final class TypeNames {
  private TypeNames() {}

  /** The type as WIT source would name it. */
  public static String display(WitType type, TypeTable table) {
    return switch (type.kind()) {
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT ->
          ((Primitive) type).witName();
      case LIST -> "list<" + display(((ListType) type).element(), table) + ">";
      case FIXED_LIST -> {
        FixedListType f = (FixedListType) type;
        yield "list<" + display(f.element(), table) + ", " + f.size() + ">";
      }
      case MAP -> "map<" + display(((MapType) type).key(), table) + ", "
          + display(((MapType) type).value(), table) + ">";
      case OPTION -> "option<" + display(((OptionType) type).some(), table) + ">";
      case RESULT -> result((ResultType) type, table);
      case TUPLE ->
          ((TupleType) type)
              .types().stream().map(t -> display(t, table)).collect(Collectors.joining(", ", "tuple<", ">"));
      case RECORD -> "record { " + ((RecordType) type).fields().stream()
              .map(f -> f.name() + ": " + display(f.type(), table)).collect(Collectors.joining(", ")) + " }";
      case VARIANT -> "variant { " + ((VariantType) type).cases().stream()
              .map(c -> c.name() + c.type().map(t -> "(" + display(t, table) + ")").orElse(""))
              .collect(Collectors.joining(", ")) + " }";
      case ENUM -> "enum { " + ((EnumType) type).cases().stream().map(Name::name)
              .collect(Collectors.joining(", ")) + " }";
      case FLAGS -> "flags { " + ((FlagsType) type).flags().stream().map(Name::name)
              .collect(Collectors.joining(", ")) + " }";
      case RESOURCE -> "resource";
      case OWN -> "own<" + nameOf(((Own) type).resource(), table) + ">";
      case BORROW -> "borrow<" + nameOf(((Borrow) type).resource(), table) + ">";
      case FUTURE -> ((FutureType) type).element().map(t -> "future<" + display(t, table) + ">").orElse("future");
      case STREAM -> ((StreamType) type).element().map(t -> "stream<" + display(t, table) + ">").orElse("stream");
      case NAMED -> named(((Named) type).id(), table);
    };
  }

  private static String result(ResultType r, TypeTable table) {
    if (r.ok().isEmpty() && r.err().isEmpty()) {
      return "result";
    }
    String ok = r.ok().map(t -> display(t, table)).orElse("_");
    return r.err().isEmpty()
        ? "result<" + ok + ">"
        : "result<" + ok + ", " + display(r.err().get(), table) + ">";
  }

  private static String named(TypeId id, TypeTable table) {
    TypeDef def = table.type(id);
    if (def.name().isEmpty()) {
      return display(def.definition(), table);
    }
    String kind =
        switch (def.definition().kind()) {
          case RECORD -> "record ";
          case VARIANT -> "variant ";
          case ENUM -> "enum ";
          case FLAGS -> "flags ";
          case RESOURCE -> "resource ";
          case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT,
              LIST, FIXED_LIST, MAP, OPTION, RESULT, TUPLE, OWN, BORROW, FUTURE, STREAM, NAMED -> "";
        };
    return kind + def.name().get();
  }

  private static String nameOf(TypeId id, TypeTable table) {
    return table.type(id).name().orElse("resource");
  }
}
