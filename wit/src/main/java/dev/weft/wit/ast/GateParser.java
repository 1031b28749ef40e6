package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import dev.weft.wit.lex.Token;
import dev.weft.wit.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/** Attributes ({@code @since}, {@code @unstable}, ...) and semver versions. */
final class GateParser {
  private final TokenCursor in;

  GateParser(TokenCursor in) {
    this.in = in;
  }

  // gate ::= ('@' attribute)*
  List<Attribute> attributes() {
    List<Attribute> out = new ArrayList<>();
    while (in.check(TokenKind.AT)) {
      out.add(attribute());
    }
    return out;
  }

  // attribute ::= 'since' '(' 'version' '=' semver ')' | 'unstable' '(' 'feature' '=' id ')'
  //             | 'deprecated' '(' 'version' '=' semver ')' | 'external-id' '(' string ')'
  private Attribute attribute() {
    in.advance();
    Ident name = in.ident("an attribute name");
    Span span = name.span();
    switch (name.name()) {
      case "since":
        return new Attribute.Since(keyValueVersion("since"), span);
      case "deprecated":
        return new Attribute.Deprecated(keyValueVersion("deprecated"), span);
      case "unstable":
        in.expect(TokenKind.LEFT_PAREN, "write `@unstable(feature = name)`");
        key("feature", "unstable");
        in.expect(TokenKind.EQUALS, "write `@unstable(feature = name)`");
        Ident feature = in.ident("a feature name");
        in.expect(TokenKind.RIGHT_PAREN, "close the attribute with `)`");
        return new Attribute.Unstable(feature, span);
      case "external-id":
        in.expect(TokenKind.LEFT_PAREN, "write `@external-id(\"name\")`");
        Token literal = in.expect(TokenKind.STRING_LITERAL, "write `@external-id(\"name\")`");
        in.expect(TokenKind.RIGHT_PAREN, "close the attribute with `)`");
        String text = in.text(literal);
        return new Attribute.ExternalId(text.substring(1, text.length() - 1), span);
      default:
        in.diags.error(
            "WIT0017",
            "unknown attribute `" + name.name() + "`",
            span,
            "write `@since(version = ..)`, `@unstable(feature = ..)` or `@deprecated(version ="
                + " ..)`");
        throw new TokenCursor.SyntaxError();
    }
  }

  private String keyValueVersion(String attribute) {
    String example = "write `@" + attribute + "(version = 1.0.0)`";
    in.expect(TokenKind.LEFT_PAREN, example);
    key("version", attribute);
    in.expect(TokenKind.EQUALS, example);
    String version = version();
    in.expect(TokenKind.RIGHT_PAREN, "close the attribute with `)`");
    return version;
  }

  private void key(String expected, String attribute) {
    Ident key = in.ident("`" + expected + "`");
    if (!key.name().equals(expected)) {
      throw in.error(
          "expected `" + expected + "`, found `" + key.name() + "`",
          in.previous(),
          "`@" + attribute + "` takes `" + expected + " = ...`");
    }
  }

  // valid-semver ::= integer '.' integer '.' integer ('-' pre-release)? ('+' build)?
  String version() {
    Token first = in.expect(TokenKind.INTEGER, "write a version such as `1.0.0`");
    in.expect(TokenKind.PERIOD, "write a version such as `1.0.0`");
    in.expect(TokenKind.INTEGER, "write a version such as `1.0.0`");
    in.expect(TokenKind.PERIOD, "write a version such as `1.0.0`");
    in.expect(TokenKind.INTEGER, "write a version such as `1.0.0`");
    suffix(TokenKind.MINUS);
    suffix(TokenKind.PLUS);
    Span span = in.since(first);
    String text =
        in.source.text().substring(span.start() - in.source.base(), span.end() - in.source.base());
    if (!Semver.isValid(text)) {
      in.diags.error(
          "WIT0014",
          "`" + text + "` is not a valid semantic version",
          span,
          "write `major.minor.patch` without leading zeros, such as `1.0.0` or `0.2.0-rc.1`");
    }
    return text;
  }

  /**
   * Eats a pre-release or build suffix: ids, integers and {@code -}, joined by {@code .}. A {@code
   * .} followed by something else ends the version, as in {@code use a:b/c@1.0.0.{t};}.
   */
  private void suffix(TokenKind prefix) {
    if (!in.match(prefix)) {
      return;
    }
    while (true) {
      if (isSuffixPart(in.peek().kind())) {
        in.advance();
      } else if (in.check(TokenKind.PERIOD) && isSuffixPart(in.peekNext().kind())) {
        in.advance();
        in.advance();
      } else {
        return;
      }
    }
  }

  private static boolean isSuffixPart(TokenKind kind) {
    return kind == TokenKind.ID || kind == TokenKind.INTEGER || kind == TokenKind.MINUS;
  }
}
