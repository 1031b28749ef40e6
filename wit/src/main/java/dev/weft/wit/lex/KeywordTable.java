package dev.weft.wit.lex;

/**
 * An open-addressing table from keyword spelling to {@link TokenKind}, probed with a region of the
 * source so the lexer need not allocate a string per word.
 */
final class KeywordTable {
  private static final int SIZE = 256; // a power of two, several times the number of keywords
  private final String[] words = new String[SIZE];
  private final TokenKind[] kinds = new TokenKind[SIZE];

  KeywordTable() {
    for (TokenKind k : TokenKind.values()) {
      if (k.isKeyword()) {
        String word = spelling(k);
        int slot = hash(word, 0, word.length());
        while (words[slot] != null) {
          slot = (slot + 1) & (SIZE - 1);
        }
        words[slot] = word;
        kinds[slot] = k;
      }
    }
  }

  TokenKind find(String text, int start, int end) {
    int slot = hash(text, start, end);
    while (words[slot] != null) {
      String w = words[slot];
      if (w.length() == end - start && text.regionMatches(start, w, 0, w.length())) {
        return kinds[slot];
      }
      slot = (slot + 1) & (SIZE - 1);
    }
    return TokenKind.ID;
  }

  private static int hash(CharSequence s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + s.charAt(i);
    }
    return (h ^ (h >>> 16)) & (SIZE - 1);
  }

  /** The keyword a kind stands for, taken from its description ({@code keyword `use`}). */
  private static String spelling(TokenKind k) {
    String d = k.describe();
    return d.substring(d.indexOf('`') + 1, d.lastIndexOf('`'));
  }
}
