package dev.weft.wit.model;

/** Index of a {@link TypeDef} in a {@link TypeTable}'s arena. */
public record TypeId(int index) {
  public TypeId {
    if (index < 0) {
      throw new IllegalArgumentException("negative type index " + index);
    }
  }
}
