package dev.weft.wit.lex;

import dev.weft.wit.diag.Span;
import java.util.Objects;

/**
 * One token: its kind and where it is, in global {@link dev.weft.wit.diag.SourceMap} offsets. The
 * text is not copied; cut it from the source when a pass needs it ({@link WitLexer.Tokens#text}).
 *
 * @param docs the doc comments ({@code ///} or {@code /** .. *}{@code /}) right before this token,
 *     markers removed, or null when there are none
 */
public record Token(TokenKind kind, int start, int end, String docs) {
  public Token {
    Objects.requireNonNull(kind, "kind");
  }

  /** Where the token is. */
  public Span span() {
    return new Span(start, end);
  }
}
