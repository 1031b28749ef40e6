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
 * <p>{@link FlatMemory#create} uses {@code ArrayFlatMemory} instead on big-endian or
 * strict-alignment machines and where the JVM refuses Unsafe's memory access (JDK 24+ started with
 * {@code --sun-misc-unsafe-memory-access=deny}, and later JDKs by default). JDK 24+ print a
 * warning on its first use unless started with {@code --sun-misc-unsafe-memory-access=allow},
 * which the {@code weft} launcher passes.
 */
final class DirectFlatMemory extends FlatMemory {
  private static final long BASE = UnsafeAccess.INTS;

  /** Only where {@link UnsafeAccess#AVAILABLE}. */
  DirectFlatMemory(MemoryLimits limits) {
    super(limits);
    if (!UnsafeAccess.AVAILABLE) {
      throw new IllegalStateException("direct memory access is not available on this JVM");
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
    if (Integer.compareUnsigned(address, end4) < 0) {
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
