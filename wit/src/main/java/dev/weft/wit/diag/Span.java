package dev.weft.wit.diag;

/**
 * A half-open range {@code [start, end)} of global offsets in a {@link SourceMap}, counted in
 * chars of the Java strings the map holds. {@link #NONE} means "no known place" (for example, a
 * value decoded from a binary) and renders without a snippet.
 */
public record Span(int start, int end) {
  /** An unknown place. */
  public static final Span NONE = new Span(-1, -1);

  public Span {
    if (start > end || (start < 0 && (start != -1 || end != -1))) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** Whether this span points somewhere. */
  public boolean known() {
    return start >= 0;
  }

  /** The smallest span that covers both; {@link #NONE} is absorbed. */
  public Span to(Span other) {
    if (!known()) {
      return other;
    }
    if (!other.known()) {
      return this;
    }
    return new Span(Math.min(start, other.start), Math.max(end, other.end));
  }
}
