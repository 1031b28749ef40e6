package dev.weft.wit.binary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds the WIT world that {@code wasm-tools component embed} (or {@code jco embed}) stores in a
 * core module's {@code component-type} custom section, so that the module loads without a separate
 * WIT world.
 */
public final class EmbeddedWorld {
  /** The custom section name, or its prefix ({@code component-type:<world>}). */
  static final String SECTION = "component-type";

  private EmbeddedWorld() {}

  /**
   * The world embedded in core module {@code module}, if it has one.
   *
   * @throws BinaryFormatException when the module's sections or the world are malformed
   */
  public static Optional<DecodedWorld> find(byte[] module) {
    List<byte[]> found = sections(module);
    return found.isEmpty()
        ? Optional.empty()
        : Optional.of(ComponentTranslator.world(ComponentReader.read(found.get(0))));
  }

  /**
   * The contents of every {@code component-type} custom section of core module {@code module}, in
   * order: each is a WIT package encoded as a component, holding one world.
   *
   * @throws BinaryFormatException when the module's section headers are malformed
   */
  public static List<byte[]> sections(byte[] module) {
    List<byte[]> out = new ArrayList<>();
    int pos = 8;
    while (pos < module.length) {
      int id = module[pos++] & 0xFF;
      long[] size = leb(module, pos);
      pos = (int) size[1];
      int end = (int) Math.min((long) pos + size[0], module.length);
      if (id == 0 && pos < end) {
        long[] len = leb(module, pos);
        int nameStart = (int) Math.min(len[1], end);
        int nameEnd = (int) Math.min(nameStart + len[0], end);
        String name =
            new String(
                module, nameStart, nameEnd - nameStart, java.nio.charset.StandardCharsets.UTF_8);
        if (name.startsWith(SECTION)) {
          out.add(Arrays.copyOfRange(module, nameEnd, end));
        }
      }
      pos = end;
    }
    return out;
  }

  private static long[] leb(byte[] b, int pos) {
    long result = 0;
    int shift = 0;
    while (true) {
      if (pos >= b.length || shift > 28) {
        throw new BinaryFormatException(pos, "a section size (LEB128 u32)");
      }
      int x = b[pos++] & 0xFF;
      result |= (long) (x & 0x7f) << shift;
      shift += 7;
      if ((x & 0x80) == 0) {
        return new long[] {result, pos};
      }
    }
  }
}
