package dev.weft.wit.wat;

import java.util.List;

/** A node of component text: an atom (keyword, number, {@code $id}, string) or a list. */
sealed interface SExpr {
  int start();

  int end();

  /** What an atom is. */
  enum AtomKind {
    KEYWORD,
    ID,
    STRING
  }

  /**
   * @param text a keyword or number as written, an id without its {@code $}, a string's contents
   *     after escapes are decoded
   */
  record Atom(AtomKind kind, String text, int start, int end) implements SExpr {
    boolean is(String keyword) {
      return kind == AtomKind.KEYWORD && text.equals(keyword);
    }
  }

  /** {@code (head ...)}. */
  record SList(List<SExpr> items, int start, int end) implements SExpr {
    public SList {
      items = List.copyOf(items);
    }

    /** The leading keyword, or empty when the list does not start with one. */
    String head() {
      return !items.isEmpty() && items.get(0) instanceof Atom a && a.kind() == AtomKind.KEYWORD
          ? a.text()
          : "";
    }
  }
}
