package dev.weft.wit.print;

import dev.weft.wit.lex.TokenKind;
import dev.weft.wit.model.Docs;
import dev.weft.wit.model.Stability;

/** An indenting text buffer with the small WIT spellings every printer needs. */
final class Out {
  private final StringBuilder text = new StringBuilder();
  private int indent;

  Out line(String s) {
    text.append("  ".repeat(indent)).append(s).append('\n');
    return this;
  }

  /** An empty line, unless the text is empty or just opened a block or had one already. */
  Out blank() {
    int n = text.length();
    boolean afterOpen = n >= 2 && text.charAt(n - 2) == '{';
    boolean afterBlank = n >= 2 && text.charAt(n - 2) == '\n';
    if (n > 0 && !afterOpen && !afterBlank) {
      text.append('\n');
    }
    return this;
  }

  void open(String s) {
    line(s + " {");
    indent++;
  }

  void close() {
    indent--;
    line("}");
  }

  /** Doc comments as {@code ///} lines. */
  void docs(Docs docs) {
    docs.contents()
        .ifPresent(
            d -> {
              for (String l : d.split("\n", -1)) {
                line(l.isEmpty() ? "///" : "/// " + l);
              }
            });
  }

  /** The attributes of a gate, one per line. */
  void gate(Stability s) {
    switch (s.level()) {
      case STABLE -> line("@since(version = " + s.value().orElseThrow() + ")");
      case UNSTABLE -> line("@unstable(feature = " + id(s.value().orElseThrow()) + ")");
      case UNKNOWN -> {}
    }
    s.deprecated().ifPresent(v -> line("@deprecated(version = " + v + ")"));
  }

  /** A name as WIT source: keywords get a {@code %}. */
  static String id(String name) {
    return TokenKind.keyword(name) == TokenKind.ID ? name : "%" + name;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
