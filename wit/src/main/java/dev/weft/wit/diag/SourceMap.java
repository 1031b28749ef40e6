package dev.weft.wit.diag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The texts that spans point into. Each added file gets a base offset; a global offset maps back
 * to the file, 1-based line and 1-based column, where columns count Unicode code points (as
 * SnakeYAML does), so a caret lands under the right character in non-ASCII lines.
 *
 * <p>Not thread-safe while files are added; safe to read from many threads afterwards.
 */
public final class SourceMap {
  /** A file's name as shown to users, its text, and where it starts in the global offsets. */
  public record Source(String name, String text, int base, int[] lineStarts) {
    public Source {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
      lineStarts = lineStarts.clone();
    }

    /** The text of 1-based {@code line}, without its line terminator. */
    public String line(int line) {
      int start = lineStarts[line - 1];
      int end = line < lineStarts.length ? lineStarts[line] : text.length();
      while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
        end--;
      }
      return text.substring(start, end);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Source s
          && s.name.equals(name)
          && s.text.equals(text)
          && s.base == base
          && Arrays.equals(s.lineStarts, lineStarts);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, text, base);
    }

    @Override
    public String toString() {
      return "Source[" + name + "]";
    }
  }

  /** A resolved position: the file, its 1-based line and 1-based code-point column. */
  public record Location(Source source, int line, int column) {}

  private final List<Source> sources = new ArrayList<>();
  private int next;

  /**
   * Adds a file and returns its base offset; offsets {@code base .. base + text.length()} point
   * into it.
   */
  public int add(String name, String text) {
    int base = next;
    sources.add(new Source(name, text, base, lineStarts(text)));
    // One past the end stays inside this file (a span at end of input), then a gap of one.
    next = base + text.length() + 1;
    return base;
  }

  /** The files added so far. */
  public List<Source> sources() {
    return List.copyOf(sources);
  }

  /** Where a global offset is, or null for {@link Span#NONE} or an offset outside every file. */
  public Location locate(int offset) {
    if (offset < 0) {
      return null;
    }
    for (Source s : sources) {
      if (offset >= s.base() && offset <= s.base() + s.text().length()) {
        int local = offset - s.base();
        int idx = Arrays.binarySearch(s.lineStarts(), local);
        int line = idx >= 0 ? idx + 1 : -idx - 1;
        int lineStart = s.lineStarts()[line - 1];
        int column = s.text().codePointCount(lineStart, local) + 1;
        return new Location(s, line, column);
      }
    }
    return null;
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
