package dev.weft.wit.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.MapType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import dev.weft.wit.value.WitValue.Bytes;
import dev.weft.wit.value.WitValue.F32;
import dev.weft.wit.value.WitValue.F64;
import dev.weft.wit.value.WitValue.ListValue;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.ResultValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.U64;
import dev.weft.wit.value.WitValue.U8;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** item: record { name: string, qty: u32, tags: option<list<string>> }, color: enum, ... */
  private static final class Types implements TypeTable {
    final List<TypeDef> defs = new ArrayList<>();

    Named define(String name, WitType t) {
      defs.add(TypeDef.named(name, t));
      return new Named(new TypeId(defs.size() - 1));
    }

    @Override
    public TypeDef type(TypeId id) {
      return defs.get(id.index());
    }
  }

  private final Types types = new Types();
  private final Named item =
      types.define(
          "item",
          new RecordType(
              List.of(
                  Field.of("name", Primitive.STRING),
                  Field.of("qty", Primitive.U32),
                  Field.of("tags", new OptionType(new ListType(Primitive.STRING))))));
  private final Named order =
      types.define("order", new RecordType(List.of(Field.of("items", new ListType(item)))));
  private final Named color =
      types.define("color", new EnumType(List.of(Name.of("red"), Name.of("green"))));
  private final Named perms =
      types.define(
          "perms", new FlagsType(List.of(Name.of("read"), Name.of("write"), Name.of("exec"))));
  private final Named shape =
      types.define(
          "shape",
          new VariantType(List.of(Case.of("circle", Primitive.F64), Case.of("none", null))));

  private JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  private void roundTrips(String json, WitType type) throws Exception {
    JsonNode in = json(json);
    WitValue v = ValueJson.fromJson(in, type, types);
    assertEquals(in.toString(), ValueJson.toJson(v, type, types).toString(), json);
  }

  @Test
  void everyKindRoundTripsThroughItsDocumentedForm() throws Exception {
    roundTrips("true", Primitive.BOOL);
    roundTrips("255", Primitive.U8);
    roundTrips("-128", Primitive.S8);
    roundTrips("4294967295", Primitive.U32);
    roundTrips("18446744073709551615", Primitive.U64);
    roundTrips("-9223372036854775808", Primitive.S64);
    roundTrips("\"😀\"", Primitive.CHAR);
    roundTrips("\"héllo\"", Primitive.STRING);
    roundTrips(
        "{\"items\":[{\"name\":\"a\",\"qty\":2,\"tags\":[\"x\"]},{\"name\":\"b\",\"qty\":0,\"tags\":null}]}",
        order);
    roundTrips("[1,\"a\"]", new TupleType(List.of(Primitive.U8, Primitive.STRING)));
    roundTrips("{\"tag\":\"circle\",\"val\":1.5}", shape);
    roundTrips("{\"tag\":\"none\"}", shape);
    roundTrips("\"green\"", color);
    roundTrips("[\"read\",\"exec\"]", perms);
    roundTrips("null", new OptionType(Primitive.U32));
    roundTrips("{\"tag\":\"some\",\"val\":null}", new OptionType(new OptionType(Primitive.U32)));
    roundTrips("{\"tag\":\"none\"}", new OptionType(new OptionType(Primitive.U32)));
    roundTrips(
        "{\"tag\":\"ok\",\"val\":\"x\"}",
        new ResultType(Optional.of(Primitive.STRING), Optional.empty()));
    roundTrips(
        "{\"tag\":\"err\"}", new ResultType(Optional.of(Primitive.STRING), Optional.empty()));
  }

  @Test
  void u64IsExactBeyondDoublePrecision() throws Exception {
    WitValue v = ValueJson.fromJson(json("18446744073709551615"), Primitive.U64, types);
    assertEquals(new U64(-1L), v);
    assertEquals("18446744073709551615", ValueJson.toJson(v, Primitive.U64, types).toString());
    assertEquals(
        "9007199254740993",
        ValueJson.toJson(new U64(9007199254740993L), Primitive.U64, types).toString());
  }

  @Test
  void floatsAlwaysHaveAFractionAndNonFiniteValuesAreStrings() throws Exception {
    assertEquals("2.0", ValueJson.toJson(new F64(2), Primitive.F64, types).toString());
    assertEquals("2.0", ValueJson.toJson(new F32(2), Primitive.F32, types).toString());
    assertEquals("\"NaN\"", ValueJson.toJson(new F64(Double.NaN), Primitive.F64, types).toString());
    assertEquals(
        "\"-Infinity\"",
        ValueJson.toJson(new F32(Float.NEGATIVE_INFINITY), Primitive.F32, types).toString());
    assertEquals(
        new F64(Double.POSITIVE_INFINITY),
        ValueJson.fromJson(json("\"Infinity\""), Primitive.F64, types));
    assertEquals(new F64(3), ValueJson.fromJson(json("3"), Primitive.F64, types));
  }

  @Test
  void listOfU8IsBase64AndReadsFromBase64OrNumbers() throws Exception {
    ListType bytes = new ListType(Primitive.U8);
    WitValue v = ValueJson.fromJson(json("[1,2,255]"), bytes, types);
    assertEquals(Bytes.of(new byte[] {1, 2, (byte) 255}), v);
    assertEquals(ListValue.of(new U8(1), new U8(2), new U8(255)), v);
    assertEquals("\"AQL/\"", ValueJson.toJson(v, bytes, types).toString());
    assertEquals(v, ValueJson.fromJson(json("\"AQL/\""), bytes, types));
    assertEquals(
        "\"AQL/\"",
        ValueJson.toJson(ListValue.of(new U8(1), new U8(2), new U8(255)), bytes, types).toString());
  }

  @Test
  void absentOptionFieldReadsAsNone() throws Exception {
    WitValue v = ValueJson.fromJson(json("{\"name\":\"a\",\"qty\":1}"), item, types);
    assertEquals(Optional.of(OptionValue.NONE), ((WitValue.RecordValue) v).get("tags"));
  }

  @Test
  void mismatchNamesThePathAndTheExpectedType() throws Exception {
    ValueException e =
        assertThrows(
            ValueException.class,
            () ->
                ValueJson.fromJson(
                    json("{\"items\":[{\"name\":\"a\",\"qty\":1},{\"name\":7,\"qty\":1}]}"),
                    order,
                    types));
    assertEquals("$.items[1].name", e.path());
    assertEquals("string", e.expected());
    assertEquals("$.items[1].name: expected `string`, found `7`", e.getMessage());

    ValueException missing =
        assertThrows(ValueException.class, () -> ValueJson.fromJson(json("{}"), order, types));
    assertEquals("$.items", missing.path());
    assertEquals("list<record item>", missing.expected());

    ValueException range =
        assertThrows(
            ValueException.class, () -> ValueJson.fromJson(json("256"), Primitive.U8, types));
    assertEquals("$: expected `u8`, found 256, out of range", range.getMessage());
  }

  @Test
  void charMustBeExactlyOneScalarValue() throws Exception {
    assertThrows(
        ValueException.class, () -> ValueJson.fromJson(json("\"ab\""), Primitive.CHAR, types));
    assertThrows(
        ValueException.class, () -> ValueJson.fromJson(json("\"\""), Primitive.CHAR, types));
    assertThrows(
        ValueException.class, () -> ValueJson.fromJson(json("\"\\ud800\""), Primitive.CHAR, types));
    assertThrows(
        ValueException.class,
        () -> ValueJson.fromJson(json("\"a\\ud800\""), Primitive.STRING, types));
  }

  @Test
  void unknownCasesFlagsAndFieldsListWhatIsValid() throws Exception {
    ValueException e =
        assertThrows(
            ValueException.class, () -> ValueJson.fromJson(json("\"blue\""), color, types));
    assertEquals("$: expected `enum color`, found `blue` (cases: red, green)", e.getMessage());
    ValueException f =
        assertThrows(
            ValueException.class, () -> ValueJson.fromJson(json("[\"run\"]"), perms, types));
    assertEquals("$[0]", f.path());
    ValueException r =
        assertThrows(
            ValueException.class,
            () -> ValueJson.fromJson(json("{\"name\":\"a\",\"qty\":1,\"x\":1}"), item, types));
    assertEquals("$.x", r.path());
  }

  @Test
  void writingAValueOfTheWrongShapeFails() {
    assertThrows(ValueException.class, () -> ValueJson.toJson(new Str("x"), Primitive.U32, types));
    assertThrows(
        ValueException.class,
        () ->
            ValueJson.toJson(
                ResultValue.ok(),
                new ResultType(Optional.of(Primitive.U8), Optional.empty()),
                types));
  }

  @Test
  void flagsAreWrittenInDeclarationOrder() throws Exception {
    WitValue v = WitValue.FlagsValue.of("exec", "read");
    assertEquals("[\"read\",\"exec\"]", ValueJson.toJson(v, perms, types).toString());
  }

  @Test
  void stringKeyedMapIsAnObjectAndOtherMapsArraysOfPairs() throws Exception {
    MapType byName = new MapType(Primitive.STRING, Primitive.U32);
    roundTrips("{\"a\":1,\"b\":2}", byName);
    roundTrips("{}", byName);
    roundTrips("[[1,\"one\"],[2,\"two\"]]", new MapType(Primitive.U32, Primitive.STRING));
    roundTrips("[[\"x\",true]]", new MapType(Primitive.CHAR, Primitive.BOOL));
    // Values of a map are the pairs of its canonical ABI form.
    WitValue v = ValueJson.fromJson(json("{\"a\":1}"), byName, types);
    assertEquals(ListValue.of(WitValue.TupleValue.of(new Str("a"), new WitValue.U32(1))), v);
  }

  @Test
  void stringKeyedMapAlsoReadsPairsAndKeepsTheLastValueOfAKey() throws Exception {
    MapType byName = new MapType(Primitive.STRING, Primitive.U32);
    WitValue pairs = ValueJson.fromJson(json("[[\"a\",1],[\"b\",2],[\"a\",3]]"), byName, types);
    assertEquals(3, ((ListValue) pairs).size(), "reading keeps every pair, as the ABI does");
    assertEquals("{\"a\":3,\"b\":2}", ValueJson.toJson(pairs, byName, types).toString());
  }

  @Test
  void mapMismatchesNameThePath() throws Exception {
    MapType byName = new MapType(Primitive.STRING, Primitive.U32);
    ValueException e =
        assertThrows(
            ValueException.class, () -> ValueJson.fromJson(json("{\"a\":\"x\"}"), byName, types));
    assertEquals("$.a", e.path());
    assertThrows(
        ValueException.class,
        () ->
            ValueJson.fromJson(
                json("{\"1\":\"x\"}"), new MapType(Primitive.U32, Primitive.STRING), types));
  }
}
