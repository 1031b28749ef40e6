package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.engine.TrapException;
import dev.weft.wit.value.WitValue.Handle;
import dev.weft.wit.value.WitValue.U32;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Handles to a host resource lent or given to a guest (borrow.wat). */
class BorrowTest {
  private final List<Integer> dropped = new ArrayList<>();
  private final LoadedComponent borrow =
      ComponentLoader.load(
          Path.of("src/test/resources/components/borrow.wasm"),
          LoadOptions.defaults(),
          HostImports.builder().withResourceDrop("blob", dropped::add).build());

  @Test
  void aBorrowedHandleMustBeDroppedBeforeTheCallReturns() {
    ComponentInstance i = borrow.instantiate();
    assertEquals(Optional.of(new U32(1)), i.call("release", List.of(new Handle(42))));
    TrapException e =
        assertThrows(TrapException.class, () -> i.call("keep", List.of(new Handle(42))));
    assertEquals(
        "`keep` trapped: 1 borrowed handle(s) not dropped before returning", e.getMessage());
    assertEquals(List.of(), dropped, "dropping a borrow does not drop the resource");
  }

  @Test
  void droppingAnOwnedHandleReachesTheHost() {
    try (ComponentInstance i = borrow.instantiate()) {
      i.call("give", List.of(new Handle(7)));
      assertEquals(Optional.of(new U32(1)), i.call("hold", List.of(new Handle(8))));
      assertEquals(Optional.of(new U32(2)), i.call("hold", List.of(new Handle(9))));
      assertEquals(List.of(7), dropped);
    }
  }
}
