package dev.weft.wit.lex;

import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one WIT text into tokens in a single linear pass. Whitespace and comments are dropped; doc
 * comments ({@code ///}, {@code /** .. *}{@code /}) are attached to the token that follows them.
 * Problems (forbidden characters, unterminated comments or strings) are reported to the {@link
 * Diagnostics} and lexing goes on after them, so the parser still sees the rest of the file.
 *
 * <p>Plain {@code //} and {@code /*} comments are not docs: only the marked forms document an item,
 * as in Rust and wit-bindgen's output, so a licence header does not become package docs.
 */
public final class WitLexer {
  /** The tokens of one text, ending in an {@link TokenKind#EOF} token, and the text itself. */
  public record Tokens(List<Token> tokens, String text, int base) {
    public Tokens {
      tokens = List.copyOf(tokens);
    }

    /** The source text of {@code token}. */
    public String text(Token token) {
      return text.substring(token.start() - base, token.end() - base);
    }
  }

  private final String text;
  private final int base;
  private final Diagnostics diags;
  private final List<Token> out = new ArrayList<>();
  private final List<String> pendingDocs = new ArrayList<>();
  private int pos;

  private WitLexer(String text, int base, Diagnostics diags) {
    this.text = text;
    this.base = base;
    this.diags = diags;
  }

  /**
   * Lexes {@code text}, which starts at global offset {@code base} of the caller's source map.
   *
   * @return the tokens, always ending in an EOF token, even after errors
   */
  public static Tokens lex(String text, int base, Diagnostics diags) {
    WitLexer lexer = new WitLexer(text, base, diags);
    lexer.run();
    return new Tokens(lexer.out, text, base);
  }

  private void run() {
    while (pos < text.length()) {
      int start = pos;
      int cp = text.codePointAt(pos);
      pos += Character.charCount(cp);
      TokenKind kind = next(start, cp);
      if (kind != null) {
        emit(kind, start);
      }
    }
    emit(TokenKind.EOF, text.length());
  }

  private void emit(TokenKind kind, int start) {
    String docs = pendingDocs.isEmpty() ? null : DocText.join(pendingDocs);
    pendingDocs.clear();
    out.add(new Token(kind, base + start, base + pos, docs));
  }

  /** The kind of the token starting with {@code cp}, or null for whitespace and comments. */
  private TokenKind next(int start, int cp) {
    switch (cp) {
      case ' ', '\t', '\n', '\r':
        return null;
      case '/':
        if (eat('/')) {
          lineComment(start);
          return null;
        }
        if (eat('*')) {
          blockComment(start);
          return null;
        }
        return TokenKind.SLASH;
      case '=':
        return TokenKind.EQUALS;
      case ',':
        return TokenKind.COMMA;
      case ':':
        return TokenKind.COLON;
      case '.':
        return TokenKind.PERIOD;
      case ';':
        return TokenKind.SEMICOLON;
      case '(':
        return TokenKind.LEFT_PAREN;
      case ')':
        return TokenKind.RIGHT_PAREN;
      case '{':
        return TokenKind.LEFT_BRACE;
      case '}':
        return TokenKind.RIGHT_BRACE;
      case '<':
        return TokenKind.LESS_THAN;
      case '>':
        return TokenKind.GREATER_THAN;
      case '*':
        return TokenKind.STAR;
      case '@':
        return TokenKind.AT;
      case '+':
        return TokenKind.PLUS;
      case '-':
        return eat('>') ? TokenKind.R_ARROW : TokenKind.MINUS;
      case '%':
        if (pos < text.length() && isWordStart(text.codePointAt(pos))) {
          word();
        }
        return TokenKind.EXPLICIT_ID;
      case '"':
        stringLiteral(start);
        return TokenKind.STRING_LITERAL;
      default:
        break;
    }
    if (isWordStart(cp)) {
      word();
      return TokenKind.keyword(text, start, pos);
    }
    if (cp >= '0' && cp <= '9') {
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      return TokenKind.INTEGER;
    }
    badCharacter(start, cp);
    return null;
  }

  private void lineComment(int start) {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
    if (text.startsWith("///", start) && !text.startsWith("////", start)) {
      pendingDocs.add(text.substring(start + 3, pos));
    }
  }

  /** Block comments nest, so their delimiters must balance (WIT.md "Comments"). */
  private void blockComment(int start) {
    int depth = 1;
    while (depth > 0) {
      if (pos >= text.length()) {
        diags.error(
            "WIT0002",
            "unterminated block comment",
            new Span(base + start, base + start + 2),
            "close it with `*/`");
        return;
      }
      if (text.startsWith("/*", pos)) {
        depth++;
        pos += 2;
      } else if (text.startsWith("*/", pos)) {
        depth--;
        pos += 2;
      } else {
        pos++;
      }
    }
    boolean doc = text.startsWith("/**", start) && !text.startsWith("/**/", start);
    if (doc && pos - 2 >= start + 3) {
      pendingDocs.add(text.substring(start + 3, pos - 2));
    }
  }

  private void stringLiteral(int start) {
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return;
      }
      if (c == '\\' && pos < text.length()) {
        pos++;
      } else if (c == '\n') {
        break;
      }
    }
    diags.error(
        "WIT0003",
        "unterminated string literal",
        new Span(base + start, base + start + 1),
        "close it with `\"`");
  }

  private void word() {
    while (pos < text.length()) {
      int cp = text.codePointAt(pos);
      if (!isWordPart(cp)) {
        return;
      }
      pos += Character.charCount(cp);
    }
  }

  private void badCharacter(int start, int cp) {
    String shown = String.format("U+%04X", cp);
    if (Character.isISOControl(cp)) {
      diags.error(
          "WIT0004",
          "control character " + shown + " is not allowed in WIT",
          new Span(base + start, base + pos),
          "remove it; only tab, newline and carriage return are allowed");
    } else if (Chars.isBidiOverride(cp) || Chars.isDeprecated(cp)) {
      diags.error(
          "WIT0004",
          "character " + shown + " is not allowed in WIT",
          new Span(base + start, base + pos),
          "bidirectional overrides and deprecated code points could hide what the text means");
    } else {
      diags.error(
          "WIT0001",
          "unexpected character `" + new String(Character.toChars(cp)) + "`",
          new Span(base + start, base + pos));
    }
  }

  private boolean eat(char c) {
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** Words are lexed loosely (any identifier character) and checked for kebab-case later. */
  private static boolean isWordStart(int cp) {
    return Character.isUnicodeIdentifierStart(cp) || cp == '_';
  }

  private static boolean isWordPart(int cp) {
    return (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp))
        || cp == '-';
  }
}
