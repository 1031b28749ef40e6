package dev.weft.wit.value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

/** Reads WIT values from JSON for {@link ValueJson}, checking the JSON against the type. */
final class ValueJsonReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);

  private final TypeTable types;

  ValueJsonReader(TypeTable types) {
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
      case S32 ->
          new S32((int) integer(json, declared, path, Integer.MIN_VALUE, Integer.MAX_VALUE));
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
      case MAP -> map(json, (MapType) t, declared, path);
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
      throw error(
          path, type, "found a string of " + s.codePointCount(0, s.length()) + " characters");
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
    if (ValueJsonWriter.isNestedOption(t, types)) {
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
    return new ResultValue(
        ok, Optional.of(read(val(json, declared, path), side.get(), path.field("val"))));
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
      throw error(
          path.field("tag"),
          type,
          "found `" + tag.textValue() + "` (valid tags: " + String.join(", ", allowed) + ")");
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

  /**
   * A map with string keys reads from an object ({@code {"k": v}}, in the object's order); any map
   * reads from an array of {@code [key, value]} pairs (what {@code Object.entries} and {@code new
   * Map(entries)} use in JavaScript).
   */
  private WitValue map(JsonNode json, MapType t, WitType declared, JsonPath path) {
    if (json.isObject() && types.unalias(t.key()) == Primitive.STRING) {
      List<WitValue> pairs = new ArrayList<>(json.size());
      for (Map.Entry<String, JsonNode> e : json.properties()) {
        int bad = Str.firstLoneSurrogate(e.getKey());
        if (bad >= 0) {
          throw error(path, declared, "found a key with an unpaired surrogate at index " + bad);
        }
        pairs.add(
            new TupleValue(
                List.of(
                    new Str(e.getKey()), read(e.getValue(), t.value(), path.field(e.getKey())))));
      }
      return new ListValue(pairs);
    }
    if (!json.isArray()) {
      throw mismatch(path, declared, json);
    }
    return read(json, t.asList(), path);
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
      out.add(
          new FieldValue(
              f.name(), read(fj == null ? NODES.nullNode() : fj, f.type(), path.field(f.name()))));
    }
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      String key = entry.getKey();
      if (t.fields().stream().noneMatch(f -> f.name().equals(key))) {
        throw error(
            path.field(key),
            declared,
            "found unknown field `"
                + key
                + "` (fields: "
                + String.join(", ", t.fields().stream().map(Field::name).toList())
                + ")");
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
      throw error(
          path,
          declared,
          "found `"
              + s
              + "` (cases: "
              + String.join(", ", t.cases().stream().map(Name::name).toList())
              + ")");
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
        throw error(
            path.index(i),
            declared,
            "found "
                + describe(e)
                + " (flags: "
                + String.join(", ", t.flags().stream().map(Name::name).toList())
                + ")");
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
