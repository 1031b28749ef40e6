package dev.weft.wit.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.wit.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class WitLexerTest {
  private static List<TokenKind> kinds(String text, Diagnostics diags) {
    return WitLexer.lex(text, 0, diags).tokens().stream().map(Token::kind).toList();
  }

  @Test
  void keywordsIdentifiersAndEscapesAreTold() {
    Diagnostics diags = new Diagnostics();
    assertEquals(
        List.of(
            TokenKind.RECORD,
            TokenKind.ID,
            TokenKind.EXPLICIT_ID,
            TokenKind.ERROR_CONTEXT,
            TokenKind.R_ARROW,
            TokenKind.INTEGER,
            TokenKind.EOF),
        kinds("record get-item %record error-context -> 42", diags));
    assertEquals(0, diags.size());
  }

  @Test
  void blockCommentsNestAndPlainCommentsAreNotDocs() {
    Diagnostics diags = new Diagnostics();
    WitLexer.Tokens t = WitLexer.lex("// licence\n/* a /* b */ c */ type", 0, diags);
    assertEquals(
        List.of(TokenKind.TYPE, TokenKind.EOF), t.tokens().stream().map(Token::kind).toList());
    assertNull(t.tokens().get(0).docs());
    assertEquals(0, diags.size());
  }

  @Test
  void docCommentsAttachToTheNextTokenWithoutCommonIndentation() {
    WitLexer.Tokens t =
        WitLexer.lex("/// Adds.\n///   indented\n/** Block. */\nf", 0, new Diagnostics());
    assertEquals("Adds.\n  indented\nBlock.", t.tokens().get(0).docs());
  }

  @Test
  void unterminatedCommentAndBidiOverridesAreReportedAndLexingGoesOn() {
    Diagnostics diags = new Diagnostics();
    List<TokenKind> k = kinds("a \u202E b /* never closed", diags);
    assertEquals(List.of(TokenKind.ID, TokenKind.ID, TokenKind.EOF), k);
    assertEquals(List.of("WIT0004", "WIT0002"), diags.all().stream().map(d -> d.code()).toList());
  }

  @Test
  void spansAreGlobalOffsets() {
    WitLexer.Tokens t = WitLexer.lex("  u32", 100, new Diagnostics());
    assertEquals(102, t.tokens().get(0).start());
    assertEquals("u32", t.text(t.tokens().get(0)));
    assertTrue(t.tokens().get(1).kind() == TokenKind.EOF);
  }
}
