package dev.weft.wit.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.wit.model.Primitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComponentReaderTest {
  /** The hand-written component fixtures live with the engine's tests, the examples beside their sources. */
  static byte[] fixture(String name) throws IOException {
    Path example = Path.of("../examples/components", name.replaceFirst("\\.wasm$", ""), name);
    return Files.readAllBytes(
        Files.isRegularFile(example) ? example : Path.of("../engine/src/test/resources/components", name));
  }

  @Test
  void greetDecodesIntoSectionsAndAPlanWithThreeExports() throws IOException {
    List<Section> sections = ComponentReader.read(fixture("greet.wasm"));
    assertTrue(sections.get(0) instanceof Section.CoreModule);
    assertTrue(sections.stream().anyMatch(s -> s instanceof Section.Canons));
    ComponentPlan plan = ComponentTranslator.translate(sections);
    assertEquals(1, plan.modules().size());
    assertEquals(
        List.of("greet", "shout", "count-chars"),
        plan.exports().stream().map(LiftedExport::key).toList());
    LiftedExport count = plan.exports().get(2);
    assertEquals(Optional.of(Primitive.U32), count.function().result());
    assertEquals(new CoreRef.Export(0, "count-chars"), count.coreFunction());
    LiftedExport greet = plan.exports().get(0);
    assertEquals(
        Optional.of(new CoreRef.Export(0, "cabi_post_greet")), greet.options().postReturn());
    assertEquals(Optional.of(new CoreRef.Export(0, "memory")), greet.options().memory());
    assertTrue(plan.imports().isEmpty());
  }

  @Test
  void aCoreModuleIsNotAComponent() {
    byte[] core = {0, 'a', 's', 'm', 1, 0, 0, 0};
    BinaryFormatException e =
        assertThrows(BinaryFormatException.class, () -> ComponentReader.read(core));
    assertEquals(
        "at byte 4: expected a component, but this is a core Wasm module (layer 0)",
        e.getMessage());
    assertThrows(BinaryFormatException.class, () -> ComponentReader.read(new byte[] {1, 2, 3}));
    BinaryFormatException v =
        assertThrows(
            BinaryFormatException.class,
            () -> ComponentReader.read(new byte[] {0, 'a', 's', 'm', 0x0c, 0, 1, 0}));
    assertEquals("at byte 4: expected component binary version 0x0d, found 0xc", v.getMessage());
  }

  @Test
  void aSectionLongerThanTheFileNamesItsOffset() {
    byte[] bytes = {0, 'a', 's', 'm', 0x0d, 0, 1, 0, 7, 100, 1};
    BinaryFormatException e =
        assertThrows(BinaryFormatException.class, () -> ComponentReader.read(bytes));
    assertEquals(8, e.offset());
    assertTrue(e.getMessage().contains("section 7 of 100 bytes"), e.getMessage());
  }

  @Test
  void aVectorCountPastTheEndIsRejectedWithoutAllocating() {
    // A type section claiming 0xFFFFFFFF types in 5 bytes.
    byte[] bytes = {
      0,
      'a',
      's',
      'm',
      0x0d,
      0,
      1,
      0,
      7,
      5,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      (byte) 0xff,
      0x0f
    };
    BinaryFormatException e =
        assertThrows(BinaryFormatException.class, () -> ComponentReader.read(bytes));
    assertTrue(e.getMessage().contains("found a count of 4294967295"), e.getMessage());
  }

  @Test
  void everyTruncationIsAFormatErrorOrAShorterValidComponent() throws IOException {
    byte[] greet = fixture("app.wasm");
    for (int n = 0; n < greet.length; n++) {
      byte[] prefix = Arrays.copyOf(greet, n);
      try {
        ComponentTranslator.translate(ComponentReader.read(prefix));
      } catch (BinaryFormatException e) {
        assertTrue(e.offset() <= n, "offset " + e.offset() + " within a prefix of " + n);
      } catch (RuntimeException e) {
        fail("prefix of " + n + " bytes: " + e, e);
      }
    }
  }

  @Test
  void corruptedBytesNeverEscapeAsOtherExceptions() throws IOException {
    for (String name :
        List.of(
            "greet.wasm", "app.wasm", "shapes.wasm", "echo.wasm", "hostile.wasm", "borrow.wasm")) {
      corrupt(fixture(name), name);
    }
  }

  @Test
  void theWitComponentFixturesDecode() throws IOException {
    ComponentPlan app = ComponentTranslator.translate(ComponentReader.read(fixture("app.wasm")));
    assertEquals(3, app.modules().size(), "main, shim and fixup modules");
    assertEquals(4, app.imports().size());
    assertEquals(List.of("test:host/store@0.1.0"), app.importNames());
    ComponentPlan shapes =
        ComponentTranslator.translate(ComponentReader.read(fixture("shapes.wasm")));
    assertEquals("test:shapes/api@0.1.0#move", shapes.exports().get(1).key());
  }

  private static void corrupt(byte[] original, String name) {
    Random rng = new Random(42);
    for (int round = 0; round < 1000; round++) {
      byte[] b = original.clone();
      for (int k = 0; k < 1 + rng.nextInt(3); k++) {
        b[8 + rng.nextInt(b.length - 8)] = (byte) rng.nextInt(256);
      }
      try {
        ComponentTranslator.translate(ComponentReader.read(b));
      } catch (BinaryFormatException | UnsupportedComponentException e) {
        // expected
      } catch (RuntimeException e) {
        fail(name + " round " + round + ": " + e, e);
      }
    }
  }
}
