package dev.weft.wit.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Name;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitType;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the vectors that {@code src/test/python/gen_abi_vectors.py} computed with the spec's
 * reference implementation (definitions.py): sizes, alignment, flattening, lifting what the
 * reference stored and lowered, and trapping exactly where the reference traps.
 */
class AbiVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> codecsAgreeWithTheReferenceImplementation() throws IOException {
    JsonNode root;
    try (InputStream in = AbiVectorsTest.class.getResourceAsStream("/abi/vectors.json")) {
      root = JSON.readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    int i = 0;
    for (JsonNode v : root.get("vectors")) {
      int n = i++;
      JsonNode shown = v.has("type") ? v.get("type") : v.get("params");
      String name = "#" + n + " " + v.get("kind").asText() + " " + shown;
      tests.add(
          DynamicTest.dynamicTest(
              name.length() > 120 ? name.substring(0, 120) : name, () -> run(v)));
    }
    return tests.stream();
  }

  private static void run(JsonNode v) {
    if (v.get("kind").asText().equals("function")) {
      runFunction(v);
      return;
    }
    AbiTestSupport.Types types = new AbiTestSupport.Types();
    WitType type = type(v.get("type"), types);
    Codec codec = Codecs.build(type, types);
    StringEncoding enc = encoding(v.get("encoding").asText());
    List<String> flatTypes = new ArrayList<>();
    v.get("flat").forEach(f -> flatTypes.add(f.asText()));
    assertEquals(
        flatTypes,
        Stream.of(codec.flat).map(c -> c.name().toLowerCase(Locale.ROOT)).toList(),
        "flat types");
    long[] flat = new long[flatTypes.size()];
    for (int k = 0; k < flat.length; k++) {
      flat[k] = new BigInteger(v.get("flatValues").get(k).asText()).longValue();
    }
    byte[] memory = Base64.getDecoder().decode(v.get("memory").asText());
    if (v.get("kind").asText().equals("lift")) {
      ByteArrayMemory m = load(memory, memory.length);
      AbiContext cx = new AbiContext(m, enc, null);
      if (v.get("trap").asBoolean()) {
        assertThrows(AbiException.class, () -> codec.liftFlat(cx, flat, 0), "the reference traps");
      } else {
        assertEquals(ValueJson.fromJson(v.get("value"), type, types), codec.liftFlat(cx, flat, 0));
      }
      return;
    }
    assertEquals(v.get("size").asInt(), codec.size, "size");
    assertEquals(v.get("align").asInt(), codec.align, "align");
    WitValue value = ValueJson.fromJson(v.get("value"), type, types);
    // What the reference stored, loaded by Weft.
    ByteArrayMemory stored = load(memory, 1 << 16);
    assertEquals(
        value, codec.load(new AbiContext(stored, enc, null), v.get("ptr").asLong()), "load");
    // What the reference lowered flat, lifted by Weft.
    ByteArrayMemory flatMem =
        load(Base64.getDecoder().decode(v.get("flatMemory").asText()), 1 << 16);
    assertEquals(value, codec.liftFlat(new AbiContext(flatMem, enc, null), flat, 0), "liftFlat");
    // Weft's own round trips.
    ByteArrayMemory mine = new ByteArrayMemory(1 << 16);
    AbiContext cx = new AbiContext(mine, enc, null);
    long ptr = cx.allocate(codec.align, codec.size, "test");
    codec.store(cx, value, ptr);
    assertEquals(value, codec.load(cx, ptr), "store then load");
    long[] out = new long[codec.flat.length];
    codec.lowerFlat(cx, value, out, 0);
    assertEquals(value, codec.liftFlat(cx, out, 0), "lowerFlat then liftFlat");
    if (!codec.usesMemory()) {
      // Without strings or lists no realloc runs, so Weft's bits must be the reference's.
      assertArrayEquals(flat, out, "flat values");
      assertEquals(v.get("ptr").asLong(), ptr);
      byte[] mineBytes = java.util.Arrays.copyOf(mine.bytes, memory.length);
      assertArrayEquals(memory, mineBytes, "stored bytes");
    }
  }

