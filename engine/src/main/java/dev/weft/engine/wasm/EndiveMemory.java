package dev.weft.engine.wasm;

import dev.weft.wit.abi.AbiException;
import dev.weft.wit.abi.Memory;
import run.endive.runtime.ExportFunction;

/**
 * The canonical ABI's view of an Endive memory and the guest's {@code realloc}. The codecs check
 * every range against {@link #size()} first; Endive checks again.
 */
final class EndiveMemory implements Memory {
  private final run.endive.runtime.Memory memory;
  private final ExportFunction realloc;

  EndiveMemory(run.endive.runtime.Memory memory, ExportFunction realloc) {
    this.memory = memory;
    this.realloc = realloc;
  }

  @Override
  public long size() {
    return (long) memory.pages() * run.endive.runtime.Memory.PAGE_SIZE;
  }

  @Override
  public byte read8(int offset) {
    return memory.read(offset);
  }

  @Override
  public short read16(int offset) {
    return memory.readShort(offset);
  }

  @Override
  public int read32(int offset) {
    return memory.readInt(offset);
  }

  @Override
  public long read64(int offset) {
    return memory.readLong(offset);
  }

  @Override
  public byte[] readBytes(int offset, int length) {
    return memory.readBytes(offset, length);
  }

  @Override
  public void write8(int offset, byte value) {
    memory.writeByte(offset, value);
  }

  @Override
  public void write16(int offset, short value) {
    memory.writeShort(offset, value);
  }

  @Override
  public void write32(int offset, int value) {
    memory.writeI32(offset, value);
  }

  @Override
  public void write64(int offset, long value) {
    memory.writeLong(offset, value);
  }

  @Override
  public void writeBytes(int offset, byte[] data, int from, int length) {
    memory.write(offset, data, from, length);
  }

  @Override
  public int realloc(int oldPtr, int oldSize, int align, int newSize) {
    if (realloc == null) {
      throw new AbiException(
          "the function needs the `realloc` canonical option, which the component does not give");
    }
    long[] r = realloc.apply(oldPtr, oldSize, align, newSize);
    if (r == null || r.length != 1) {
      throw new AbiException(
          "realloc returned " + (r == null ? 0 : r.length) + " values instead of 1");
    }
    return (int) r[0];
  }
}
