package dev.weft.wit.model;

/**
 * An arena of type definitions, addressed by {@link TypeId}. {@link Named} types are looked up
 * here. Implementations are immutable and safe to share between threads.
 */
public interface TypeTable {
  /**
   * The definition of {@code id}.
   *
   * @throws IllegalArgumentException if {@code id} is not in this table
   */
  TypeDef type(TypeId id);

  /**
   * Follows {@link Named} references and aliases until a structural type is reached.
   *
   * @param type any type of this table
   * @return a type whose kind is not {@link Kind#NAMED}
   */
  default WitType unalias(WitType type) {
    WitType t = type;
    while (t instanceof Named n) {
      t = type(n.id()).definition();
    }
    return t;
  }
}
