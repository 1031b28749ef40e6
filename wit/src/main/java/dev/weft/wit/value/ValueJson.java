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
import dev.weft.wit.value.WitValue.ListValue;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON mapping of WIT values: one mapping used everywhere (CLI, HTTP bodies, event-bus
 * messages), and a public contract.
 *
 * <table>
 *   <caption>WIT to JSON</caption>
 *   <tr><td>bool, integers, floats</td><td>booleans and numbers; u64/s64 exact; floats always
 *       with a fraction or exponent ({@code 2.0}); NaN and infinities as {@code "NaN"}, {@code
 *       "Infinity"}, {@code "-Infinity"}</td></tr>
 *   <tr><td>char, string</td><td>a string (char: exactly one Unicode scalar value)</td></tr>
 *   <tr><td>record</td><td>an object keyed by kebab-case field names (an absent {@code option}
 *       field reads as none)</td></tr>
 *   <tr><td>tuple, list</td><td>an array; {@code list<u8>} is written as base64 and read from
 *       base64 or an array of numbers</td></tr>
 *   <tr><td>variant</td><td>{@code {"tag": "case", "val": payload}}, {@code {"tag": "case"}}
 *       without payload</td></tr>
 *   <tr><td>enum</td><td>the case name</td></tr>
 *   <tr><td>flags</td><td>an array of the set names, in declaration order</td></tr>
 *   <tr><td>option&lt;T&gt;</td><td>{@code null} or the value; when T is itself an option,
 *       {@code {"tag": "some", "val": ..}} / {@code {"tag": "none"}}</td></tr>
 *   <tr><td>result</td><td>{@code {"tag": "ok", "val": ..}} / {@code {"tag": "err", "val": ..}},
 *       {@code val} absent when that side has no type</td></tr>
 *   <tr><td>own, borrow</td><td>the handle index, a number</td></tr>
 * </table>
 *
 * <p>Both directions check the value against the type and throw {@link ValueException} naming the
 * path into the value and the expected type. Stateless and thread-safe.
 */
