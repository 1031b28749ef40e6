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
 * <p><b>A 4-byte load in the first page needs no test when C2 knows its address.</b> A memory here
 * has at least one page from the start ({@link FlatMemory#create} gives a memory that starts
 * empty {@code ArrayFlatMemory}), and memories never shrink, so {@code end4} is never below the
 * first page's bound, and {@link #readInt} compares with {@code Math.max(end4, FIRST_END4)}: the
 * same number at run time, but C2 then knows a lower bound for it, and where it knows the
 * address's range (a constant address, or a table lookup {@code ((x >>> 24) << 2) + table} in
 * static data, which compilers place in the first 64 KiB) it drops the test. Elsewhere it costs a
 * conditional move each time the field is read. bcrypt's Blowfish loop (four table lookups a
 * round): 230-234 ms a cost-12 hash against 240 without (JDK 25, 2 cores, 2026-11-24).
 *
 * <p>Only {@code readInt}: C2 stops inlining into a method once the bytecode it inlined passes
 * about 8,000 bytes ({@code DesiredMethodLimit}, fixed in product JVMs), and {@code Math.max}
 * makes each inlined access bigger. In the QR code guest's large functions, mostly byte accesses,
 * the bound on every accessor made more of them real calls: 145-149 us a request against 114.
 * Also tried: loading an aligned word at {@code BASE + ((long) (a >>> 2) << 2)}, so that C2 folds a
 * lookup's shift into scaled addressing ({@code [base + byte*4 + table]}) as native code does.
 * bcrypt then ran at native speed (223 ms against native's 222), but the alignment test is a
 * branch wherever C2 cannot fold it, and the QR guest, whose loads' alignment varies, took 160-200
 * us a request.
 *
 * <p>{@link FlatMemory#create} uses {@code ArrayFlatMemory} instead on big-endian or
 * strict-alignment machines and where the JVM refuses Unsafe's memory access (JDK 24+ started with
 * {@code --sun-misc-unsafe-memory-access=deny}, and later JDKs by default). JDK 24+ print a
 * warning on its first use unless started with {@code --sun-misc-unsafe-memory-access=allow},
 * which the {@code weft} launcher passes.
 */
final class DirectFlatMemory extends FlatMemory {
  private static final long BASE = UnsafeAccess.INTS;

  /** The bound of a 4-byte access in the first page, which every memory here has. */
  private static final int FIRST_END4 = PAGE_SIZE - 3;

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
    if (Integer.compareUnsigned(address, size) < 0) {
      return UnsafeAccess.getByte(words, BASE + address);
    }
    throw outOfBoundsException(address, 1);
  }

  @Override
  public short readShort(int address) {
    if (Integer.compareUnsigned(address, end2) < 0) {
      return UnsafeAccess.getShort(words, BASE + address);
    }
    throw outOfBoundsException(address, 2);
  }

  @Override
  public int readInt(int address) {
    if (Integer.compareUnsigned(address, Math.max(end4, FIRST_END4)) < 0) {
      return UnsafeAccess.getInt(words, BASE + address);
    }
    throw outOfBoundsException(address, 4);
  }

  @Override
  public long readLong(int address) {
    if (Integer.compareUnsigned(address, end8) < 0) {
      return UnsafeAccess.getLong(words, BASE + address);
    }
    throw outOfBoundsException(address, 8);
  }

  // Stores.

  @Override
  public void writeByte(int address, byte value) {
    if (Integer.compareUnsigned(address, size) >= 0) {
      throw outOfBoundsException(address, 1);
    }
    UnsafeAccess.putByte(words, BASE + address, value);
  }

  @Override
  public void writeShort(int address, short value) {
    if (Integer.compareUnsigned(address, end2) >= 0) {
      throw outOfBoundsException(address, 2);
    }
    UnsafeAccess.putShort(words, BASE + address, value);
  }

  @Override
  public void writeI32(int address, int value) {
    if (Integer.compareUnsigned(address, end4) >= 0) {
      throw outOfBoundsException(address, 4);
    }
    UnsafeAccess.putInt(words, BASE + address, value);
  }

  @Override
  public void writeLong(int address, long value) {
    if (Integer.compareUnsigned(address, end8) >= 0) {
      throw outOfBoundsException(address, 8);
    }
    UnsafeAccess.putLong(words, BASE + address, value);
  }
}
