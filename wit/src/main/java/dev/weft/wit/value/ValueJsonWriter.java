package dev.weft.wit.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.Kind;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import dev.weft.wit.value.WitValue.Bool;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.CharValue;
import dev.weft.wit.value.WitValue.EnumValue;
import dev.weft.wit.value.WitValue.F32;
import dev.weft.wit.value.WitValue.F64;
import dev.weft.wit.value.WitValue.FieldValue;
import dev.weft.wit.value.WitValue.FlagsValue;
import dev.weft.wit.value.WitValue.Handle;
import dev.weft.wit.value.WitValue.ListLike;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.RecordValue;
import dev.weft.wit.value.WitValue.ResultValue;
import dev.weft.wit.value.WitValue.S16;
import dev.weft.wit.value.WitValue.S32;
import dev.weft.wit.value.WitValue.S64;
import dev.weft.wit.value.WitValue.S8;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.TupleValue;
import dev.weft.wit.value.WitValue.U16;
import dev.weft.wit.value.WitValue.U32;
import dev.weft.wit.value.WitValue.U64;
import dev.weft.wit.value.WitValue.U8;
import dev.weft.wit.value.WitValue.VariantValue;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Optional;

/** Writes WIT values as JSON for {@link ValueJson}, checking them against their type. */
final class ValueJsonWriter {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TypeTable types;

  ValueJsonWriter(TypeTable types) {
    this.types = types;
  }

  private ValueException mismatch(JsonPath path, WitType type, WitValue v) {
    return new ValueException(
        path.toString(),
        WitTypes.display(type, types),
        "found a " + v.kind().name().toLowerCase() + " value");
  }

  JsonNode write(WitValue v, WitType declared, JsonPath path) {
    WitType t = types.unalias(declared);
    return switch (t.kind()) {
      case BOOL -> v instanceof Bool b ? NODES.booleanNode(b.value()) : fail(path, declared, v);
      case U8 -> v instanceof U8 x ? NODES.numberNode(x.value()) : fail(path, declared, v);
      case U16 -> v instanceof U16 x ? NODES.numberNode(x.value()) : fail(path, declared, v);
      case U32 -> v instanceof U32 x ? NODES.numberNode(x.value()) : fail(path, declared, v);
      case U64 ->
          v instanceof U64 x
              ? (x.value() >= 0
                  ? NODES.numberNode(x.value())
                  : NODES.numberNode(new BigInteger(Long.toUnsignedString(x.value()))))
              : fail(path, declared, v);
      case S8 -> v instanceof S8 x ? NODES.numberNode(x.value()) : fail(path, declared, v);
      case S16 -> v instanceof S16 x ? NODES.numberNode(x.value()) : fail(path, declared, v);
      case S32 -> v instanceof S32 x ? NODES.numberNode(x.value()) : fail(path, declared, v);
      case S64 -> v instanceof S64 x ? NODES.numberNode(x.value()) : fail(path, declared, v);
      case F32 -> v instanceof F32 x ? floatNode(x.value()) : fail(path, declared, v);
      case F64 -> v instanceof F64 x ? doubleNode(x.value()) : fail(path, declared, v);
      case CHAR ->
          v instanceof CharValue c
              ? NODES.textNode(new String(Character.toChars(c.codePoint())))
              : fail(path, declared, v);
      case STRING -> v instanceof Str s ? NODES.textNode(s.value()) : fail(path, declared, v);
      case LIST -> list(v, ((ListType) t).element(), -1, declared, path);
      case FIXED_LIST -> {
        FixedListType f = (FixedListType) t;
        yield list(v, f.element(), f.size(), declared, path);
      }
      case MAP -> map(v, (MapType) t, declared, path);
      case OPTION -> option(v, (OptionType) t, declared, path);
      case RESULT -> result(v, (ResultType) t, declared, path);
      case TUPLE -> tuple(v, (TupleType) t, declared, path);
      case RECORD -> record(v, (RecordType) t, declared, path);
      case VARIANT -> variant(v, (VariantType) t, declared, path);
      case ENUM -> enumeration(v, (EnumType) t, declared, path);
      case FLAGS -> flags(v, (FlagsType) t, declared, path);
      case OWN, BORROW ->
          v instanceof Handle h ? NODES.numberNode(h.index()) : fail(path, declared, v);
      case ERROR_CONTEXT, RESOURCE, FUTURE, STREAM, NAMED -> noJson(path, declared);
    };
  }

  private JsonNode fail(JsonPath path, WitType type, WitValue v) {
    throw mismatch(path, type, v);
  }

  private JsonNode noJson(JsonPath path, WitType type) {
    throw new ValueException(
        path.toString(), WitTypes.display(type, types), "a type with no JSON form");
  }

  private static JsonNode floatNode(float f) {
    if (Float.isNaN(f) || Float.isInfinite(f)) {
      return NODES.textNode(nonFinite(f));
    }
    return NODES.numberNode(f);
  }

