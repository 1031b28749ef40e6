package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.TrapException;
import dev.weft.wit.model.Own;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.Handle;
import dev.weft.wit.value.WitValue.U32;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A resource the component defines (counter.wat): handles out, borrows and owns back in,
 * destructors.
 */
class GuestResourceTest {
  static final LoadedComponent COUNTER =
      ComponentLoader.load(
          Path.of("src/test/resources/components/counter.wasm"), LoadOptions.defaults());

  @Test
  void ownedCountersComeOutBorrowedOnesGoInAsRepresentations() {
    try (ComponentInstance i = COUNTER.instantiate()) {
      WitValue c = i.call("make", List.of(new U32(5))).orElseThrow();
      assertEquals(new Handle(100), c, "the host holds the guest's representation");
      assertEquals(Optional.of(new U32(6)), i.call("bump", List.of(c)));
      assertEquals(Optional.of(new U32(7)), i.call("bump", List.of(c)));
      assertEquals(Optional.of(new U32(7)), i.call("finish", List.of(c)));
      assertEquals(
          Optional.of(new U32(1)),
          i.call("dtors", List.of()),
          "dropping the last own ran the destructor");
    }
  }

  @Test
  void theHostDropsACounterItOwnsThroughTheDestructor() {
    try (ComponentInstance i = COUNTER.instantiate()) {
      Handle c = (Handle) i.call("make", List.of(new U32(1))).orElseThrow();
      Own own = (Own) COUNTER.exports().get("make").function().result().orElseThrow();
      i.dropResource(own.resource(), c);
      assertEquals(Optional.of(new U32(1)), i.call("dtors", List.of()));
    }
  }

  @Test
  void aHandleTheGuestNeverIssuedTraps() {
    ComponentInstance i = COUNTER.instantiate();
    // `finish` asks for resource.rep of the handle it got: index 1 exists only after a lower.
    assertEquals(Optional.of(new U32(0)), i.call("dtors", List.of()));
    TrapException e =
        assertThrows(TrapException.class, () -> i.call("bump", List.of(new Handle(60_000_000))));
    assertEquals("bump", e.function());
  }
}
