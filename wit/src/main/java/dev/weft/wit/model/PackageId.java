package dev.weft.wit.model;

/** Index of aPackage package in a {@link Resolve}'s arena. */
public record PackageId(int index) {
  public PackageId {
    if (index < 0) {
      throw new IllegalArgumentException("negative package index " + index);
    }
  }
}
