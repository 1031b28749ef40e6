package dev.weft.wit.print;

import dev.weft.wit.model.Borrow;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.WitType;
import java.util.StringJoiner;

/**
 * A type as WIT source. Named types print as their name: resolved from text, every type a body
 * refers to is declared or {@code use}d in that body, so the name is in scope. A bare resource name
 * means {@code own<R>}, which is how {@link Own} prints.
 */
final class TypeText {
  private final Resolve resolve;

  TypeText(Resolve resolve) {
    this.resolve = resolve;
  }

  String of(WitType t) {
    return switch (t.kind()) {
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT ->
          ((Primitive) t).witName();
      case LIST -> "list<" + of(((ListType) t).element()) + ">";
      case FIXED_LIST ->
          "list<" + of(((FixedListType) t).element()) + ", " + ((FixedListType) t).size() + ">";
      case MAP -> "map<" + of(((MapType) t).key()) + ", " + of(((MapType) t).value()) + ">";
      case OPTION -> "option<" + of(((OptionType) t).some()) + ">";
      case RESULT -> result((ResultType) t);
      case TUPLE -> {
        StringJoiner j = new StringJoiner(", ", "tuple<", ">");
        ((TupleType) t).types().forEach(x -> j.add(of(x)));
        yield j.toString();
      }
      case OWN -> name(((Own) t).resource());
      case BORROW -> "borrow<" + name(((Borrow) t).resource()) + ">";
      case FUTURE -> ((FutureType) t).element().map(e -> "future<" + of(e) + ">").orElse("future");
      case STREAM -> ((StreamType) t).element().map(e -> "stream<" + of(e) + ">").orElse("stream");
      case NAMED -> named(((Named) t).id());
      case RECORD, VARIANT, ENUM, FLAGS, RESOURCE ->
          throw new IllegalStateException(
              "a " + t.kind() + " is only the definition of a named type");
    };
  }

  private String result(ResultType r) {
    if (r.ok().isEmpty() && r.err().isEmpty()) {
      return "result";
    }
    if (r.err().isEmpty()) {
      return "result<" + of(r.ok().get()) + ">";
    }
    return "result<" + r.ok().map(this::of).orElse("_") + ", " + of(r.err().get()) + ">";
  }

  /**
   * A reference to a type definition: its name, or for an anonymous definition (as a decoded
   * component has for {@code list<u8>} and the like) the structure itself.
   */
  private String named(TypeId id) {
    var def = resolve.type(id);
    return def.name().isPresent() ? Out.id(def.name().get()) : of(def.definition());
  }

  String name(TypeId id) {
    return Out.id(
        resolve
            .type(id)
            .name()
            .orElseThrow(
                () -> new IllegalStateException("anonymous type " + id + " referenced by name")));
  }
}
