package dev.weft.wit.diag;

/** How bad a {@link Diagnostic} is. */
public enum Severity {
  ERROR,
  WARNING;

  /** The word printed in front of the code, as in {@code error[WIT0102]}. */
  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
