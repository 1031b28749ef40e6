package dev.weft.engine.wasm;

import run.endive.wasm.types.MemoryLimits;

/**
 * The loads and stores of a {@link FlatMemory} in plain Java array accesses, for JVMs where {@link
 * DirectFlatMemory} cannot run. An aligned 32-bit access, by far the commonest of compiled C and
 * Rust, tests {@code (address & 3) == 0} and the size, then indexes {@code words[address >>> 2]};
 * unaligned and narrower accesses are a shift and a mask away; a byte store reads, masks and
 * writes its word.
 *
 * <p>Compiled C addresses an array element as {@code (i << 2) + base}; on that shape C2 proves the
 * alignment test true and turns the index back into {@code i + base / 4}, the load's addressing
 * mode. Where it cannot prove it, the unaligned branch stays, and its profile is shared by every
 * guest in the JVM: one unaligned load anywhere before a hot function is compiled keeps a call
 * on every such load of it (bcrypt measured 10-70% slower so). {@code DirectFlatMemory} has no
 * such branch.
 */
final class ArrayFlatMemory extends FlatMemory {
  ArrayFlatMemory(MemoryLimits limits) {
    super(limits);
  }

  // Loads.

  @Override
  public byte read(int address) {
    if (Integer.compareUnsigned(address, size) >= 0) {
      throw outOfBoundsException(address, 1);
    }
    return (byte) (words[address >>> 2] >>> ((address & 3) << 3));
  }

  @Override
  public short readShort(int address) {
    if ((address & 1) == 0 && Integer.compareUnsigned(address, size) < 0) {
      return (short) (words[address >>> 2] >>> ((address & 2) << 3));
    }
    check(address, 2);
    return (short) ((read(address) & 0xFF) | read(address + 1) << 8);
  }

  @Override
  public int readInt(int address) {
    if ((address & 3) == 0 && Integer.compareUnsigned(address, size) < 0) {
      return words[address >>> 2];
    }
    return readIntUnaligned(address);
  }

  /** A load at an address that is not a multiple of 4 (or out of bounds). */
  private int readIntUnaligned(int address) {
    check(address, 4);
    int i = address >>> 2;
    int shift = (address & 3) << 3;
    return (words[i] >>> shift) | (words[i + 1] << (32 - shift));
  }

  @Override
  public long readLong(int address) {
    if ((address & 3) == 0 && Integer.compareUnsigned(address, end8) < 0) {
      int i = address >>> 2;
      return (words[i] & 0xFFFFFFFFL) | (long) words[i + 1] << 32;
    }
    check(address, 8);
    return (readInt(address) & 0xFFFFFFFFL) | (long) readInt(address + 4) << 32;
  }

  // Stores.

  @Override
  public void writeByte(int address, byte value) {
    if (Integer.compareUnsigned(address, size) >= 0) {
      throw outOfBoundsException(address, 1);
    }
    int i = address >>> 2;
    int shift = (address & 3) << 3;
    words[i] = (words[i] & ~(0xFF << shift)) | (value & 0xFF) << shift;
  }

  @Override
  public void writeShort(int address, short value) {
    if ((address & 1) == 0 && Integer.compareUnsigned(address, size) < 0) {
      int i = address >>> 2;
      int shift = (address & 2) << 3;
      words[i] = (words[i] & ~(0xFFFF << shift)) | (value & 0xFFFF) << shift;
      return;
    }
    check(address, 2);
    writeByte(address, (byte) value);
    writeByte(address + 1, (byte) (value >>> 8));
  }

  @Override
  public void writeI32(int address, int value) {
    if ((address & 3) == 0 && Integer.compareUnsigned(address, size) < 0) {
      words[address >>> 2] = value;
      return;
    }
    writeIntUnaligned(address, value);
  }

  /** A store at an address that is not a multiple of 4 (or out of bounds). */
  private void writeIntUnaligned(int address, int value) {
    check(address, 4);
    int i = address >>> 2;
    int shift = (address & 3) << 3;
    int low = -1 << shift; // the bits of word i that the value covers
    words[i] = (words[i] & ~low) | value << shift;
    words[i + 1] = (words[i + 1] & low) | value >>> (32 - shift);
  }

  @Override
  public void writeLong(int address, long value) {
    if ((address & 3) == 0 && Integer.compareUnsigned(address, end8) < 0) {
      int i = address >>> 2;
      words[i] = (int) value;
      words[i + 1] = (int) (value >>> 32);
      return;
    }
    check(address, 8);
    writeI32(address, (int) value);
    writeI32(address + 4, (int) (value >>> 32));
  }
}