  /**
   * Flattening of a whole function: signatures, spilling, and lifting what the reference lowered.
   */
  private static void runFunction(JsonNode v) {
    AbiTestSupport.Types types = new AbiTestSupport.Types();
    List<WitType> params = new ArrayList<>();
    v.get("params").forEach(p -> params.add(type(p, types)));
    WitType result = v.get("result").isNull() ? null : type(v.get("result"), types);
    StringEncoding enc = encoding(v.get("encoding").asText());
    FunctionCodec c =
        FunctionCodec.bind(
            AbiTestSupport.fn(params, result), types, new CanonOptions(enc, true, true));
    assertEquals(signature(v.get("liftSignature")), c.liftSignature(), "lift signature");
    assertEquals(signature(v.get("lowerSignature")), c.lowerSignature(), "lower signature");
    List<WitValue> values = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      values.add(ValueJson.fromJson(v.get("values").get(i), params.get(i), types));
    }
    long[] flat = new long[v.get("flatValues").size()];
    for (int k = 0; k < flat.length; k++) {
      flat[k] = new BigInteger(v.get("flatValues").get(k).asText()).longValue();
    }
    ByteArrayMemory theirs = load(Base64.getDecoder().decode(v.get("memory").asText()), 1 << 16);
    assertEquals(values, c.liftParams(flat, theirs, null), "lifting the reference's lowering");
    ByteArrayMemory mine = new ByteArrayMemory(1 << 16);
    long[] out = c.lowerParams(values, mine);
    assertEquals(flat.length, out.length, "flat parameter count");
    assertEquals(values, c.liftParams(out, mine, null), "round trip");
  }

  private static CoreSignature signature(JsonNode sig) {
    List<CoreType> ps = new ArrayList<>();
    sig.get(0).forEach(t -> ps.add(CoreType.valueOf(t.asText().toUpperCase(Locale.ROOT))));
    List<CoreType> rs = new ArrayList<>();
    sig.get(1).forEach(t -> rs.add(CoreType.valueOf(t.asText().toUpperCase(Locale.ROOT))));
    return new CoreSignature(ps, rs);
  }

  private static ByteArrayMemory load(byte[] bytes, int size) {
    ByteArrayMemory m = new ByteArrayMemory(Math.max(size, bytes.length));
    System.arraycopy(bytes, 0, m.bytes, 0, bytes.length);
    m.top = Math.max(8, bytes.length);
    return m;
  }

  private static StringEncoding encoding(String s) {
    return switch (s) {
      case "utf8" -> StringEncoding.UTF8;
      case "utf16" -> StringEncoding.UTF16;
      default -> StringEncoding.LATIN1_UTF16;
    };
  }

  static WitType type(JsonNode t, AbiTestSupport.Types types) {
    String k = t.get("k").asText();
    return switch (k) {
      case "bool" -> Primitive.BOOL;
      case "s8" -> Primitive.S8;
      case "u8" -> Primitive.U8;
      case "s16" -> Primitive.S16;
      case "u16" -> Primitive.U16;
      case "s32" -> Primitive.S32;
      case "u32" -> Primitive.U32;
      case "s64" -> Primitive.S64;
      case "u64" -> Primitive.U64;
      case "f32" -> Primitive.F32;
      case "f64" -> Primitive.F64;
      case "char" -> Primitive.CHAR;
      case "string" -> Primitive.STRING;
      case "list" -> new ListType(type(t.get("e"), types));
      case "fixed" -> new FixedListType(type(t.get("e"), types), t.get("n").asInt());
      case "record" -> {
        List<Field> fs = new ArrayList<>();
        t.get("fields").forEach(f -> fs.add(Field.of(f.get(0).asText(), type(f.get(1), types))));
        yield types.define("r", new RecordType(fs));
      }
      case "tuple" -> {
        List<WitType> ts = new ArrayList<>();
        t.get("types").forEach(x -> ts.add(type(x, types)));
        yield new TupleType(ts);
      }
      case "variant" -> {
        List<Case> cs = new ArrayList<>();
        t.get("cases")
            .forEach(
                c ->
                    cs.add(
                        Case.of(
                            c.get(0).asText(), c.get(1).isNull() ? null : type(c.get(1), types))));
        yield types.define("v", new VariantType(cs));
      }
      case "enum" -> types.define("e", new EnumType(names(t)));
      case "flags" -> types.define("g", new FlagsType(names(t)));
      case "option" -> new OptionType(type(t.get("t"), types));
      case "result" ->
          new ResultType(
              t.get("ok").isNull() ? Optional.empty() : Optional.of(type(t.get("ok"), types)),
              t.get("err").isNull() ? Optional.empty() : Optional.of(type(t.get("err"), types)));
      default -> throw new IllegalArgumentException(k);
    };
  }

  private static List<Name> names(JsonNode t) {
    List<Name> out = new ArrayList<>();
    t.get("names").forEach(n -> out.add(Name.of(n.asText())));
    return out;
  }
}
