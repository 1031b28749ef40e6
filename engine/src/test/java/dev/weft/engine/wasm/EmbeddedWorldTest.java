package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.LinkException;
import dev.weft.wit.value.WitTypes;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.FieldValue;
import dev.weft.wit.value.WitValue.RecordValue;
import dev.weft.wit.value.WitValue.S32;
import dev.weft.wit.value.WitValue.Str;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A core module that carries its WIT world in a {@code component-type} custom section (the output
 * of {@code jco embed}, before {@code jco new}) loads as the component it describes.
 */
class EmbeddedWorldTest {
  private static final Path DIR = Path.of("src/test/resources/components");

  @Test
  void anEmbeddedWorldNamesExportsAndTypes() throws Exception {
    ComponentDescription d =
        ComponentLoader.describe(
            Files.readAllBytes(DIR.resolve("shapes.embed.wasm")), "shapes.embed.wasm");
    assertEquals(
        List.of("version", "test:shapes/api@0.1.0#move", "test:shapes/api@0.1.0#paint"),
        List.copyOf(d.exports().keySet()));
    assertEquals(
        "record point",
        WitTypes.display(
            d.exports().get("test:shapes/api@0.1.0#move").params().get(0).type(), d.types()));
  }

  @Test
  void aCoreModuleWithAnEmbeddedWorldRuns() {
    LoadedComponent c =
        ComponentLoader.load(DIR.resolve("shapes.embed.wasm"), LoadOptions.defaults());
    try (ComponentInstance i = c.instantiate()) {
      RecordValue p =
          RecordValue.of(new FieldValue("x", new S32(1)), new FieldValue("y", new S32(2)));
      assertEquals(
          Optional.of(
              RecordValue.of(new FieldValue("x", new S32(4)), new FieldValue("y", new S32(2)))),
          i.call("move", List.of(p, new S32(3))));
      assertEquals(
          Optional.of(new Str("red")), i.call("paint", List.of(new WitValue.EnumValue("red"))));
    }
  }

  @Test
  void embeddedImportsAndResourceDropsAreWired() {
    String s = "test:host/store@0.1.0#";
    LinkException e =
        assertThrows(
            LinkException.class,
            () -> ComponentLoader.load(DIR.resolve("app.embed.wasm"), LoadOptions.defaults()));
    assertTrue(e.getMessage().contains("`test:host/store@0.1.0#log`"), e.getMessage());
    HostImports host =
        HostImports.builder()
            .withFunction(s + "log", a -> Optional.empty())
            .withFunction(s + "lookup", a -> Optional.of(WitValue.OptionValue.NONE))
            .withFunction(s + "[constructor]blob", a -> Optional.of(new WitValue.Handle(3)))
            .withFunction(s + "[method]blob.size", a -> Optional.of(new WitValue.U32(9)))
            .build();
    try (ComponentInstance i =
        ComponentLoader.load(DIR.resolve("app.embed.wasm"), LoadOptions.defaults(), host)
            .instantiate()) {
      assertEquals(Optional.of(new Str("none")), i.call("run", List.of(new Str("k"))));
      assertEquals(
          Optional.of(new WitValue.U32(9)), i.call("blob-size", List.of(new WitValue.U32(2))));
    }
  }

  @Test
  void aCoreModuleWithoutAWorldIsRefusedWithAHint() {
    LinkException e =
        assertThrows(
            LinkException.class,
            () -> ComponentLoader.load(DIR.resolve("app.core.wasm"), LoadOptions.defaults()));
    assertEquals(
        "`app.core.wasm` is a core Wasm module, not a component, and embeds no WIT world: give its"
            + " WIT world to load it",
        e.getMessage());
  }
}
