package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.ExportedFunction;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.engine.wasm.LoadedComponent;
import dev.weft.wit.model.Function;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Weft against a second runtime, for a guest written in Rust: examples/components/rusty/
 * vectors.json holds what the rusty component (rustc, no_std, hand-written Canonical ABI glue)
 * returned under jco transpile + Node for 54 calls (strings, lists, an option of a record, an enum,
 * a result, s64 extremes), in Weft's JSON mapping; Weft must give the same values.
 */
class RustyVectorsTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /**
   * Numbers compare by value: jco prints 2 where Weft prints 2.0, and the two print the shortest
   * decimal of an f32 or f64 with different algorithms (1E-45 and 1.4E-45 are the same f32), so a
   * float is compared as the float it denotes. Everything else compares exactly.
   */
  private static final Comparator<JsonNode> SAME = (expected, actual) -> {
    if (expected.isNumber() && actual.isNumber()) {
      if (new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0) {
        return 0;
      }
      if (actual.isFloat()) {
        return Float.compare(expected.floatValue(), actual.floatValue());
      }
      return Double.compare(expected.doubleValue(), actual.doubleValue());
    }
    return expected.equals(actual) ? 0 : 1;
  };

  @TestFactory
  Stream<DynamicTest> weftReturnsWhatJcoReturned() throws Exception {
    JsonNode vectors = JSON.readTree(Cli.ROOT.resolve("examples/components/rusty/vectors.json").toFile());
    LoadedComponent rusty = ComponentLoader.load(
        Cli.ROOT.resolve("examples/components/rusty/rusty.wasm"), LoadOptions.defaults());
    assertTrue(vectors.size() >= 50);
    List<DynamicTest> tests = new ArrayList<>();
    int i = 0;
    for (JsonNode v : vectors) {
      String fn = v.get("function").asText();
      tests.add(DynamicTest.dynamicTest(i++ + " " + fn + " " + v.get("args"), () -> check(rusty, v)));
    }
    return tests.stream();
  }

  private static void check(LoadedComponent rusty, JsonNode v) {
    ExportedFunction e = rusty.findExport(v.get("function").asText()).orElseThrow();
    Function f = e.function();
    List<WitValue> args = new ArrayList<>();
    for (int a = 0; a < f.params().size(); a++) {
      args.add(ValueJson.fromJson(v.get("args").get(a), f.params().get(a).type(), rusty.types()));
    }
    try (ComponentInstance instance = rusty.instantiate()) {
      Optional<WitValue> r = instance.call(e.key(), args);
      JsonNode actual = r.isPresent()
          ? ValueJson.toJson(r.get(), f.result().orElseThrow(), rusty.types())
          : JSON.nullNode();
      JsonNode expected = v.get("result");
      assertTrue(expected.equals(SAME, actual), "expected " + expected + " but Weft gave " + actual);
    }
  }
}
