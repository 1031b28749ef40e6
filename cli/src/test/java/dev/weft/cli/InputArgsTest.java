package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weft.wit.Wit;
import dev.weft.wit.model.Resolve;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputArgsTest {
  private static final Resolve NONE = new Resolve(List.of(), List.of(), List.of(), List.of());

  private static InputArgs.Declared type(String wit) {
    return new InputArgs.Declared(Wit.parseType(wit), NONE);
  }

  @Test
  void nameValuePairsReadJsonExceptForTextInputs() throws Exception {
    ObjectNode o =
        InputArgs.parse(
            List.of("name=42", "count=42", "ids=[1, 2]", "quoted=\"x\"", "free=not json"),
            Map.of("name", type("string"), "count", type("u32"), "ids", type("list<u64>"),
                "quoted", type("string")));
    assertEquals("42", o.get("name").asText());
    assertTrue(o.get("name").isTextual(), "a string input takes the text as it is");
    assertEquals(42, o.get("count").asInt());
    assertEquals(2, o.get("ids").size());
    assertEquals("x", o.get("quoted").asText());
    assertEquals("not json", o.get("free").asText());
  }

  @Test
  void jsonObjectsAndFilesMergeInOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("in.json");
    Files.writeString(file, "{\"a\": 1, \"b\": 2}");
    ObjectNode o = InputArgs.parse(List.of("@" + file, "{\"b\": 3}", "c=true"), Map.of());
    assertEquals("{\"a\":1,\"b\":3,\"c\":true}", o.toString());
  }

  @Test
  void malformedInputsSayWhatToWrite() {
    var e = assertThrows(InputArgs.BadInput.class, () -> InputArgs.parse(List.of("novalue"), Map.of()));
    assertEquals("`--input novalue`: write name=value, a JSON object, or @file.json", e.getMessage());
    var f = assertThrows(InputArgs.BadInput.class, () -> InputArgs.parse(List.of("@/nope/in.json"), Map.of()));
    assertTrue(f.getMessage().startsWith("cannot read input file `/nope/in.json`"), f.getMessage());
    var g = assertThrows(InputArgs.BadInput.class, () -> InputArgs.parse(List.of("[1]"), Map.of()));
    assertTrue(g.getMessage().contains("write name=value"), g.getMessage());
  }
}
