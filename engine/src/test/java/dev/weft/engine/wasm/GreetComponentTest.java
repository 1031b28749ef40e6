package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.model.Primitive;
import dev.weft.wit.value.WitValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GreetComponentTest {
  static final Path GREET = Path.of("../examples/components/greet/greet.wasm");

  @Test
  void greetExportsItsThreeFunctionsWithTheirWitTypes() {
    LoadedComponent c = ComponentLoader.load(GREET, LoadOptions.defaults());
    assertEquals(List.of("greet", "shout", "count-chars"), List.copyOf(c.exports().keySet()));
    ExportedFunction greet = c.exports().get("greet");
    assertEquals("name", greet.function().params().get(0).name());
    assertEquals(Primitive.STRING, greet.function().params().get(0).type());
    assertEquals(Optional.of(Primitive.U32), c.exports().get("count-chars").function().result());
  }

  @Test
  void greetReturnsHelloName() {
    LoadedComponent c = ComponentLoader.load(GREET, LoadOptions.defaults());
    try (ComponentInstance i = c.instantiate()) {
      assertEquals(
          Optional.of(new WitValue.Str("Hello, Weft!")),
          i.call("greet", List.of(new WitValue.Str("Weft"))));
      assertEquals(
          Optional.of(new WitValue.Str("LOUD ÉTÉ")),
          i.call("shout", List.of(new WitValue.Str("loud ÉtÉ"))));
      assertEquals(
          Optional.of(new WitValue.U32(4)),
          i.call("count-chars", List.of(new WitValue.Str("añ😀x"))));
    }
  }

  @Test
  void interpreterGivesTheSameResultsAsTheCompiler() {
    LoadedComponent c = ComponentLoader.load(GREET, new LoadOptions(256, false));
    try (ComponentInstance i = c.instantiate()) {
      for (int n = 0; n < 3; n++) {
        assertEquals(
            Optional.of(new WitValue.Str("Hello, " + n + "!")),
            i.call("greet", List.of(new WitValue.Str("" + n))));
      }
    }
  }

  @Test
  void manyCallsDoNotGrowMemory() {
    LoadedComponent c = ComponentLoader.load(GREET, LoadOptions.defaults());
    try (ComponentInstance i = c.instantiate()) {
      String big = "x".repeat(10_000);
      for (int n = 0; n < 200; n++) {
        Optional<WitValue> r = i.call("shout", List.of(new WitValue.Str(big)));
        assertTrue(r.isPresent());
      }
    }
  }

  @Test
  void aMemoryLimitBelowWhatTheModuleNeedsIsALinkError() {
    dev.weft.engine.LinkException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.weft.engine.LinkException.class,
            () -> ComponentLoader.load(GREET, new LoadOptions(1, false)));
    assertEquals(
        "`greet.wasm`: core module 0 needs 2 pages of memory, more than the limit of 1",
        e.getMessage());
  }

  @Test
  void aMissingFileIsALinkError() {
    dev.weft.engine.LinkException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.weft.engine.LinkException.class,
            () -> ComponentLoader.load(Path.of("nope.wasm"), LoadOptions.defaults()));
    assertTrue(e.getMessage().startsWith("cannot read component nope.wasm"), e.getMessage());
  }
}
