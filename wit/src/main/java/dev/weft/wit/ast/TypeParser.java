package dev.weft.wit.ast;

import dev.weft.wit.lex.Token;
import dev.weft.wit.lex.TokenKind;
import dev.weft.wit.model.Primitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The type grammar of WIT.md "Types", one method per production. Shared by {@link WitParser} and by
 * {@link #parseAlone}, which reads a lone type expression (a flow input's type).
 */
class TypeParser {
  /**
   * Nesting limit for type expressions, as wit-parser's: stops stack overflows on hostile input.
   */
  static final int MAX_TYPE_DEPTH = 100;

  private final TokenCursor in;

  TypeParser(TokenCursor in) {
    this.in = in;
  }

  /** A whole text that must be one type: ty EOF. Null after a reported error. */
  static TypeExpr parseAlone(TokenCursor in) {
    try {
      TypeExpr t = new TypeParser(in).ty();
      if (!in.atEnd()) {
        throw in.error(
            "expected end of type, found " + in.describe(in.peek()),
            in.peek(),
            "a type is one expression such as `list<u32>` or `option<tuple<string, s64>>`");
      }
      return t;
    } catch (TokenCursor.SyntaxError e) {
      return null;
    }
  }

  TypeExpr ty() {
    return ty(0);
  }

  // ty ::= primitive | tuple | list | map | option | result | handle | future | stream | id
  private TypeExpr ty(int depth) {
    Token t = in.peek();
    if (depth >= MAX_TYPE_DEPTH) {
      in.diags.error(
          "WIT0013",
          "type nesting too deep",
          t.span(),
          "WIT types nest at most " + MAX_TYPE_DEPTH + " levels; name an inner type with `type`");
      throw new TokenCursor.SyntaxError();
    }
    Primitive prim = primitive(t.kind());
    if (prim != null) {
      in.advance();
      return new TypeExpr.Prim(prim, t.span());
    }
    return switch (t.kind()) {
      case TUPLE -> tuple(depth);
      case LIST -> list(depth);
      case MAP -> map(depth);
      case OPTION -> option(depth);
      case RESULT -> result(depth);
      case OWN, BORROW -> handle();
      case FUTURE -> future(depth);
      case STREAM -> stream(depth);
      case ID, EXPLICIT_ID -> new TypeExpr.Name(in.ident("a type"));
      default ->
          throw in.error(
              "expected a type, found " + in.describe(t),
              t,
              t.kind().isKeyword()
                  ? "`" + in.text(t) + "` is a keyword; write `%" + in.text(t) + "` to name a type"
                  : "write a type such as `u32`, `string`, `list<u8>` or the name of a type");
    };
  }

  // tuple ::= 'tuple' '<' (ty (',' ty)* ','?)? '>'
  private TypeExpr tuple(int depth) {
    Token start = in.advance();
    in.expect(TokenKind.LESS_THAN, "write `tuple<T, U>`");
    List<TypeExpr> types = new ArrayList<>();
    while (!in.match(TokenKind.GREATER_THAN)) {
      types.add(ty(depth + 1));
      if (!in.match(TokenKind.COMMA)) {
        in.expect(TokenKind.GREATER_THAN, "separate types with `,` and close the tuple with `>`");
        break;
      }
    }
    return new TypeExpr.TupleOf(types, in.since(start));
  }

  // list ::= 'list' '<' ty '>' | 'list' '<' ty ',' uint '>'
  private TypeExpr list(int depth) {
    Token start = in.advance();
    in.expect(TokenKind.LESS_THAN, "write `list<T>`");
    TypeExpr element = ty(depth + 1);
    OptionalInt size = OptionalInt.empty();
    if (in.match(TokenKind.COMMA)) {
      Token n = in.expect(TokenKind.INTEGER, "write the list's fixed length, as in `list<u8, 4>`");
      size = OptionalInt.of(fixedSize(n));
    }
    in.expect(TokenKind.GREATER_THAN, "close the list with `>`");
    return new TypeExpr.ListOf(element, size, in.since(start));
  }

  private int fixedSize(Token n) {
    String digits = in.text(n);
    long value = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (value == 0 || value > Integer.MAX_VALUE) {
      in.diags.error(
          "WIT0015",
          "invalid fixed list length `" + digits + "`",
          n.span(),
          "a fixed list has between 1 and " + Integer.MAX_VALUE + " elements");
      return 1;
    }
    return (int) value;
  }

  // map ::= 'map' '<' kt ',' ty '>'
  private TypeExpr map(int depth) {
    Token start = in.advance();
    in.expect(TokenKind.LESS_THAN, "write `map<K, V>`");
    TypeExpr key = ty(depth + 1);
    in.expect(TokenKind.COMMA, "write `map<K, V>` with a key and a value type");
    TypeExpr value = ty(depth + 1);
    in.expect(TokenKind.GREATER_THAN, "close the map with `>`");
    return new TypeExpr.MapOf(key, value, in.since(start));
  }

  // option ::= 'option' '<' ty '>'
  private TypeExpr option(int depth) {
    Token start = in.advance();
    in.expect(TokenKind.LESS_THAN, "write `option<T>`");
    TypeExpr some = ty(depth + 1);
    in.expect(TokenKind.GREATER_THAN, "close the option with `>`");
    return new TypeExpr.OptionOf(some, in.since(start));
  }

  // result ::= 'result' ('<' (ty | '_') (',' ty)? '>')?
  private TypeExpr result(int depth) {
    Token start = in.advance();
    if (!in.match(TokenKind.LESS_THAN)) {
      return new TypeExpr.ResultOf(Optional.empty(), Optional.empty(), start.span());
    }
    Optional<TypeExpr> ok = Optional.empty();
    Optional<TypeExpr> err = Optional.empty();
    if (in.match(TokenKind.UNDERSCORE)) {
      in.expect(TokenKind.COMMA, "`result<_, E>` needs an error type after `_,`");
      err = Optional.of(ty(depth + 1));
    } else {
      ok = Optional.of(ty(depth + 1));
      if (in.match(TokenKind.COMMA)) {
        err = Optional.of(ty(depth + 1));
      }
    }
    in.expect(TokenKind.GREATER_THAN, "close the result with `>`");
    return new TypeExpr.ResultOf(ok, err, in.since(start));
  }

  // handle ::= 'own' '<' id '>' | 'borrow' '<' id '>'
  private TypeExpr handle() {
    Token start = in.advance();
    boolean borrow = start.kind() == TokenKind.BORROW;
    String word = borrow ? "borrow" : "own";
    in.expect(TokenKind.LESS_THAN, "write `" + word + "<resource-name>`");
    Ident resource = in.ident("a resource name");
    in.expect(TokenKind.GREATER_THAN, "close the handle with `>`");
    return new TypeExpr.Handle(borrow, resource, in.since(start));
  }

  // future ::= 'future' ('<' ty '>')?
  private TypeExpr future(int depth) {
    Token start = in.advance();
    Optional<TypeExpr> element = optionalElement(depth, "future");
    return new TypeExpr.FutureOf(element, in.since(start));
  }

  // stream ::= 'stream' ('<' ty '>')?
  private TypeExpr stream(int depth) {
    Token start = in.advance();
    Optional<TypeExpr> element = optionalElement(depth, "stream");
    return new TypeExpr.StreamOf(element, in.since(start));
  }

  private Optional<TypeExpr> optionalElement(int depth, String what) {
    if (!in.match(TokenKind.LESS_THAN)) {
      return Optional.empty();
    }
    TypeExpr element = ty(depth + 1);
    in.expect(TokenKind.GREATER_THAN, "close the " + what + " with `>`");
    return Optional.of(element);
  }

  /** The primitive a keyword names, or null. */
  static Primitive primitive(TokenKind kind) {
    return switch (kind) {
      case BOOL -> Primitive.BOOL;
      case U8 -> Primitive.U8;
      case U16 -> Primitive.U16;
      case U32 -> Primitive.U32;
      case U64 -> Primitive.U64;
      case S8 -> Primitive.S8;
      case S16 -> Primitive.S16;
      case S32 -> Primitive.S32;
      case S64 -> Primitive.S64;
      case F32 -> Primitive.F32;
      case F64 -> Primitive.F64;
      case CHAR -> Primitive.CHAR;
      case STRING -> Primitive.STRING;
      case ERROR_CONTEXT -> Primitive.ERROR_CONTEXT;
      default -> null;
    };
  }
}
