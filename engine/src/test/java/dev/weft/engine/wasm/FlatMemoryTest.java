package dev.weft.engine.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import run.endive.runtime.ByteArrayMemory;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.types.MemoryLimits;

/**
 * Both kinds of {@link FlatMemory} behave as Endive's {@link ByteArrayMemory}: the same bytes after
 * any mix of loads and stores of every width at aligned, unaligned and out-of-bounds addresses,
 * bulk writes, fills, overlapping copies and growth, and a {@link WasmRuntimeException} wherever
 * Endive's memory throws one.
 */
class FlatMemoryTest {
  private static final int PAGE = Memory.PAGE_SIZE;

  /** The kinds this JVM can run: the array accessors always, the direct ones where available. */
  static Stream<String> kinds() {
    return UnsafeAccess.AVAILABLE ? Stream.of("array", "direct") : Stream.of("array");
  }

  private static Memory flat(String kind, MemoryLimits limits) {
    return kind.equals("direct") ? new DirectFlatMemory(limits) : new ArrayFlatMemory(limits);
  }

  @Test
  void directAccessIsAvailableOnTheMachinesWeftIsBuiltOn() {
    // x86-64 and AArch64 JDKs 17-25 allow it; if this fails, every guest is on the slower path.
    String arch = System.getProperty("os.arch");
    if (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64")) {
      assertTrue(UnsafeAccess.AVAILABLE, "sun.misc.Unsafe memory access refused on " + arch);
      assertInstanceOf(DirectFlatMemory.class, FlatMemory.create(new MemoryLimits(1, 2)));
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void randomOperationsMatchEndivesMemory(String kind) {
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      // A direct memory starts with a page at least (FlatMemory.create gives an empty one the array).
      MemoryLimits limits = new MemoryLimits(seed % 4 == 0 && kind.equals("array") ? 0 : 1, 5);
      Memory flat = flat(kind, limits);
      Memory oracle = new ByteArrayMemory(limits);
      for (int op = 0; op < 4000; op++) {
        step(rnd, flat, oracle, "seed " + seed + " op " + op);
      }
      assertEquals(oracle.pages(), flat.pages());
      assertArrayEquals(oracle.readBytes(0, oracle.pages() * PAGE), flat.readBytes(0, flat.pages() * PAGE));
    }
  }

  private static void step(Random rnd, Memory flat, Memory oracle, String where) {
    int size = oracle.pages() * PAGE;
    int a = address(rnd, size);
    long v = rnd.nextLong();
    switch (rnd.nextInt(16)) {
      case 0 -> same(where, m -> m.read(a), flat, oracle);
      case 1 -> same(where, m -> m.readShort(a), flat, oracle);
      case 2 -> same(where, m -> m.readU16(a), flat, oracle);
      case 3 -> same(where, m -> m.readInt(a), flat, oracle);
      case 4 -> same(where, m -> m.readLong(a), flat, oracle);
      case 5 -> same(where, m -> m.readF32(a) & 0xFFFFFFFFL, flat, oracle);
      case 6 -> same(where, m -> Double.doubleToRawLongBits(m.readDouble(a)), flat, oracle);
      case 7 -> same(where, m -> run(() -> m.writeByte(a, (byte) v)), flat, oracle);
      case 8 -> same(where, m -> run(() -> m.writeShort(a, (short) v)), flat, oracle);
      case 9 -> same(where, m -> run(() -> m.writeI32(a, (int) v)), flat, oracle);
      case 10 -> same(where, m -> run(() -> m.writeLong(a, v)), flat, oracle);
      case 11 -> same(where, m -> run(() -> m.writeF64(a, Double.longBitsToDouble(v))), flat, oracle);
      case 12 -> {
        byte[] data = new byte[rnd.nextInt(40)];
        rnd.nextBytes(data);
        int off = rnd.nextInt(data.length + 1);
        int len = rnd.nextInt(data.length - off + 1);
        same(where, m -> run(() -> m.write(a, data, off, len)), flat, oracle);
        same(where, m -> java.util.Arrays.hashCode(m.readBytes(a, len + 3)), flat, oracle);
      }
      case 13 -> {
        int to = a + rnd.nextInt(70) - 3;
        same(where, m -> run(() -> m.fill((byte) v, a, to)), flat, oracle);
      }
      case 14 -> {
        int from = rnd.nextBoolean() ? a + rnd.nextInt(33) - 16 : address(rnd, size);
        int len = rnd.nextInt(80);
        same(where, m -> run(() -> m.copy(a, from, len)), flat, oracle);
        same(where, m -> java.util.Arrays.hashCode(m.readBytes(Math.max(0, Math.min(a, from) - 4),
            Math.min(size - Math.max(0, Math.min(a, from) - 4), len + 40))), flat, oracle);
      }
      default -> {
        if (rnd.nextInt(20) == 0) {
          int delta = rnd.nextInt(3);
          same(where, m -> m.grow(delta), flat, oracle);
        } else {
          same(where, Memory::pages, flat, oracle);
        }
      }
    }
  }

  /** Mostly in bounds, often unaligned, sometimes at or past the end, sometimes negative. */
  private static int address(Random rnd, int size) {
    return switch (rnd.nextInt(10)) {
      case 0 -> size - rnd.nextInt(12) + 2;
      case 1 -> -rnd.nextInt(9) - 1;
      case 2 -> rnd.nextInt(64);
      default -> size == 0 ? rnd.nextInt(9) : rnd.nextInt(size);
    };
  }

  private static Object run(Runnable r) {
    r.run();
    return "ok";
  }

  /** Both memories give the same value, or both throw a WasmRuntimeException. */
  private static void same(String where, Function<Memory, Object> op, Memory flat, Memory oracle) {
    Object expected;
    try {
      expected = op.apply(oracle);
    } catch (WasmRuntimeException e) {
      assertThrows(WasmRuntimeException.class, () -> op.apply(flat), where);
      return;
    }
    assertEquals(expected, op.apply(flat), where);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void growKeepsContentZeroesNewPagesAndStopsAtTheMaximum(String kind) {
    Memory m = flat(kind, new MemoryLimits(1, 3));
    m.writeI32(PAGE - 4, 0x11223344);
    assertEquals(1, m.grow(1));
    assertEquals(0x11223344, m.readInt(PAGE - 4));
    assertEquals(0L, m.readLong(PAGE));
    assertEquals(0, m.readInt(2 * PAGE - 4));
    assertEquals(2, m.grow(1));
    assertEquals(-1, m.grow(1));
    assertEquals(3, m.pages());
    assertThrows(WasmRuntimeException.class, () -> m.readInt(3 * PAGE));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void capacityBeyondTheSizeIsNeverReadable(String kind) {
    Memory m = flat(kind, new MemoryLimits(1, 100));
    m.grow(1); // capacity doubles past the two pages in use
    assertEquals(0, m.read(2 * PAGE - 1));
    assertThrows(WasmRuntimeException.class, () -> m.read(2 * PAGE));
    assertThrows(WasmRuntimeException.class, () -> m.readInt(2 * PAGE));
    assertThrows(WasmRuntimeException.class, () -> m.readInt(2 * PAGE - 3));
    assertThrows(WasmRuntimeException.class, () -> m.readShort(2 * PAGE - 1));
    assertThrows(WasmRuntimeException.class, () -> m.readLong(2 * PAGE - 4));
    assertThrows(WasmRuntimeException.class, () -> m.writeI32(2 * PAGE, 1));
    assertThrows(WasmRuntimeException.class, () -> m.writeLong(2 * PAGE - 7, 1));
    assertThrows(WasmRuntimeException.class, () -> m.readBytes(2 * PAGE - 1, 2));
    assertEquals(0L, m.readLong(2 * PAGE - 8));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aOnePageMemoryEndsAtItsPage(String kind) {
    // The direct accessors compare with the first page's bounds as a floor: it must not let
    // through an access that ends past a memory of exactly one page.
    Memory m = flat(kind, new MemoryLimits(1, 2));
    m.writeLong(PAGE - 8, 0x0102030405060708L);
    assertEquals(0x01, m.read(PAGE - 1));
    assertEquals(0x0102, m.readShort(PAGE - 2));
    assertEquals(0x01020304, m.readInt(PAGE - 4));
    assertEquals(0x02030405, m.readInt(PAGE - 5));
    assertEquals(0x0102030405060708L, m.readLong(PAGE - 8));
    assertThrows(WasmRuntimeException.class, () -> m.read(PAGE));
    assertThrows(WasmRuntimeException.class, () -> m.readShort(PAGE - 1));
    assertThrows(WasmRuntimeException.class, () -> m.readInt(PAGE - 3));
    assertThrows(WasmRuntimeException.class, () -> m.readInt(PAGE));
    assertThrows(WasmRuntimeException.class, () -> m.readLong(PAGE - 7));
    assertThrows(WasmRuntimeException.class, () -> m.writeByte(PAGE, (byte) 1));
    assertThrows(WasmRuntimeException.class, () -> m.writeShort(PAGE - 1, (short) 1));
    assertThrows(WasmRuntimeException.class, () -> m.writeI32(PAGE - 2, 1));
    assertThrows(WasmRuntimeException.class, () -> m.writeLong(PAGE - 4, 1));
    assertEquals(0x0102030405060708L, m.readLong(PAGE - 8));
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void alignedAndUnalignedLoadsReadTheSameBytes(String kind) {
    Memory m = flat(kind, new MemoryLimits(1, 1));
    for (int a = 0; a < 64; a++) {
      m.writeByte(a, (byte) (a * 7 + 1));
    }
    for (int a = 0; a < 48; a++) {
      long expected = 0;
      for (int k = 7; k >= 0; k--) {
        expected = expected << 8 | ((a + k) * 7 + 1) & 0xFF;
      }
      assertEquals((short) expected, m.readShort(a), "readShort " + a);
      assertEquals((int) expected, m.readInt(a), "readInt " + a);
      assertEquals(expected, m.readLong(a), "readLong " + a);
    }
  }

  @Test
  void aMemoryThatStartsEmptyGetsTheArrayAccessors() {
    if (UnsafeAccess.AVAILABLE) {
      assertThrows(IllegalArgumentException.class, () -> new DirectFlatMemory(new MemoryLimits(0, 1)));
    }
    assertInstanceOf(ArrayFlatMemory.class, FlatMemory.create(new MemoryLimits(0, 1)));
  }

  @Test
  void aMemoryOfNoPagesHasNoAddresses() {
    Memory m = FlatMemory.create(new MemoryLimits(0, 1));
    for (int a : new int[] {0, 1, 3, 7, -1, -8}) {
      assertThrows(WasmRuntimeException.class, () -> m.read(a));
      assertThrows(WasmRuntimeException.class, () -> m.readShort(a));
      assertThrows(WasmRuntimeException.class, () -> m.readInt(a));
      assertThrows(WasmRuntimeException.class, () -> m.readLong(a));
      assertThrows(WasmRuntimeException.class, () -> m.writeByte(a, (byte) 1));
      assertThrows(WasmRuntimeException.class, () -> m.writeLong(a, 1));
    }
    assertEquals(0, m.grow(1));
    assertEquals(0L, m.readLong(PAGE - 8));
  }

  @Test
  void sharedMemoriesStayWithEndive() {
    assertInstanceOf(ByteArrayMemory.class, FlatMemory.create(new MemoryLimits(1, 2, true)));
    assertInstanceOf(FlatMemory.class, FlatMemory.create(new MemoryLimits(1, 2)));
  }
}