  private static JsonNode doubleNode(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return NODES.textNode(nonFinite(d));
    }
    return NODES.numberNode(d);
  }

  private static String nonFinite(double d) {
    return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
  }

  private JsonNode list(WitValue v, WitType element, int size, WitType declared, JsonPath path) {
    if (!(v instanceof ListLike l) || (size >= 0 && l.size() != size)) {
      return fail(path, declared, v);
    }
    if (size < 0 && types.unalias(element) == Primitive.U8) {
      byte[] bytes;
      if (l instanceof Bytes b) {
        bytes = b.toArray();
      } else {
        bytes = new byte[l.size()];
        for (int i = 0; i < bytes.length; i++) {
          if (!(l.get(i) instanceof U8 u)) {
            return fail(path.index(i), element, l.get(i));
          }
          bytes[i] = (byte) u.value();
        }
      }
      return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
    }
    ArrayNode out = NODES.arrayNode(l.size());
    for (int i = 0; i < l.size(); i++) {
      out.add(write(l.get(i), element, path.index(i)));
    }
    return out;
  }

  private JsonNode option(WitValue v, OptionType t, WitType declared, JsonPath path) {
    if (!(v instanceof OptionValue o)) {
      return fail(path, declared, v);
    }
    if (isNestedOption(t, types)) {
      return o.value().isEmpty()
          ? tagged("none", null)
          : tagged("some", write(o.value().get(), t.some(), path.field("val")));
    }
    return o.value().isEmpty() ? NODES.nullNode() : write(o.value().get(), t.some(), path);
  }

  private JsonNode result(WitValue v, ResultType t, WitType declared, JsonPath path) {
    if (!(v instanceof ResultValue r)) {
      return fail(path, declared, v);
    }
    Optional<WitType> side = r.isOk() ? t.ok() : t.err();
    if (side.isPresent() != r.value().isPresent()) {
      return fail(path, declared, v);
    }
    JsonNode val = side.isEmpty() ? null : write(r.value().get(), side.get(), path.field("val"));
    return tagged(r.isOk() ? "ok" : "err", val);
  }

  /**
   * A map with string keys writes as an object (a key given twice keeps its last value, as the spec
   * reads maps); other maps write as an array of {@code [key, value]} pairs.
   */
  private JsonNode map(WitValue v, MapType t, WitType declared, JsonPath path) {
    if (types.unalias(t.key()) != Primitive.STRING) {
      return write(v, t.asList(), path);
    }
    if (!(v instanceof ListLike l)) {
      return fail(path, declared, v);
    }
    ObjectNode out = NODES.objectNode();
    for (int i = 0; i < l.size(); i++) {
      if (!(l.get(i) instanceof TupleValue pair)
          || pair.elements().size() != 2
          || !(pair.elements().get(0) instanceof Str key)) {
        return fail(path.index(i), t.asList().element(), l.get(i));
      }
      out.set(key.value(), write(pair.elements().get(1), t.value(), path.field(key.value())));
    }
    return out;
  }

  private JsonNode tuple(WitValue v, TupleType t, WitType declared, JsonPath path) {
    if (!(v instanceof TupleValue tv) || tv.elements().size() != t.types().size()) {
      return fail(path, declared, v);
    }
    ArrayNode out = NODES.arrayNode(t.types().size());
    for (int i = 0; i < t.types().size(); i++) {
      out.add(write(tv.elements().get(i), t.types().get(i), path.index(i)));
    }
    return out;
  }

  private JsonNode record(WitValue v, RecordType t, WitType declared, JsonPath path) {
    if (!(v instanceof RecordValue r) || r.fields().size() != t.fields().size()) {
      return fail(path, declared, v);
    }
    ObjectNode out = NODES.objectNode();
    for (int i = 0; i < t.fields().size(); i++) {
      Field f = t.fields().get(i);
      FieldValue fv = r.fields().get(i);
      if (!fv.name().equals(f.name())) {
        throw new ValueException(
            path.toString(),
            WitTypes.display(declared, types),
            "found field `" + fv.name() + "` where `" + f.name() + "` belongs");
      }
      out.set(f.name(), write(fv.value(), f.type(), path.field(f.name())));
    }
    return out;
  }

  private JsonNode variant(WitValue v, VariantType t, WitType declared, JsonPath path) {
    if (!(v instanceof VariantValue vv)) {
      return fail(path, declared, v);
    }
    for (Case c : t.cases()) {
      if (c.name().equals(vv.caseName())) {
        if (c.type().isPresent() != vv.payload().isPresent()) {
          return fail(path, declared, v);
        }
        JsonNode val =
            c.type().isEmpty()
                ? null
                : write(vv.payload().get(), c.type().get(), path.field("val"));
        return tagged(c.name(), val);
      }
    }
    throw new ValueException(
        path.toString(), WitTypes.display(declared, types), "found case `" + vv.caseName() + "`");
  }

  private JsonNode enumeration(WitValue v, EnumType t, WitType declared, JsonPath path) {
    if (v instanceof EnumValue e
        && t.cases().stream().anyMatch(n -> n.name().equals(e.caseName()))) {
      return NODES.textNode(e.caseName());
    }
    return fail(path, declared, v);
  }

  private JsonNode flags(WitValue v, FlagsType t, WitType declared, JsonPath path) {
    if (!(v instanceof FlagsValue f)) {
      return fail(path, declared, v);
    }
    ArrayNode out = NODES.arrayNode();
    int seen = 0;
    for (Name n : t.flags()) {
      if (f.flags().contains(n.name())) {
        out.add(n.name());
        seen++;
      }
    }
    if (seen != f.flags().size()) {
      return fail(path, declared, v);
    }
    return out;
  }

  static ObjectNode tagged(String tag, JsonNode val) {
    ObjectNode o = NODES.objectNode();
    o.put("tag", tag);
    if (val != null) {
      o.set("val", val);
    }
    return o;
  }

  static boolean isNestedOption(OptionType o, TypeTable types) {
    return types.unalias(o.some()).kind() == Kind.OPTION;
  }
}
