package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.EngineException;
import dev.weft.engine.ErrorKind;
import dev.weft.engine.TrapException;
import dev.weft.wit.value.WitValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A guest that lies (hostile.wat) gets a trap naming the function and what was wrong: never a Java
 * exception from the host, a hang or a huge allocation. The instance is unusable afterwards; a
 * fresh one works.
 */
class HostileGuestTest {
  static final LoadedComponent HOSTILE =
      ComponentLoader.load(
          Path.of("src/test/resources/components/hostile.wasm"), new LoadOptions(16, true));

  private static final String[][] CASES = {
    {"oob-string", "string at 65530 of 100 bytes is out of bounds of memory (65536 bytes)"},
    {"wrapping-string", "out of bounds of memory"},
    {"huge-list", "exceeds the canonical ABI limit"},
    {"long-list", "list<u64> at 8 of 160000 bytes is out of bounds"},
    {"unaligned-list", "list<u32> pointer 4097 is not aligned to 4"},
    {"bad-utf8", "string is not valid UTF-8"},
    {"unaligned-result", "result pointer 65 is not aligned to 4"},
    {"oob-result", "result at 65532 of 8 bytes is out of bounds"},
    {"bad-char", "invalid char 0xd800"},
    {"bad-enum", "discriminant 3 is out of range for `enum color` (3 cases)"},
    {"bad-option", "discriminant 2 is out of range for `option<string>`"},
    {"crash", "unreachable"},
  };

  @TestFactory
  Stream<DynamicTest> eachLieIsATrapAndAFreshInstanceStillWorks() {
    return Stream.of(CASES)
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0],
                    () -> {
                      ComponentInstance i = HOSTILE.instantiate();
                      TrapException e =
                          assertThrows(TrapException.class, () -> i.call(c[0], List.of()));
                      assertEquals(c[0], e.function());
                      assertEquals(ErrorKind.TRAP, e.kind());
                      assertTrue(i.trapped());
                      assertTrue(
                          e.getMessage().startsWith("`" + c[0] + "` trapped: "), e.getMessage());
                      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
                      TrapException again =
                          assertThrows(TrapException.class, () -> i.call("fine", List.of()));
                      assertTrue(again.getMessage().contains("trapped in an earlier call"));
                      assertEquals(
                          Optional.of(new WitValue.Str("hello")),
                          HOSTILE.instantiate().call("fine", List.of()));
                    }));
  }

  @Test
  void aReallocThatReturnsMemoryPastTheEndTraps() {
    ComponentInstance i = HOSTILE.instantiate();
    assertEquals(
        Optional.of(new WitValue.Str("hi")),
        i.call("lying-realloc", List.of(new WitValue.Str("hi"))));
    TrapException e =
        assertThrows(
            TrapException.class,
            () -> i.call("lying-realloc", List.of(new WitValue.Str("x".repeat(60_000)))));
    assertTrue(
        e.getMessage().contains("realloc returned a string at 8192 of 60000 bytes"),
        e.getMessage());
  }

  @Test
  void anInterruptedCallStopsWithATimeout() throws Exception {
    ComponentInstance i = HOSTILE.instantiate();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                i.call("spin", List.of());
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    t.start();
    Thread.sleep(200);
    InterruptGate.Interruption x = HOSTILE.interrupt(t);
    t.join(10_000);
    x.close();
    assertTrue(!t.isAlive(), "the call stopped");
    EngineException e = (EngineException) failure.get();
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertTrue(e.getMessage().contains("`spin` was interrupted"), e.getMessage());
  }

  @Test
  void wrongArgumentsAreRejectedBeforeTheGuestRuns() {
    ComponentInstance i = HOSTILE.instantiate();
    assertThrows(
        IllegalArgumentException.class, () -> i.call("fine", List.of(new WitValue.U32(1))));
    EngineException e =
        assertThrows(
            EngineException.class, () -> i.call("lying-realloc", List.of(new WitValue.U32(1))));
    assertEquals(ErrorKind.TYPE, e.kind());
    assertThrows(IllegalArgumentException.class, () -> i.call("nope", List.of()));
    assertEquals(Optional.of(new WitValue.Str("hello")), i.call("fine", List.of()));
  }
}
