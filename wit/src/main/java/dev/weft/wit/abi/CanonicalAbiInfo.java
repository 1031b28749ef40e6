package dev.weft.wit.abi;

import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitType;
import java.util.List;

/**
 * The canonical ABI facts of one type: its size and alignment in memory and its flattening into
 * core values.
 *
 * @param size the spec's {@code elem_size}
 * @param align the spec's {@code alignment}
 * @param flat the spec's {@code flatten_type}
 */
public record CanonicalAbiInfo(int size, int align, List<CoreType> flat) {
  public CanonicalAbiInfo {
    flat = List.copyOf(flat);
  }

  /**
   * The ABI facts of {@code type}.
   *
   * @throws IllegalArgumentException for types that have no ABI here (resources, futures, streams)
   */
  public static CanonicalAbiInfo of(WitType type, TypeTable types) {
    Codec c = Codecs.build(type, types);
    return new CanonicalAbiInfo(c.size, c.align, List.of(c.flat));
  }

  /** The number of flat core values. */
  public int flatCount() {
    return flat.size();
  }
}
