package dev.weft.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.weft.flows.ast.FieldSpec;
import dev.weft.flows.builtin.Builtin;
import dev.weft.flows.ast.FlowSpec;
import dev.weft.flows.http.RouteParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The JSON Schema of flows (docs/flow.schema.json, for editors with a YAML language server)
 * accepts every example flow, rejects unknown keys, and names exactly the keys the parser accepts.
 */
class FlowSchemaTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode schemaJson() throws IOException {
    return JSON.readTree(ROOT.resolve("docs/flow.schema.json").toFile());
  }

  private static Set<ValidationMessage> validate(Path yaml) throws IOException {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson());
    Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(yaml));
    return schema.validate(JSON.valueToTree(doc));
  }

  private static List<Path> yamls(Path dir, String prefix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void everyExampleAndValidCaseValidates() throws IOException {
    List<Path> files = new ArrayList<>(yamls(ROOT.resolve("examples/flows"), ""));
    files.addAll(yamls(Path.of("src/test/resources/ui/flows"), "ok-"));
    assertTrue(files.size() >= 5);
    for (Path f : files) {
      assertEquals(Set.of(), validate(f), f.toString());
    }
  }

  @Test
  void unknownKeysAreRejected() throws IOException {
    assertFalse(validate(Path.of("src/test/resources/ui/flows/unknown-keys.yaml")).isEmpty());
  }

  @Test
  void schemaNamesExactlyTheKeysTheParserAccepts() throws IOException {
    JsonNode s = schemaJson();
    JsonNode defs = s.get("definitions");
    assertKeys(FlowSpec.TOP, s.get("properties"));
    assertKeys(FlowSpec.COMPONENT, defs.get("component").get("properties"));
    assertKeys(FlowSpec.INPUT, defs.get("input").get("oneOf").get(1).get("properties"));
    assertKeys(FlowSpec.POOL, defs.get("component").get("properties").get("pool").get("properties"));
    assertKeys(FlowSpec.LIMITS, defs.get("component").get("properties").get("limits").get("properties"));
    assertKeys(FlowSpec.NODE, defs.get("node").get("properties"));
    assertKeys(FlowSpec.RETRY, defs.get("node").get("properties").get("retry").get("properties"));
    assertKeys(dev.weft.flows.host.GrantsParser.GRANTS,
        defs.get("component").get("properties").get("grants").get("properties"));
    assertKeys(dev.weft.flows.host.GrantsParser.WASI,
        defs.get("component").get("properties").get("grants").get("properties").get("wasi").get("oneOf").get(1)
            .get("properties"));
    assertKeys(RouteParser.HTTP, s.get("properties").get("http").get("properties"));
    assertKeys(RouteParser.OUTPUT, s.get("properties").get("http").get("properties").get("output").get("properties"));
  }

  @Test
  void schemaKnowsTheBuiltins() throws IOException {
    JsonNode s = schemaJson();
    Set<String> reserved = new TreeSet<>();
    s.get("properties").get("components").get("propertyNames").get("allOf").get(1).get("not").get("enum")
        .forEach(n -> reserved.add(n.asText()));
    assertEquals(new TreeSet<>(Builtin.NAMESPACES), reserved);
    String call = s.get("definitions").get("node").get("properties").get("call").get("description").asText();
    for (Builtin b : Builtin.values()) {
      assertTrue(call.contains("`" + b.callName() + "`"), b.callName() + " in the description of `call`");
    }
  }

  @Test
  void aComponentNamedAfterABuiltinIsRejected(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path f = dir.resolve("kv.yaml");
    Files.writeString(f, "flow: x\ncomponents: { kv: a.wasm }\nnodes: { a: { call: kv.get } }\noutput: { a: $a }\n");
    assertFalse(validate(f).isEmpty());
  }

  private static void assertKeys(List<FieldSpec> spec, JsonNode properties) {
    Set<String> expected = new TreeSet<>(spec.stream().map(FieldSpec::key).toList());
    Set<String> actual = new TreeSet<>();
    properties.fieldNames().forEachRemaining(actual::add);
    assertEquals(expected, actual);
  }
}
