package dev.weft.wit.abi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Memory} over a byte array for tests, with a bump allocator as its realloc that records
 * every call. {@link #nextAllocation} lets a test make realloc lie.
 */
final class ByteArrayMemory implements Memory {
  final byte[] bytes;
  private final ByteBuffer buf;
  int top;
  final List<int[]> reallocs = new ArrayList<>();

  /** When set, the next realloc returns this pointer instead of allocating. */
  Integer nextAllocation;

  ByteArrayMemory(int size) {
    bytes = new byte[size];
    buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    top = 8;
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public byte read8(int offset) {
    return bytes[offset];
  }

  @Override
  public short read16(int offset) {
    return buf.getShort(offset);
  }

  @Override
  public int read32(int offset) {
    return buf.getInt(offset);
  }

  @Override
  public long read64(int offset) {
    return buf.getLong(offset);
  }

  @Override
  public byte[] readBytes(int offset, int length) {
    return java.util.Arrays.copyOfRange(bytes, offset, offset + length);
  }

  @Override
  public void write8(int offset, byte value) {
    bytes[offset] = value;
  }

  @Override
  public void write16(int offset, short value) {
    buf.putShort(offset, value);
  }

  @Override
  public void write32(int offset, int value) {
    buf.putInt(offset, value);
  }

  @Override
  public void write64(int offset, long value) {
    buf.putLong(offset, value);
  }

  @Override
  public void writeBytes(int offset, byte[] data, int from, int length) {
    System.arraycopy(data, from, bytes, offset, length);
  }

  @Override
  public int realloc(int oldPtr, int oldSize, int align, int newSize) {
    reallocs.add(new int[] {oldPtr, oldSize, align, newSize});
    if (nextAllocation != null) {
      int p = nextAllocation;
      nextAllocation = null;
      return p;
    }
    top = (top + align - 1) & -align;
    int p = top;
    top += newSize;
    return p;
  }
}
