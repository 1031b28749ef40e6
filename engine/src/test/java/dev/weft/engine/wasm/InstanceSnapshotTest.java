package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.engine.InstantiationException;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.S32;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.TupleValue;
import dev.weft.wit.value.WitValue.U32;
import dev.weft.wit.value.WitValue.U64;
import dev.weft.wit.value.WitValue.U8;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * New instances seeded from a snapshot of an initialised one, and instances reset to one.
 * seeded.wasm's start function fills a table of functions and counts itself in a global; its {@code
 * _initialize} (which wit-component calls from a start function of its own) grows memory, writes
 * there and calls the host's {@code tick}, which counts how often initialisation runs.
 */
class InstanceSnapshotTest {
  private static final Path SEEDED = Path.of("src/test/resources/components/seeded.wasm");

  /** The start function adds 1 to `inits`, `_initialize` adds 16. */
  private static final U32 INITIALISED_ONCE = new U32(17);

  private final AtomicInteger ticks = new AtomicInteger();

  private LoadedComponent seeded(boolean compiled) {
    HostImports host =
        HostImports.builder()
            .withFunction(
                "tick",
                args -> {
                  ticks.incrementAndGet();
                  return Optional.empty();
                })
            .build();
    return ComponentLoader.load(SEEDED, new LoadOptions(16, compiled), host);
  }

  private static Optional<WitValue> call(ComponentInstance i, String f, WitValue... args) {
    return i.call(f, List.of(args));
  }

  /** What a session of calls sees: the table's functions, memory, grown memory, globals. */
  private static List<Optional<WitValue>> session(ComponentInstance i) {
    return List.of(
        call(i, "inits"),
        call(i, "ops"),
        call(i, "apply", new U32(0), new S32(21)),
        call(i, "apply", new U32(1), new S32(5)),
        call(i, "apply", new U32(2), new S32(-7)),
        call(i, "marks"),
        call(i, "bump"),
        call(i, "bump"),
        call(i, "step"),
        call(i, "step"));
  }

  private static final List<Optional<WitValue>> FRESH_SESSION =
      List.of(
          Optional.of(INITIALISED_ONCE),
          Optional.of(new U32(3)),
          Optional.of(new S32(42)),
          Optional.of(new S32(-5)),
          Optional.of(new S32(49)),
          Optional.of(new U32(0x10000000L + 0x04030201L)),
          Optional.of(new U32(101)),
          Optional.of(new U32(102)),
          Optional.of(new U32(1)),
          Optional.of(new U32(2)));

  @ParameterizedTest(name = "compiled: {0}")
  @ValueSource(booleans = {true, false})
  void aFreshInstanceRunsItsStartFunctionAndInitializeOnce(boolean compiled) {
    LoadedComponent c = seeded(compiled);
    try (ComponentInstance fresh = c.instantiate()) {
      assertEquals(1, ticks.get());
      assertFalse(fresh.seeded());
      assertEquals(FRESH_SESSION, session(fresh));
    }
    try (ComponentInstance second = c.instantiate()) {
      assertEquals(2, ticks.get());
      // Endive grows a table through the module's shared limits: each instance has its own here.
      assertEquals(FRESH_SESSION, session(second), "a second fresh instance is the same");
    }
  }

  @ParameterizedTest(name = "compiled: {0}")
  @ValueSource(booleans = {true, false})
  void aSeededInstanceNeverRunsInitialisationAndBehavesAsAFreshOne(boolean compiled) {
    LoadedComponent c = seeded(compiled);
    InstanceSnapshot snapshot;
    try (ComponentInstance fresh = c.instantiate()) {
      snapshot = fresh.snapshot();
    }
    assertEquals(1, ticks.get());
    assertEquals(2 * 65536, snapshot.memoryBytes(), "the page _initialize grew came along");
    assertEquals(
        2 * 4096,
        snapshot.retainedBytes(),
        "the 4 KiB chunks at 0 and 65536 hold data; the rest is 0");
    for (int n = 0; n < 3; n++) {
      try (ComponentInstance s = c.instantiate(snapshot)) {
        assertTrue(s.seeded());
        assertEquals(FRESH_SESSION, session(s));
      }
    }
    assertEquals(1, ticks.get(), "no seeded instance ran initialisation");
  }

  @ParameterizedTest(name = "compiled: {0}")
  @ValueSource(booleans = {true, false})
  void aResetInstanceBehavesAsAFreshOneAgain(boolean compiled) {
    LoadedComponent c = seeded(compiled);
    try (ComponentInstance i = c.instantiate()) {
      InstanceSnapshot snapshot = i.snapshot();
      assertEquals(FRESH_SESSION, session(i));
      i.reset(snapshot);
      assertEquals(FRESH_SESSION, session(i));
      try (ComponentInstance s = c.instantiate(snapshot)) {
        session(s);
        s.reset(snapshot);
        assertEquals(FRESH_SESSION, session(s), "a seeded instance resets as well");
      }
    }
    assertEquals(1, ticks.get());
  }

