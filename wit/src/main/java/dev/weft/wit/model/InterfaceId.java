package dev.weft.wit.model;

/** Index of an interface in a {@link Resolve}'s arena. */
public record InterfaceId(int index) {
  public InterfaceId {
    if (index < 0) {
      throw new IllegalArgumentException("negative interface index " + index);
    }
  }
}
