package dev.weft.wit.wat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads WebAssembly text into S-expressions: atoms (keywords and numbers, {@code $ids}, strings
 * with their escapes decoded) and lists, each with its character span. Comments ({@code ;;} and
 * nested {@code (; ;)}) are skipped. Stateless between calls.
 */
final class SExprParser {
  /** Lists nested deeper than this are refused, so hostile text cannot overflow the stack. */
  static final int MAX_NESTING = 500;

  private final String src;
  private int pos;

  private SExprParser(String src) {
    this.src = src;
  }

  /**
   * The top-level S-expressions of {@code text}.
   *
   * @throws WatException for unbalanced parentheses, unterminated strings or comments, and
   *     characters that start no token
   */
  static List<SExpr> parse(String text) {
    SExprParser p = new SExprParser(text);
    List<SExpr> out = new ArrayList<>();
    while (p.skipSpace()) {
      out.add(p.expr(0));
    }
    return out;
  }

  /** The bytes a string literal's source (without its quotes) stands for. */
  static byte[] stringBytes(String raw, int offset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != '\\') {
        int cp = raw.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp);
        continue;
      }
      if (i + 1 >= raw.length()) {
        throw new WatException(offset + i, offset + i + 1, "a string ends in a lone `\\`");
      }
      char e = raw.charAt(i + 1);
      switch (e) {
        case 't' -> out.write('\t');
        case 'n' -> out.write('\n');
        case 'r' -> out.write('\r');
        case '"' -> out.write('"');
        case '\'' -> out.write('\'');
        case '\\' -> out.write('\\');
        case 'u' -> {
          int close = raw.indexOf('}', i);
          if (i + 2 >= raw.length() || raw.charAt(i + 2) != '{' || close < 0) {
            throw new WatException(offset + i, offset + i + 2, "expected `\\u{hex}`");
          }
          int cp;
          try {
            cp = Integer.parseInt(raw.substring(i + 3, close).replace("_", ""), 16);
          } catch (NumberFormatException ex) {
            throw new WatException(offset + i, offset + close + 1, "expected `\\u{hex}`");
          }
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw new WatException(
                offset + i, offset + close + 1, "`\\u{..}` is not a Unicode scalar value");
          }
          byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
          out.write(b, 0, b.length);
          i = close + 1;
          continue;
        }
        default -> {
          int hi = Character.digit(e, 16);
          int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
          if (hi < 0 || lo < 0) {
            throw new WatException(
                offset + i, offset + i + 2, "unknown escape `\\" + e + "` in a string");
          }
          out.write(hi * 16 + lo);
          i += 3;
          continue;
        }
      }
      i += 2;
    }
    return out.toByteArray();
  }

  private SExpr expr(int depth) {
    int start = pos;
    char c = src.charAt(pos);
    if (c == '(') {
      if (depth >= MAX_NESTING) {
        throw new WatException(start, start + 1, "lists nested more than " + MAX_NESTING + " deep");
      }
      pos++;
      List<SExpr> items = new ArrayList<>();
      while (true) {
        if (!skipSpace()) {
          throw new WatException(start, start + 1, "this `(` is never closed");
        }
        if (src.charAt(pos) == ')') {
          pos++;
          return new SExpr.SList(items, start, pos);
        }
        items.add(expr(depth + 1));
      }
    }
    if (c == ')') {
      throw new WatException(start, start + 1, "a `)` that closes nothing");
    }
    if (c == '"') {
      return string(SExpr.AtomKind.STRING, start, start);
    }
    if (c == '$' && pos + 1 < src.length() && src.charAt(pos + 1) == '"') {
      pos++;
      return string(SExpr.AtomKind.ID, start, pos);
    }
    while (pos < src.length() && isIdChar(src.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw new WatException(start, start + 1, "unexpected character `" + c + "`");
    }
    String word = src.substring(start, pos);
    if (word.startsWith("$")) {
      if (word.length() == 1) {
        throw new WatException(start, pos, "an empty `$` identifier");
      }
      return new SExpr.Atom(SExpr.AtomKind.ID, word.substring(1), start, pos);
    }
    return new SExpr.Atom(SExpr.AtomKind.KEYWORD, word, start, pos);
  }

  private SExpr.Atom string(SExpr.AtomKind kind, int start, int quote) {
    int i = quote + 1;
    while (i < src.length() && src.charAt(i) != '"') {
      i += src.charAt(i) == '\\' ? 2 : 1;
    }
    if (i >= src.length()) {
      throw new WatException(start, start + 1, "this string is never closed");
    }
    pos = i + 1;
    byte[] bytes = stringBytes(src.substring(quote + 1, i), quote + 1);
    return new SExpr.Atom(kind, utf8Lenient(bytes), start, pos);
  }

  /** Names must be UTF-8; custom section data need not be, and is re-read from the source. */
  private static String utf8Lenient(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Skips whitespace and comments; false at the end of the text. */
  private boolean skipSpace() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pos++;
      } else if (src.startsWith(";;", pos)) {
        int nl = src.indexOf('\n', pos);
        pos = nl < 0 ? src.length() : nl + 1;
      } else if (src.startsWith("(;", pos)) {
        blockComment();
      } else {
        return true;
      }
    }
    return false;
  }

  private void blockComment() {
    int start = pos;
    int depth = 0;
    while (pos < src.length()) {
      if (src.startsWith("(;", pos)) {
        depth++;
        pos += 2;
      } else if (src.startsWith(";)", pos)) {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
    throw new WatException(start, start + 2, "this `(;` comment is never closed");
  }

  private static boolean isIdChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-./:<=>?@\\^_`|~".indexOf(c) >= 0;
  }
}
