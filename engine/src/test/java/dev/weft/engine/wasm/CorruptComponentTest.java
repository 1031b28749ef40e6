package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.weft.engine.EngineException;
import dev.weft.wit.value.WitValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Loading and instantiating corrupted components fails with the engine's own exceptions (link or
 * instantiation errors), never with whatever the decoder or Endive happened to throw.
 */
class CorruptComponentTest {
  @Test
  void corruptedComponentsFailWithEngineExceptions() throws Exception {
    corrupt("app.wasm", 30);
  }

  @Test
  void corruptedCoreModulesWithEmbeddedWorldsFailWithEngineExceptions() throws Exception {
    corrupt("app.embed.wasm", 10);
  }

  private static void corrupt(String fixture, int minLoaded) throws Exception {
    byte[] original = Files.readAllBytes(Path.of("src/test/resources/components", fixture));
    String s = "test:host/store@0.1.0#";
    HostImports host =
        HostImports.builder()
            .withFunction(s + "log", a -> Optional.empty())
            .withFunction(s + "lookup", a -> Optional.of(WitValue.OptionValue.NONE))
            .withFunction(s + "[constructor]blob", a -> Optional.of(new WitValue.Handle(0)))
            .withFunction(s + "[method]blob.size", a -> Optional.of(new WitValue.U32(0)))
            .build();
    int loaded = 0;
    Random rng = new Random(7);
    for (int round = 0; round < 300; round++) {
      byte[] b = original.clone();
      b[8 + rng.nextInt(b.length - 8)] = (byte) rng.nextInt(256);
      try {
        ComponentLoader.describe(b, fixture);
        ComponentLoader.load(b, fixture, new LoadOptions(16, false), host).instantiate().close();
        loaded++;
      } catch (EngineException e) {
        // expected: link or instantiation failure
      } catch (RuntimeException | StackOverflowError | AssertionError e) {
        fail("round " + round + ": " + e, e);
      }
    }
    assertTrue(loaded > minLoaded, "many corruptions hit data or code and still load: " + loaded);
  }
}
