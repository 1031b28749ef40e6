package dev.weft.wit.ast;

import dev.weft.wit.lex.Token;
import dev.weft.wit.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code resource} rules: a resource and its constructor, methods and static functions. */
final class ResourceParser {
  private final TokenCursor in;
  private final WitParser items;
  private final GateParser gates;

  ResourceParser(TokenCursor in, WitParser items) {
    this.in = in;
    this.items = items;
    this.gates = new GateParser(in);
  }

  // resource-item ::= 'resource' id ';' | 'resource' id '{' (gate resource-method)* '}'
  Member resourceItem(Token first, List<Attribute> attributes) {
    in.advance();
    Ident name = in.ident("a resource name");
    List<TypeBody.ResourceFunc> funcs = new ArrayList<>();
    if (in.match(TokenKind.LEFT_BRACE)) {
      while (!in.match(TokenKind.RIGHT_BRACE)) {
        if (in.atEnd()) {
          in.expect(TokenKind.RIGHT_BRACE, "close the resource with `}`");
        }
        int start = in.mark();
        try {
          funcs.add(resourceMethod());
        } catch (TokenCursor.SyntaxError e) {
          in.recover(start);
        }
      }
    } else {
      in.expect(TokenKind.SEMICOLON, "end the resource with `;`, or give its functions in `{ }`");
    }
    return new Member.TypeDecl(
        name, WitParser.docs(first), attributes, new TypeBody.ResourceBody(funcs));
  }

  // resource-method ::= func-item | id ':' 'static' func-type ';' | 'constructor' param-list ';'
  private TypeBody.ResourceFunc resourceMethod() {
    Token first = in.peek();
    List<Attribute> attributes = gates.attributes();
    if (in.check(TokenKind.CONSTRUCTOR)) {
      Token keyword = in.advance();
      var params = items.paramList();
      Optional<TypeExpr> result = items.resultList();
      in.expect(TokenKind.SEMICOLON, "end the constructor with `;`");
      return new TypeBody.ResourceFunc(
          TypeBody.ResourceFunc.Kind.CONSTRUCTOR,
          new Ident("constructor", keyword.span()),
          new FuncType(false, params, result, keyword.span()),
          WitParser.docs(first),
          attributes);
    }
    Ident name = in.ident("a method name or `constructor`");
    in.expect(TokenKind.COLON, "write `" + name.name() + ": func(...);`");
    TypeBody.ResourceFunc.Kind kind =
        in.match(TokenKind.STATIC)
            ? TypeBody.ResourceFunc.Kind.STATIC
            : TypeBody.ResourceFunc.Kind.METHOD;
    FuncType type = items.funcType();
    in.expect(TokenKind.SEMICOLON, "end the function with `;`");
    return new TypeBody.ResourceFunc(kind, name, type, WitParser.docs(first), attributes);
  }
}
