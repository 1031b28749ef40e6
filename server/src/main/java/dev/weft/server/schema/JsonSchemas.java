package dev.weft.server.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import java.math.BigInteger;

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses it) of the JSON form of a WIT type, following
 * docs/values.md rule by rule: integers with their ranges, floats that may be {@code "NaN"},
 * {@code list<u8>} as base64 or numbers, variants as {@code {tag, val}}, options as {@code null}
 * or the value. WIT types cannot be recursive, so schemas are written inline; named types keep
 * their name as {@code title}.
 */
public final class JsonSchemas {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonSchemas() {}

  /** The schema of values of {@code type}. */
  public static ObjectNode of(WitType type, TypeTable table) {
    return switch (type.kind()) {
      case BOOL -> typed("boolean");
      case U8 -> integer(0, 255);
      case U16 -> integer(0, 65535);
      case U32 -> integer(0, 4294967295L);
      case U64 -> typed("integer").put("minimum", 0).put("maximum", new BigInteger("18446744073709551615"));
      case S8 -> integer(-128, 127);
      case S16 -> integer(-32768, 32767);
      case S32 -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case S64 -> integer(Long.MIN_VALUE, Long.MAX_VALUE);
      case F32, F64 -> floating(type == Primitive.F32 ? "float" : "double");
      case CHAR -> typed("string").put("minLength", 1).put("maxLength", 1)
          .put("description", "one Unicode scalar value");
      case STRING -> typed("string");
      case LIST -> list(((ListType) type).element(), table);
      case FIXED_LIST -> {
        FixedListType f = (FixedListType) type;
        yield typed("array").<ObjectNode>set("items", of(f.element(), table))
            .put("minItems", f.size()).put("maxItems", f.size());
      }
      // docs/values.md: string-keyed maps are objects, other maps arrays of [key, value] pairs.
      case MAP -> table.unalias(((MapType) type).key()) == Primitive.STRING
          ? typed("object").set("additionalProperties", of(((MapType) type).value(), table))
          : list(((MapType) type).asList().element(), table);
      case OPTION -> option(((OptionType) type).some(), table);
      case RESULT -> result((ResultType) type, table);
      case TUPLE -> tuple((TupleType) type, table);
      case RECORD -> record((RecordType) type, table);
      case VARIANT -> variant((VariantType) type, table);
      case ENUM -> {
        ArrayNode cases = F.arrayNode();
        ((EnumType) type).cases().forEach(c -> cases.add(c.name()));
        yield typed("string").set("enum", cases);
      }
      case FLAGS -> {
        ArrayNode flags = F.arrayNode();
        ((FlagsType) type).flags().forEach(n -> flags.add(n.name()));
        yield typed("array").<ObjectNode>set("items", typed("string").set("enum", flags))
            .put("uniqueItems", true)
            .put("description", "the set flags, in declaration order");
      }
      case OWN, BORROW -> typed("integer").put("minimum", 0).put("description", "a resource handle");
      case NAMED -> {
        Named n = (Named) type;
        ObjectNode s = of(table.type(n.id()).definition(), table);
        String name = TypeNames.display(type, table);
        if (!s.has("title")) {
          s.put("title", name);
        }
        yield s;
      }
      case ERROR_CONTEXT, RESOURCE, FUTURE, STREAM -> F.objectNode()
          .put("description", "`" + TypeNames.display(type, table) + "` has no JSON form");
    };
  }

  private static ObjectNode typed(String type) {
    return F.objectNode().put("type", type);
  }

  private static ObjectNode integer(long min, long max) {
    return typed("integer").put("minimum", min).put("maximum", max);
  }

  private static ObjectNode floating(String format) {
    ObjectNode special = typed("string");
    special.set("enum", F.arrayNode().add("NaN").add("Infinity").add("-Infinity"));
    ObjectNode s = F.objectNode();
    s.set("oneOf", F.arrayNode().add(typed("number").put("format", format)).add(special));
    return s;
  }

  private static ObjectNode list(WitType element, TypeTable table) {
    if (table.unalias(element) == Primitive.U8) {
      ObjectNode s = F.objectNode();
      s.set("oneOf", F.arrayNode()
          .add(typed("string").put("contentEncoding", "base64"))
          .add(typed("array").set("items", integer(0, 255))));
      return s.put("description", "bytes: written as base64, read from base64 or an array of numbers");
    }
    return typed("array").set("items", of(element, table));
  }

  private static ObjectNode option(WitType some, TypeTable table) {
    if (table.unalias(some) instanceof OptionType) {
      ObjectNode s = F.objectNode();
      s.set("oneOf", F.arrayNode().add(tagged("some", of(some, table))).add(tagged("none", null)));
      return s;
    }
    ObjectNode s = F.objectNode();
    s.set("anyOf", F.arrayNode().add(typed("null")).add(of(some, table)));
    return s;
  }

  private static ObjectNode result(ResultType r, TypeTable table) {
    ObjectNode s = F.objectNode();
    s.set("oneOf", F.arrayNode()
        .add(tagged("ok", r.ok().map(t -> of(t, table)).orElse(null)))
        .add(tagged("err", r.err().map(t -> of(t, table)).orElse(null))));
    return s;
  }

  private static ObjectNode tuple(TupleType t, TypeTable table) {
    ArrayNode items = F.arrayNode();
    t.types().forEach(x -> items.add(of(x, table)));
    return typed("array").<ObjectNode>set("prefixItems", items)
        .put("minItems", t.types().size()).put("maxItems", t.types().size());
  }

  private static ObjectNode record(RecordType r, TypeTable table) {
    ObjectNode props = F.objectNode();
    ArrayNode required = F.arrayNode();
    for (Field f : r.fields()) {
      props.set(f.name(), of(f.type(), table));
      if (!(table.unalias(f.type()) instanceof OptionType)) {
        required.add(f.name()); // an absent option field reads as none
      }
    }
    return typed("object").<ObjectNode>set("properties", props).<ObjectNode>set("required", required)
        .put("additionalProperties", false);
  }

  private static ObjectNode variant(VariantType v, TypeTable table) {
    ArrayNode cases = F.arrayNode();
    for (Case c : v.cases()) {
      cases.add(tagged(c.name(), c.type().map(t -> of(t, table)).orElse(null)));
    }
    ObjectNode s = F.objectNode();
    s.set("oneOf", cases);
    return s;
  }

  /** {@code {"tag": name, "val": payload}}, or {@code {"tag": name}} when there is no payload. */
  private static ObjectNode tagged(String tag, ObjectNode payload) {
    ObjectNode props = F.objectNode();
    props.set("tag", F.objectNode().put("const", tag));
    ArrayNode required = F.arrayNode().add("tag");
    if (payload != null) {
      props.set("val", payload);
      required.add("val");
    }
    return typed("object").<ObjectNode>set("properties", props).<ObjectNode>set("required", required)
        .put("additionalProperties", false);
  }

}
