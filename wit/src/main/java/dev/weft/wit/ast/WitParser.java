package dev.weft.wit.ast;

import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.lex.WitLexer;
import java.util.Optional;

/**
 * The WIT parser (WIT.md "Top-level items" onwards): tokens to a syntax tree that keeps spans.
 * Each grammar rule is one method named after it. After a syntax error it skips to the next item
 * and goes on, so one run reports every independent mistake.
 */
public final class WitParser {
  private WitParser() {}

  /**
   * Parses tokens that must form exactly one type expression, such as {@code list<u32>}.
   *
   * @return the type, or empty after problems were reported to {@code diags}
   */
  public static Optional<TypeExpr> parseType(WitLexer.Tokens tokens, Diagnostics diags) {
    return Optional.ofNullable(TypeParser.parseAlone(new TokenCursor(tokens, diags)));
  }
}
