package dev.weft.wit.value;

import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders WIT types for messages, in WIT syntax: {@code list<string>}, {@code option<u32>}, and a
 * named definition by its keyword and name ({@code record order}, {@code enum color}).
 */
public final class WitTypes {
  private WitTypes() {}

  /**
   * The WIT spelling of {@code type}.
   *
   * @param type any type of {@code types}
   * @param types the table that {@link Named} references point into
   * @return a one-line rendering, for error messages
   */
  public static String display(WitType type, TypeTable types) {
    return display(type, types, 0);
  }

  /** Beyond this depth a type renders as {@code ...}: messages stay short, hostile types cheap. */
  static final int MAX_DISPLAY_DEPTH = 12;

  private static String display(WitType type, TypeTable types, int depth) {
    if (depth > MAX_DISPLAY_DEPTH) {
      return "...";
    }
    int d = depth + 1;
    return switch (type.kind()) {
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT ->
          ((Primitive) type).witName();
      case LIST -> "list<" + display(((ListType) type).element(), types, d) + ">";
      case FIXED_LIST -> {
        FixedListType f = (FixedListType) type;
        yield "list<" + display(f.element(), types, d) + ", " + f.size() + ">";
      }
      case MAP ->
          "map<"
              + display(((MapType) type).key(), types, d)
              + ", "
              + display(((MapType) type).value(), types, d)
              + ">";
      case OPTION -> "option<" + display(((OptionType) type).some(), types, d) + ">";
      case RESULT -> result((ResultType) type, types, d);
      case TUPLE ->
          ((TupleType) type)
              .types().stream()
                  .map(t -> display(t, types, d))
                  .collect(Collectors.joining(", ", "tuple<", ">"));
      case RECORD ->
          ((RecordType) type)
              .fields().stream()
                  .map((Field f) -> f.name() + ": " + display(f.type(), types, d))
                  .collect(Collectors.joining(", ", "record { ", " }"));
      case VARIANT ->
          ((VariantType) type)
              .cases().stream()
                  .map(
                      (Case c) ->
                          c.name() + c.type().map(t -> "(" + display(t, types, d) + ")").orElse(""))
                  .collect(Collectors.joining(", ", "variant { ", " }"));
      case ENUM ->
          ((EnumType) type)
              .cases().stream().map(Name::name).collect(Collectors.joining(", ", "enum { ", " }"));
      case FLAGS ->
          ((FlagsType) type)
              .flags().stream().map(Name::name).collect(Collectors.joining(", ", "flags { ", " }"));
      case RESOURCE -> "resource";
      case OWN -> "own<" + resourceName(((dev.weft.wit.model.Own) type).resource(), types) + ">";
      case BORROW ->
          "borrow<" + resourceName(((dev.weft.wit.model.Borrow) type).resource(), types) + ">";
      case FUTURE -> withElement("future", ((FutureType) type).element(), types, d);
      case STREAM -> withElement("stream", ((StreamType) type).element(), types, d);
      case NAMED -> named(((Named) type).id(), types, d);
    };
  }

  private static String named(TypeId id, TypeTable types, int depth) {
    TypeDef def = types.type(id);
    if (def.name().isEmpty()) {
      return display(def.definition(), types, depth);
    }
    String name = def.name().get();
    return switch (def.definition().kind()) {
      case RECORD -> "record " + name;
      case VARIANT -> "variant " + name;
      case ENUM -> "enum " + name;
      case FLAGS -> "flags " + name;
      case RESOURCE -> "resource " + name;
      case BOOL,
              U8,
              U16,
              U32,
              U64,
              S8,
              S16,
              S32,
              S64,
              F32,
              F64,
              CHAR,
              STRING,
              ERROR_CONTEXT,
              LIST,
              FIXED_LIST,
              MAP,
              OPTION,
              RESULT,
              TUPLE,
              OWN,
              BORROW,
              FUTURE,
              STREAM,
              NAMED ->
          name;
    };
  }

  private static String resourceName(TypeId id, TypeTable types) {
    return types.type(id).name().orElse("resource#" + id.index());
  }

  private static String result(ResultType r, TypeTable types, int d) {
    if (r.ok().isEmpty() && r.err().isEmpty()) {
      return "result";
    }
    String ok = r.ok().map(t -> display(t, types, d)).orElse("_");
    return r.err()
        .map(e -> "result<" + ok + ", " + display(e, types, d) + ">")
        .orElse("result<" + ok + ">");
  }

  private static String withElement(
      String keyword, Optional<WitType> element, TypeTable types, int d) {
    return element.map(t -> keyword + "<" + display(t, types, d) + ">").orElse(keyword);
  }
}
