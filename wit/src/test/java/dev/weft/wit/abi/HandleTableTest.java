package dev.weft.wit.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.wit.model.TypeId;
import org.junit.jupiter.api.Test;

class HandleTableTest {
  private static final TypeId BLOB = new TypeId(3);
  private static final TypeId FILE = new TypeId(4);

  @Test
  void handlesStartAtOneAndAreReused() {
    HandleTable t = new HandleTable();
    assertEquals(1, t.add(BLOB, 10, true));
    assertEquals(2, t.add(BLOB, 11, true));
    assertEquals(10, t.take(1, BLOB));
    assertEquals(1, t.add(BLOB, 12, false));
    assertEquals(2, t.size());
  }

  @Test
  void aGuestCannotUseAHandleItDoesNotHave() {
    HandleTable t = new HandleTable();
    int h = t.add(BLOB, 10, true);
    assertThrows(AbiException.class, () -> t.take(0, BLOB), "index 0 is never valid");
    assertThrows(AbiException.class, () -> t.take(99, BLOB));
    assertThrows(AbiException.class, () -> t.borrow(h, FILE), "another resource type");
    assertEquals(new HandleTable.Dropped(10, true), t.drop(h, BLOB));
    assertThrows(AbiException.class, () -> t.drop(h, BLOB), "dropped twice");
  }

  @Test
  void aBorrowIsNotAnOwn() {
    HandleTable t = new HandleTable();
    int h = t.add(BLOB, 5, false);
    assertEquals(5, t.borrow(h, BLOB));
    assertThrows(AbiException.class, () -> t.take(h, BLOB));
    assertEquals(new HandleTable.Dropped(5, false), t.drop(h, BLOB));
  }
}
