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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Weft against a second runtime: each component's vectors.json holds what it returned under jco
 * transpile + Node, in Weft's JSON mapping, and Weft must give the same values. kitchen (C): 193
 * calls over every WIT type kind; rusty (Rust, no_std, hand-written glue): 54 calls over strings,
 * lists, an option of a record, an enum, a result and s64 extremes.
 */
class JcoVectorsTest {
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
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : List.of("kitchen", "rusty")) {
      Path dir = Cli.ROOT.resolve("examples/components/" + name);
      JsonNode vectors = JSON.readTree(dir.resolve("vectors.json").toFile());
      LoadedComponent component = ComponentLoader.load(dir.resolve(name + ".wasm"), LoadOptions.defaults());
      assertTrue(vectors.size() >= 50, name + " has vectors");
      int i = 0;
      for (JsonNode v : vectors) {
        String fn = v.get("function").asText();
        tests.add(DynamicTest.dynamicTest(
            name + " " + i++ + " " + fn + " " + v.get("args"), () -> check(component, v)));
      }
    }
    return tests.stream();
  }

  private static void check(LoadedComponent component, JsonNode v) {
    ExportedFunction e = component.findExport(v.get("function").asText()).orElseThrow();
    Function f = e.function();
    List<WitValue> args = new ArrayList<>();
    for (int a = 0; a < f.params().size(); a++) {
      args.add(ValueJson.fromJson(v.get("args").get(a), f.params().get(a).type(), component.types()));
    }
    try (ComponentInstance instance = component.instantiate()) {
      Optional<WitValue> r = instance.call(e.key(), args);
      JsonNode actual = r.isPresent()
          ? ValueJson.toJson(r.get(), f.result().orElseThrow(), component.types())
          : JSON.nullNode();
      JsonNode expected = v.get("result");
      assertTrue(expected.equals(SAME, actual), "expected " + expected + " but Weft gave " + actual);
    }
  }
}
