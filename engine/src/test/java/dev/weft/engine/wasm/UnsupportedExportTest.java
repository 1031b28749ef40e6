package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.value.WitValue.U32;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An export with a type Weft cannot lift (partial.wat) leaves the component's other exports usable.
 */
class UnsupportedExportTest {
  @Test
  void theOtherExportsStillWork() {
    LoadedComponent c =
        ComponentLoader.load(
            Path.of("src/test/resources/components/partial.wasm"), LoadOptions.defaults());
    assertEquals(List.of("one"), List.copyOf(c.exports().keySet()));
    assertEquals(
        "`stream<u8>` has no canonical ABI codec here", c.unsupportedExports().get("ticks"));
    try (ComponentInstance i = c.instantiate()) {
      assertEquals(Optional.of(new U32(1)), i.call("one", List.of()));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> i.call("ticks", List.of()));
      assertTrue(e.getMessage().contains("export `ticks` is not supported"), e.getMessage());
    }
  }
}