public final class ValueJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);

  private ValueJson() {}

  /**
   * The JSON form of {@code value}, which must be of type {@code type}.
   *
   * @throws ValueException when the value does not fit the type
   */
  public static JsonNode toJson(WitValue value, WitType type, TypeTable types) {
    return new Writer(types).write(value, type, JsonPath.ROOT);
  }

  /**
   * The value of type {@code type} that {@code json} denotes.
   *
   * @throws ValueException naming the path and expected type when the JSON does not fit
   */
  public static WitValue fromJson(JsonNode json, WitType type, TypeTable types) {
    return new Reader(types).read(json, type, JsonPath.ROOT);
  }

  /** A path into a value, rendered only when an error is reported. */
  private record JsonPath(JsonPath parent, String segment) {
    static final JsonPath ROOT = new JsonPath(null, "$");

    JsonPath field(String name) {
      return new JsonPath(this, "." + name);
    }

    JsonPath index(int i) {
      return new JsonPath(this, "[" + i + "]");
    }

    @Override
    public String toString() {
      return parent == null ? segment : parent + segment;
    }
  }

  private static boolean isNestedOption(OptionType o, TypeTable types) {
    return types.unalias(o.some()).kind() == Kind.OPTION;
  }

  /** WIT value to JSON. */
  private static final class Writer {
    private final TypeTable types;

    Writer(TypeTable types) {
      this.types = types;
    }

    private ValueException mismatch(JsonPath path, WitType type, WitValue v) {
      return new ValueException(
          path.toString(), WitTypes.display(type, types), "found a " + v.kind().name().toLowerCase() + " value");
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
        case OPTION -> option(v, (OptionType) t, declared, path);
        case RESULT -> result(v, (ResultType) t, declared, path);
        case TUPLE -> tuple(v, (TupleType) t, declared, path);
        case RECORD -> record(v, (RecordType) t, declared, path);
        case VARIANT -> variant(v, (VariantType) t, declared, path);
        case ENUM -> enumeration(v, (EnumType) t, declared, path);
        case FLAGS -> flags(v, (FlagsType) t, declared, path);
        case OWN, BORROW -> v instanceof Handle h ? NODES.numberNode(h.index()) : fail(path, declared, v);
        case ERROR_CONTEXT, RESOURCE, FUTURE, STREAM, NAMED -> noJson(path, declared);
      };
    }

    private JsonNode fail(JsonPath path, WitType type, WitValue v) {
      throw mismatch(path, type, v);
    }

    private JsonNode noJson(JsonPath path, WitType type) {
      throw new ValueException(path.toString(), WitTypes.display(type, types), "a type with no JSON form");
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
              path.toString(), WitTypes.display(declared, types), "found field `" + fv.name() + "` where `" + f.name() + "` belongs");
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
          JsonNode val = c.type().isEmpty() ? null : write(vv.payload().get(), c.type().get(), path.field("val"));
          return tagged(c.name(), val);
        }
      }
      throw new ValueException(path.toString(), WitTypes.display(declared, types), "found case `" + vv.caseName() + "`");
    }

    private JsonNode enumeration(WitValue v, EnumType t, WitType declared, JsonPath path) {
      if (v instanceof EnumValue e && t.cases().stream().anyMatch(n -> n.name().equals(e.caseName()))) {
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
  }

  private static ObjectNode tagged(String tag, JsonNode val) {
    ObjectNode o = NODES.objectNode();
    o.put("tag", tag);
    if (val != null) {
      o.set("val", val);
    }
    return o;
  }

  /** JSON to WIT value. */
  private static final class Reader {
    private final TypeTable types;

    Reader(TypeTable types) {
      this.types = types;
    }

    private ValueException error(JsonPath path, WitType type, String problem) {
      return new ValueException(path.toString(), WitTypes.display(type, types), problem);
    }

    private ValueException mismatch(JsonPath path, WitType type, JsonNode json) {
      return error(path, type, "found " + describe(json));
    }

    private static String describe(JsonNode json) {
      String text = json.toString();
      if (text.length() > 40) {
        text = text.substring(0, 37) + "...";
      }
      return switch (json.getNodeType()) {
        case ARRAY -> "an array";
        case OBJECT -> "an object";
        case NULL, MISSING -> "null";
        case BOOLEAN, NUMBER, STRING, BINARY, POJO -> "`" + text + "`";
      };
    }

    WitValue read(JsonNode json, WitType declared, JsonPath path) {
      WitType t = types.unalias(declared);
      return switch (t.kind()) {
        case BOOL -> {
          if (!json.isBoolean()) {
            throw mismatch(path, declared, json);
          }
          yield Bool.of(json.booleanValue());
        }
        case U8 -> new U8((int) integer(json, declared, path, 0, 0xFF));
        case U16 -> new U16((int) integer(json, declared, path, 0, 0xFFFF));
        case U32 -> new U32(integer(json, declared, path, 0, 0xFFFF_FFFFL));
        case U64 -> new U64(u64(json, declared, path));
        case S8 -> new S8((int) integer(json, declared, path, Byte.MIN_VALUE, Byte.MAX_VALUE));
        case S16 -> new S16((int) integer(json, declared, path, Short.MIN_VALUE, Short.MAX_VALUE));
        case S32 -> new S32((int) integer(json, declared, path, Integer.MIN_VALUE, Integer.MAX_VALUE));
        case S64 -> new S64(integer(json, declared, path, Long.MIN_VALUE, Long.MAX_VALUE));
        case F32 -> new F32((float) floating(json, declared, path));
        case F64 -> new F64(floating(json, declared, path));
        case CHAR -> character(json, declared, path);
        case STRING -> {
          if (!json.isTextual()) {
            throw mismatch(path, declared, json);
          }
          int bad = Str.firstLoneSurrogate(json.textValue());
          if (bad >= 0) {
            throw error(path, declared, "found an unpaired surrogate at index " + bad);
          }
          yield new Str(json.textValue());
        }
        case LIST -> list(json, ((ListType) t).element(), -1, declared, path);
        case FIXED_LIST -> {
          FixedListType f = (FixedListType) t;
          yield list(json, f.element(), f.size(), declared, path);
        }
        case OPTION -> option(json, (OptionType) t, declared, path);
        case RESULT -> result(json, (ResultType) t, declared, path);
        case TUPLE -> tuple(json, (TupleType) t, declared, path);
        case RECORD -> record(json, (RecordType) t, declared, path);
        case VARIANT -> variant(json, (VariantType) t, declared, path);
        case ENUM -> enumeration(json, (EnumType) t, declared, path);
        case FLAGS -> flags(json, (FlagsType) t, declared, path);
        case OWN, BORROW -> new Handle((int) integer(json, declared, path, 0, Integer.MAX_VALUE));
        case ERROR_CONTEXT, RESOURCE, FUTURE, STREAM, NAMED ->
            throw error(path, declared, "a type with no JSON form");
      };
    }

    private long integer(JsonNode json, WitType type, JsonPath path, long min, long max) {
      if (!json.isNumber() || !json.canConvertToExactIntegral()) {
        throw mismatch(path, type, json);
      }
      BigInteger v = json.bigIntegerValue();
      if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
        throw error(path, type, "found " + v + ", out of range");
      }
      return v.longValue();
    }

    private long u64(JsonNode json, WitType type, JsonPath path) {
      if (!json.isNumber() || !json.canConvertToExactIntegral()) {
        throw mismatch(path, type, json);
      }
      BigInteger v = json.bigIntegerValue();
      if (v.signum() < 0 || v.compareTo(U64_LIMIT) >= 0) {
        throw error(path, type, "found " + v + ", out of range");
      }
      return v.longValue();
    }

    private double floating(JsonNode json, WitType type, JsonPath path) {
      if (json.isNumber()) {
        return json.doubleValue();
      }
      if (json.isTextual()) {
        switch (json.textValue()) {
          case "NaN":
            return Double.NaN;
          case "Infinity":
            return Double.POSITIVE_INFINITY;
          case "-Infinity":
            return Double.NEGATIVE_INFINITY;
          default:
            break;
        }
      }
      throw mismatch(path, type, json);
    }

    private WitValue character(JsonNode json, WitType type, JsonPath path) {
      if (!json.isTextual()) {
        throw mismatch(path, type, json);
      }
      String s = json.textValue();
      if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
        throw error(path, type, "found a string of " + s.codePointCount(0, s.length()) + " characters");
      }
      int cp = s.codePointAt(0);
      if (!CharValue.isScalarValue(cp)) {
        throw error(path, type, "found an unpaired surrogate");
      }
      return new CharValue(cp);
    }

    private WitValue list(JsonNode json, WitType element, int size, WitType declared, JsonPath path) {
      boolean bytes = size < 0 && types.unalias(element) == Primitive.U8;
      if (bytes && json.isTextual()) {
        try {
          return Bytes.wrap(Base64.getDecoder().decode(json.textValue()));
        } catch (IllegalArgumentException e) {
          throw error(path, declared, "found a string that is not base64");
        }
      }
      if (!json.isArray()) {
        throw mismatch(path, declared, json);
      }
      if (size >= 0 && json.size() != size) {
        throw error(path, declared, "found an array of " + json.size() + " elements");
      }
      if (bytes) {
        byte[] out = new byte[json.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = (byte) integer(json.get(i), element, path.index(i), 0, 0xFF);
        }
        return Bytes.wrap(out);
      }
      List<WitValue> out = new ArrayList<>(json.size());
      for (int i = 0; i < json.size(); i++) {
        out.add(read(json.get(i), element, path.index(i)));
      }
      return new ListValue(out);
    }

    private WitValue option(JsonNode json, OptionType t, WitType declared, JsonPath path) {
      if (isNestedOption(t, types)) {
        String tag = tag(json, declared, path, List.of("none", "some"));
        return tag.equals("none")
            ? OptionValue.NONE
            : OptionValue.some(read(val(json, declared, path), t.some(), path.field("val")));
      }
      return json.isNull() || json.isMissingNode()
          ? OptionValue.NONE
          : OptionValue.some(read(json, t.some(), path));
    }

    private WitValue result(JsonNode json, ResultType t, WitType declared, JsonPath path) {
      String tag = tag(json, declared, path, List.of("ok", "err"));
      boolean ok = tag.equals("ok");
      Optional<WitType> side = ok ? t.ok() : t.err();
      if (side.isEmpty()) {
        if (json.has("val") && !json.get("val").isNull()) {
          throw error(path.field("val"), declared, "found a value for `" + tag + "`, which has none");
        }
        return new ResultValue(ok, Optional.empty());
      }
      return new ResultValue(ok, Optional.of(read(val(json, declared, path), side.get(), path.field("val"))));
    }

    private String tag(JsonNode json, WitType type, JsonPath path, List<String> allowed) {
      if (!json.isObject()) {
        throw mismatch(path, type, json);
      }
      JsonNode tag = json.get("tag");
      if (tag == null || !tag.isTextual()) {
        throw error(path, type, "found an object without a string `tag`");
      }
      if (!allowed.contains(tag.textValue())) {
        throw error(path.field("tag"), type, "found `" + tag.textValue() + "` (valid tags: " + String.join(", ", allowed) + ")");
      }
      return tag.textValue();
    }

    private JsonNode val(JsonNode json, WitType type, JsonPath path) {
      JsonNode val = json.get("val");
      if (val == null) {
        throw error(path, type, "found an object without `val`");
      }
      return val;
    }

    private WitValue tuple(JsonNode json, TupleType t, WitType declared, JsonPath path) {
      if (!json.isArray() || json.size() != t.types().size()) {
        throw mismatch(path, declared, json);
      }
      List<WitValue> out = new ArrayList<>(json.size());
      for (int i = 0; i < json.size(); i++) {
        out.add(read(json.get(i), t.types().get(i), path.index(i)));
      }
      return new TupleValue(out);
    }

    private WitValue record(JsonNode json, RecordType t, WitType declared, JsonPath path) {
      if (!json.isObject()) {
        throw mismatch(path, declared, json);
      }
      List<FieldValue> out = new ArrayList<>(t.fields().size());
      for (Field f : t.fields()) {
        JsonNode fj = json.get(f.name());
        if (fj == null && types.unalias(f.type()).kind() != Kind.OPTION) {
          throw error(path.field(f.name()), f.type(), "found nothing (the field is missing)");
        }
        out.add(new FieldValue(f.name(), read(fj == null ? NODES.nullNode() : fj, f.type(), path.field(f.name()))));
      }
      for (Map.Entry<String, JsonNode> entry : json.properties()) {
        String key = entry.getKey();
        if (t.fields().stream().noneMatch(f -> f.name().equals(key))) {
          throw error(path.field(key), declared, "found unknown field `" + key + "` (fields: "
              + String.join(", ", t.fields().stream().map(Field::name).toList()) + ")");
        }
      }
      return new RecordValue(out);
    }

    private WitValue variant(JsonNode json, VariantType t, WitType declared, JsonPath path) {
      String tag = tag(json, declared, path, t.cases().stream().map(Case::name).toList());
      Case c = t.cases().stream().filter(k -> k.name().equals(tag)).findFirst().orElseThrow();
      if (c.type().isEmpty()) {
        return VariantValue.of(tag);
      }
      return VariantValue.of(tag, read(val(json, declared, path), c.type().get(), path.field("val")));
    }

    private WitValue enumeration(JsonNode json, EnumType t, WitType declared, JsonPath path) {
      if (!json.isTextual()) {
        throw mismatch(path, declared, json);
      }
      String s = json.textValue();
      if (t.cases().stream().noneMatch(n -> n.name().equals(s))) {
        throw error(path, declared, "found `" + s + "` (cases: "
            + String.join(", ", t.cases().stream().map(Name::name).toList()) + ")");
      }
      return new EnumValue(s);
    }

    private WitValue flags(JsonNode json, FlagsType t, WitType declared, JsonPath path) {
      if (!json.isArray()) {
        throw mismatch(path, declared, json);
      }
      Set<String> set = new LinkedHashSet<>();
      for (int i = 0; i < json.size(); i++) {
        JsonNode e = json.get(i);
        if (!e.isTextual() || t.flags().stream().noneMatch(n -> n.name().equals(e.textValue()))) {
          throw error(path.index(i), declared, "found " + describe(e) + " (flags: "
              + String.join(", ", t.flags().stream().map(Name::name).toList()) + ")");
        }
        set.add(e.textValue());
      }
      // Declaration order, so that equal sets print the same way.
      Set<String> ordered = new LinkedHashSet<>();
      for (Name n : t.flags()) {
        if (set.contains(n.name())) {
          ordered.add(n.name());
        }
      }
      return new FlagsValue(ordered);
    }
  }
}
