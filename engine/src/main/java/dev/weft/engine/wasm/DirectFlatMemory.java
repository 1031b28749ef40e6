package dev.weft.engine.wasm;

import run.endive.wasm.types.MemoryLimits;

/**
 * The loads and stores of a {@link FlatMemory} as {@code sun.misc.Unsafe} accesses at byte
 * offsets of the word array ({@link UnsafeAccess}): one unsigned comparison with the size, then one
 * machine load or store, at any address. Wasm is little-endian, as the machines this runs on are,
 * and they load unaligned words in one instruction, so no access needs an alignment test, a shift
 * or a second word.
 *
 * <p>Why not the array accesses of {@link ArrayFlatMemory}, which need no Unsafe: each of its loads
 * pays a second bounds test (the JVM's own, against the array's length, which C2 cannot drop
 * because the length is the capacity, not the size), and an alignment branch whose profile every
 * guest in the JVM shares. On bcrypt's Blowfish loop (JDK 25, 2 cores, alternating runs): 233-245
 * ms a hash here against 241-251 there, and 265-420 there whenever unaligned loads (bcrypt's own
 * salt, or any other guest's) reached that profile before the loop was compiled. Byte stores, a
 * read, mask and write of a word there, are one store here. Java's supported way to do this,
 * {@code MemorySegment}, needs JDK 22, and Weft builds for 17.
 *
 * <p>Safety rests on one invariant: an access of {@code n} bytes at {@code a} happens only after
 * {@code a} is found below {@code end<n>} as an unsigned number, that is {@code a + n <= size},
 * and the word array always holds at least {@code size} bytes ({@link FlatMemory#grow} replaces the
 * array before it raises the size).
 *
 * <p>Two ways of writing that test and the access let C2 compile a table lookup, the hot path of
 * ciphers, hashes and codecs, as native code does:
 *
 * <ul>
 *   <li><b>The first page needs no test.</b> A memory here has at least one page from the start
 *       ({@link FlatMemory#create} gives a memory that starts empty {@code ArrayFlatMemory}), and
 *       memories never shrink, so {@code end<n>} is never below the first page's, and the accessors
 *       compare with {@code Math.max(end<n>, FIRST_END<n>)}: the same number at run time, but C2 then
 *       knows a lower bound for it, and where it knows the address's range (a constant address, or
 *       a lookup {@code ((x >>> 24) << 2) + table} in data placed in the first 64 KiB, as compilers
 *       place static data) it drops the test. Elsewhere it costs a conditional move each time the
 *       field is read.
 *   <li><b>Aligned loads address the word.</b> A load of 2, 4 or 8 bytes at an address that is a
 *       multiple of its size reads at {@code BASE + ((long) (a >>> k) << k)}: the same offset,
 *       written so that C2 folds the shift of a lookup's {@code (x >>> 24) << 2} into the load's
 *       scaled addressing ({@code [base + byte*4 + table]}). With {@code BASE + a}, C2 rewrites the
 *       address as {@code (x >>> 22) & ~3} and computes it first: one more instruction on the path
 *       each lookup waits for. The alignment test costs a predicted branch where C2 cannot fold it.
 * </ul>
 *
 * <p>Together, on bcrypt's Blowfish loop (each round waits for four lookups): 223 ms a cost-12
 * hash against 236 with the plain test and offset, and native bcrypt's 222 measured beside it
 * (JDK 25, 2 cores, 2026-11-24).
 *
 * <p>{@link FlatMemory#create} uses {@code ArrayFlatMemory} instead on big-endian or
 * strict-alignment machines and where the JVM refuses Unsafe's memory access (JDK 24+ started with
 * {@code --sun-misc-unsafe-memory-access=deny}, and later JDKs by default). JDK 24+ print a
 * warning on its first use unless started with {@code --sun-misc-unsafe-memory-access=allow},
 * which the {@code weft} launcher passes.
 */
final class DirectFlatMemory extends FlatMemory {
  private static final long BASE = UnsafeAccess.INTS;

  /** The bounds of an access of 1, 2, 4 and 8 bytes in the first page, which every memory here has. */
  private static final int FIRST_END1 = PAGE_SIZE;
  private static final int FIRST_END2 = PAGE_SIZE - 1;
  private static final int FIRST_END4 = PAGE_SIZE - 3;
  private static final int FIRST_END8 = PAGE_SIZE - 7;

  /**
   * Only where {@link UnsafeAccess#AVAILABLE}, for a memory of at least one page.
   *
   * @throws IllegalArgumentException when {@code limits} start with no pages
   */
  DirectFlatMemory(MemoryLimits limits) {
    super(limits);
    if (!UnsafeAccess.AVAILABLE) {
      throw new IllegalStateException("direct memory access is not available on this JVM");
    }
    if (size < PAGE_SIZE) {
      throw new IllegalArgumentException("a direct memory starts with at least one page");
    }
  }

  // Loads.

  @Override
  public byte read(int address) {
    if (Integer.compareUnsigned(address, Math.max(size, FIRST_END1)) < 0) {
      return UnsafeAccess.getByte(words, BASE + address);
    }
    throw outOfBoundsException(address, 1);
  }

  @Override
  public short readShort(int address) {
    if (Integer.compareUnsigned(address, Math.max(end2, FIRST_END2)) < 0) {
      if ((address & 1) == 0) {
        return UnsafeAccess.getShort(words, BASE + ((long) (address >>> 1) << 1));
      }
      return UnsafeAccess.getShort(words, BASE + address);
    }
    throw outOfBoundsException(address, 2);
  }

  @Override
  public int readInt(int address) {
    if (Integer.compareUnsigned(address, Math.max(end4, FIRST_END4)) < 0) {
      if ((address & 3) == 0) {
        return UnsafeAccess.getInt(words, BASE + ((long) (address >>> 2) << 2));
      }
      return UnsafeAccess.getInt(words, BASE + address);
    }
    throw outOfBoundsException(address, 4);
  }

  @Override
  public long readLong(int address) {
    if (Integer.compareUnsigned(address, Math.max(end8, FIRST_END8)) < 0) {
      if ((address & 7) == 0) {
        return UnsafeAccess.getLong(words, BASE + ((long) (address >>> 3) << 3));
      }
      return UnsafeAccess.getLong(words, BASE + address);
    }
    throw outOfBoundsException(address, 8);
  }

  // Stores: the same first-page bound; the plain offset (a store is rarely what a loop waits for).

  @Override
  public void writeByte(int address, byte value) {
    if (Integer.compareUnsigned(address, Math.max(size, FIRST_END1)) >= 0) {
      throw outOfBoundsException(address, 1);
    }
    UnsafeAccess.putByte(words, BASE + address, value);
  }

  @Override
  public void writeShort(int address, short value) {
    if (Integer.compareUnsigned(address, Math.max(end2, FIRST_END2)) >= 0) {
      throw outOfBoundsException(address, 2);
    }
    UnsafeAccess.putShort(words, BASE + address, value);
  }

  @Override
  public void writeI32(int address, int value) {
    if (Integer.compareUnsigned(address, Math.max(end4, FIRST_END4)) >= 0) {
      throw outOfBoundsException(address, 4);
    }
    UnsafeAccess.putInt(words, BASE + address, value);
  }

  @Override
  public void writeLong(int address, long value) {
    if (Integer.compareUnsigned(address, Math.max(end8, FIRST_END8)) >= 0) {
      throw outOfBoundsException(address, 8);
    }
    UnsafeAccess.putLong(words, BASE + address, value);
  }
}
