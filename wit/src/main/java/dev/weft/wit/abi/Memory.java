package dev.weft.wit.abi;

/**
 * A guest's linear memory as the canonical ABI sees it: little-endian reads and writes at byte
 * offsets, and the guest's {@code realloc}.
 *
 * <p>Codecs check every range against {@link #size()} before they touch memory, so implementations
 * may assume in-bounds offsets; they should still fail (with {@link AbiException}) rather than
 * corrupt anything if that assumption is broken. Implementations are not thread-safe: a memory
 * belongs to one instance, which serves one call at a time.
 */
public interface Memory {
  /** The current size in bytes. */
  long size();

  byte read8(int offset);

  short read16(int offset);

  int read32(int offset);

  long read64(int offset);

  /** A fresh copy of {@code length} bytes at {@code offset}. */
  byte[] readBytes(int offset, int length);

  void write8(int offset, byte value);

  void write16(int offset, short value);

  void write32(int offset, int value);

  void write64(int offset, long value);

  /** Copies {@code data[from, from + length)} to {@code offset}. */
  void writeBytes(int offset, byte[] data, int from, int length);

  /**
   * Calls the guest's {@code realloc(old_ptr, old_size, align, new_size)}: allocates {@code
   * newSize} bytes when {@code oldPtr} and {@code oldSize} are 0. The caller checks the returned
   * pointer.
   *
   * @return the guest pointer (an unsigned 32-bit value in an {@code int})
   * @throws AbiException when the memory has no realloc (a component bug caught at bind time)
   */
  int realloc(int oldPtr, int oldSize, int align, int newSize);
}
