package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.TupleValue;
import dev.weft.wit.value.WitValue.U32;
import dev.weft.wit.value.WitValue.U64;
import dev.weft.wit.value.WitValue.U8;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** New instances seeded from a snapshot of an initialised one (echo.wat's post-return counter). */
class InstanceSnapshotTest {
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
  }
}
