package dev.weft.wit.model;

/** Index of aWorld world in a {@link Resolve}'s arena. */
public record WorldId(int index) {
  public WorldId {
    if (index < 0) {
      throw new IllegalArgumentException("negative world index " + index);
    }
  }
}