  @Test
  void aSnapshotTakenLaterCarriesTheCallsMadeSince() {
    LoadedComponent c = seeded(true);
    InstanceSnapshot snapshot;
    try (ComponentInstance i = c.instantiate()) {
      session(i);
      snapshot = i.snapshot();
    }
    try (ComponentInstance s = c.instantiate(snapshot)) {
      assertEquals(Optional.of(new U32(103)), call(s, "bump"));
      assertEquals(Optional.of(new U32(3)), call(s, "step"));
      assertEquals(Optional.of(new S32(-9)), call(s, "apply", new U32(1), new S32(9)));
    }
  }

  @Test
  void onlyAnInitialisationWithoutHostCallsMayBeCopied() {
    try (ComponentInstance fresh = seeded(true).instantiate()) {
      assertFalse(fresh.seedable(), "_initialize called tick");
      try (ComponentInstance s = fresh.component().instantiate(fresh.snapshot())) {
        assertTrue(s.seedable(), "a seeded instance called nothing");
      }
    }
    try (ComponentInstance echo = EchoComponentTest.ECHO.instantiate()) {
      assertTrue(echo.seedable());
    }
  }

  @Test
  void aTrapInInitialisationFailsInstantiation() {
    // With a 1-page limit, _initialize cannot grow memory and its store to page 2 traps.
    LoadedComponent small =
        ComponentLoader.load(
            SEEDED,
            new LoadOptions(1, true),
            HostImports.builder().withFunction("tick", args -> Optional.empty()).build());
    InstantiationException e = assertThrows(InstantiationException.class, small::instantiate);
    assertTrue(
        e.getMessage().startsWith("`seeded.wasm`: core instance 2 failed to initialise: "),
        e.getMessage());
  }

  @Test
  void aSeededInstanceCallsItsImportsThroughWitComponentsShimTable() {
    // app.wasm lowers its imports into wit-component's shim module, whose table the fixup module
    // fills: the table's entries point to functions of another core instance.
    String s = "test:host/store@0.1.0#";
    List<String> log = new ArrayList<>();
    HostImports host =
        HostImports.builder()
            .withFunction(
                s + "log",
                a -> {
                  log.add(((Str) a.get(0)).value());
                  return Optional.empty();
                })
            .withFunction(
                s + "lookup",
                a ->
                    Optional.of(
                        WitValue.OptionValue.some(new Str("v:" + ((Str) a.get(0)).value()))))
            .withFunction(s + "[constructor]blob", a -> Optional.of(new WitValue.Handle(0)))
            .withFunction(s + "[method]blob.size", a -> Optional.of(new U32(5)))
            .build();
    LoadedComponent app =
        ComponentLoader.load(
            Path.of("src/test/resources/components/app.wasm"), LoadOptions.defaults(), host);
    InstanceSnapshot snapshot;
    try (ComponentInstance fresh = app.instantiate()) {
      snapshot = fresh.snapshot();
    }
    try (ComponentInstance seeded = app.instantiate(snapshot)) {
      assertEquals(Optional.of(new Str("v:k")), seeded.call("run", List.of(new Str("k"))));
      assertEquals(Optional.of(new U32(5)), seeded.call("blob-size", List.of(new U32(3))));
      seeded.reset(snapshot);
      assertEquals(Optional.of(new Str("v:j")), seeded.call("run", List.of(new Str("j"))));
    }
    assertEquals(List.of("k", "j"), log);
  }

  private static List<WitValue> echoArgs(String s) {
    List<WitValue> pad = new ArrayList<>(Collections.nCopies(16, (WitValue) new U64(0)));
    return List.of(TupleValue.of(new Str(s), new U8(1)), new TupleValue(pad));
  }

  @Test
  void aSeededInstanceStartsWithTheSnapshotsGlobalsAndMemory() {
    LoadedComponent echo = EchoComponentTest.ECHO;
    InstanceSnapshot snapshot;
    try (ComponentInstance first = echo.instantiate()) {
      first.call("echo-string", echoArgs("a"));
      first.call("echo-string", echoArgs("b"));
      snapshot = first.snapshot();
    }
    assertTrue(snapshot.memoryBytes() >= 65536);
    try (ComponentInstance seeded = echo.instantiate(snapshot)) {
      assertEquals(
          Optional.of(new U32(2)), seeded.call("posts", List.of()), "the counter came along");
      assertEquals(
          Optional.of(TupleValue.of(new Str("c"), new U8(1))),
          seeded.call("echo-string", echoArgs("c")));
      assertEquals(Optional.of(new U32(3)), seeded.call("posts", List.of()));
    }
    try (ComponentInstance fresh = echo.instantiate()) {
      assertEquals(Optional.of(new U32(0)), fresh.call("posts", List.of()));
    }
  }

  @Test
  void aSnapshotBelongsToItsComponent() {
    InstanceSnapshot snapshot = EchoComponentTest.ECHO.instantiate().snapshot();
    assertThrows(
        IllegalArgumentException.class, () -> HostileGuestTest.HOSTILE.instantiate(snapshot));
    try (ComponentInstance h = HostileGuestTest.HOSTILE.instantiate()) {
      assertThrows(IllegalArgumentException.class, () -> h.reset(snapshot));
    }
  }
}
