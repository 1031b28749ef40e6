package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.model.Function;
import dev.weft.wit.value.WitTypes;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.FieldValue;
import dev.weft.wit.value.WitValue.RecordValue;
import dev.weft.wit.value.WitValue.S32;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A component built by wit-component (jco embed + jco new) that exports an interface: its functions
 * pass through the type-ascription component wit-component emits, which also names the interface's
 * types.
 */
class InterfaceExportTest {
  static final LoadedComponent SHAPES =
      ComponentLoader.load(
          Path.of("src/test/resources/components/shapes.wasm"), LoadOptions.defaults());

  @Test
  void interfaceFunctionsAreKeyedByInterfaceAndName() {
    assertEquals(
        List.of("version", "test:shapes/api@0.1.0#move", "test:shapes/api@0.1.0#paint"),
        List.copyOf(SHAPES.exports().keySet()));
    assertEquals("test:shapes/api@0.1.0#move", SHAPES.findExport("move").orElseThrow().key());
    assertTrue(SHAPES.findExport("test:shapes/api@0.1.0#paint").isPresent());
  }

  @Test
  void interfaceTypesAreNamedAfterTheirExports() {
    Function move = SHAPES.exports().get("test:shapes/api@0.1.0#move").function();
    assertEquals("record point", WitTypes.display(move.params().get(0).type(), SHAPES.types()));
    Function paint = SHAPES.findExport("paint").orElseThrow().function();
    assertEquals("enum color", WitTypes.display(paint.params().get(0).type(), SHAPES.types()));
  }

  @Test
  void interfaceFunctionsRun() {
    try (ComponentInstance i = SHAPES.instantiate()) {
      RecordValue p =
          RecordValue.of(new FieldValue("x", new S32(1)), new FieldValue("y", new S32(-2)));
      assertEquals(
          Optional.of(
              RecordValue.of(new FieldValue("x", new S32(11)), new FieldValue("y", new S32(-2)))),
          i.call("test:shapes/api@0.1.0#move", List.of(p, new S32(10))));
      assertEquals(
          Optional.of(new WitValue.Str("green")),
          i.call("paint", List.of(new WitValue.EnumValue("green"))));
      assertEquals(Optional.of(new WitValue.U32(7)), i.call("version", List.of()));
    }
  }
}
