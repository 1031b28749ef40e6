package dev.weft.wit.ast;

import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import dev.weft.wit.lex.Token;
import dev.weft.wit.lex.TokenKind;
import dev.weft.wit.lex.WitLexer;
import java.util.List;

/**
 * The jlox-style helpers the parsers share: look at, match and expect tokens; report "expected X,
 * found Y" with what to write; read identifiers and check that they are kebab-case.
 *
 * <p>A syntax error is reported once and then unwinds to the nearest item with {@link SyntaxError},
 * where the parser skips to a safe point and goes on; the exception never leaves the parser.
 */
class TokenCursor {
  /** Unwinds to the item being parsed after a reported syntax error. */
  static final class SyntaxError extends RuntimeException {
    SyntaxError() {
      super(null, null, false, false);
    }
  }

  final WitLexer.Tokens source;
  final Diagnostics diags;
  private final List<Token> tokens;
  private int current;
  private int lastErrorAt = -1;

  TokenCursor(WitLexer.Tokens source, Diagnostics diags) {
    this.source = source;
    this.tokens = source.tokens();
    this.diags = diags;
  }

  Token peek() {
    return tokens.get(current);
  }

  Token peekNext() {
    return tokens.get(Math.min(current + 1, tokens.size() - 1));
  }

  Token previous() {
    return tokens.get(current - 1);
  }

  boolean check(TokenKind kind) {
    return peek().kind() == kind;
  }

  boolean atEnd() {
    return check(TokenKind.EOF);
  }

  Token advance() {
    Token t = peek();
    if (t.kind() != TokenKind.EOF) {
      current++;
    }
    return t;
  }

  boolean match(TokenKind kind) {
    if (check(kind)) {
      advance();
      return true;
    }
    return false;
  }

  /** Consumes a {@code kind} token or reports what was expected, with {@code help} as the fix. */
  Token expect(TokenKind kind, String help) {
    if (check(kind)) {
      return advance();
    }
    throw error("expected " + kind.describe() + ", found " + describe(peek()), peek(), help);
  }

  /** Reports a syntax error at {@code at} and returns the exception that unwinds the item. */
  SyntaxError error(String message, Token at, String help) {
    // After recovery the parser may fail again on the very token that failed (typically the end
    // of input); a second message there would only repeat the first.
    if (at.start() != lastErrorAt) {
      diags.error("WIT0010", message, at.span(), help);
      lastErrorAt = at.start();
    }
    return new SyntaxError();
  }

  /** How "found Y" names a token: its kind, plus the word for identifiers. */
  String describe(Token t) {
    return switch (t.kind()) {
      case ID, EXPLICIT_ID -> "identifier `" + source.text(t) + "`";
      case INTEGER -> "integer `" + source.text(t) + "`";
      default -> t.kind().describe();
    };
  }

  /** The text of a token. */
  String text(Token t) {
    return source.text(t);
  }

  /** The span from {@code start} to the end of the previous token. */
  Span since(Token start) {
    return new Span(start.start(), Math.max(start.end(), previous().end()));
  }

  /** id ::= kebab-name | '%' kebab-name */
  Ident ident(String what) {
    Token t = peek();
    switch (t.kind()) {
      case ID:
        advance();
        return checked(text(t), t);
      case EXPLICIT_ID:
        advance();
        return checked(text(t).substring(1), t);
      default:
        if (t.kind().isKeyword()) {
          String word = text(t);
          throw error(
              "expected " + what + ", found " + t.kind().describe(),
              t,
              "`" + word + "` is a keyword; write `%" + word + "` to use it as a name");
        }
        throw error("expected " + what + ", found " + describe(t), t, null);
    }
  }

  private Ident checked(String name, Token t) {
    String problem = Names.kebabProblem(name);
    if (problem != null) {
      diags.error(
          "WIT0011",
          "`" + name + "` is not a valid name: " + problem,
          t.span(),
          "names are kebab-case words of lower-case or upper-case letters and digits, such as"
              + " `get-item` or `parse-XML`");
    }
    return new Ident(name, t.span());
  }

  /** Goes back to a {@link #mark}: the parser looked ahead and chose another rule. */
  void reset(int mark) {
    current = mark;
  }

  /** The index of the next token, to {@link #recover} from. */
  int mark() {
    return current;
  }

  /**
   * After a syntax error in the item that started at token {@code start}, skips to the end of that
   * item: a {@code ;} or the {@code }} closing the item's own braces, whichever comes first at or
   * after the error, or (without consuming it) the {@code }} closing the enclosing block. Counting
   * braces from the item's start keeps one mistake from ending the enclosing block early.
   */
  void recover(int start) {
    int errorAt = current;
    int depth = 0;
    int i = start;
    for (; i < tokens.size(); i++) {
      TokenKind k = tokens.get(i).kind();
      boolean afterError = i >= errorAt;
      if (k == TokenKind.EOF) {
        break;
      } else if (k == TokenKind.LEFT_BRACE) {
        depth++;
      } else if (k == TokenKind.RIGHT_BRACE) {
        depth--;
        if (depth < 0) {
          break;
        }
        if (depth == 0 && afterError) {
          i++;
          break;
        }
      } else if (depth == 0 && afterError && i > start && startsItem(i)) {
        break;
      } else if (k == TokenKind.SEMICOLON && depth == 0 && afterError) {
        i++;
        break;
      }
    }
    // Always move forward, or the item loop would fail on the same token forever.
    current = Math.max(i, Math.min(start + 1, tokens.size() - 1));
  }

  /** A keyword that starts a top-level item (not `interface` after a `:`, an inline one). */
  private boolean startsItem(int i) {
    TokenKind k = tokens.get(i).kind();
    return k == TokenKind.WORLD
        || k == TokenKind.PACKAGE
        || (k == TokenKind.INTERFACE && tokens.get(i - 1).kind() != TokenKind.COLON);
  }

  /** Whether the next token could start an identifier (a plain or escaped one). */
  boolean checkIdent() {
    return check(TokenKind.ID) || check(TokenKind.EXPLICIT_ID);
  }
}
