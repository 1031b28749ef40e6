package dev.weft.wit.ast;

import dev.weft.wit.lex.Token;
import dev.weft.wit.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;

/** The {@code world} rules: imports, exports, includes, and the uses and types worlds share. */
final class WorldParser {
  private final TokenCursor in;
  private final GateParser gates;
  private final WitParser items;

  WorldParser(TokenCursor in, GateParser gates, WitParser items) {
    this.in = in;
    this.gates = gates;
    this.items = items;
  }

  // world-item ::= gate 'world' id '{' (gate world-definition)* '}'
  TopItem worldItem(Token first, List<Attribute> attributes) {
    in.advance();
    Ident name = in.ident("a world name");
    in.expect(TokenKind.LEFT_BRACE, "give the world's items in `{ }`");
    List<WorldMember> members = new ArrayList<>();
    while (!in.check(TokenKind.RIGHT_BRACE) && !in.atEnd()) {
      int start = in.mark();
      try {
        members.add(worldDefinition());
      } catch (TokenCursor.SyntaxError e) {
        in.recover(start);
      }
    }
    in.expect(TokenKind.RIGHT_BRACE, "close the world with `}`");
    return new TopItem.WorldDecl(name, WitParser.docs(first), attributes, members);
  }

  // world-definition ::= import-item | export-item | include-item | use-item | typedef-item
  private WorldMember worldDefinition() {
    Token first = in.peek();
    List<Attribute> attributes = gates.attributes();
    switch (in.peek().kind()) {
      case IMPORT:
      case EXPORT:
        return importExport(first, attributes);
      case INCLUDE:
        return includeItem(attributes);
      default:
        Member shared = items.sharedMember(first, attributes);
        if (shared != null) {
          return new WorldMember.Shared(shared);
        }
        throw in.error(
            "expected `import`, `export`, `include`, `use` or a type definition, found "
                + in.describe(in.peek()),
            in.peek(),
            in.checkIdent()
                ? "functions of a world are imported or exported: write `import "
                    + in.text(in.peek())
                    + ": func(...);`"
                : null);
    }
  }

  // import-item ::= 'import' id ':' extern-type | 'import' use-path ';'   (and export-item)
  private WorldMember importExport(Token first, List<Attribute> attributes) {
    Token keyword = in.advance();
    boolean export = keyword.kind() == TokenKind.EXPORT;
    WorldMember.Extern extern = externType();
    return new WorldMember.ImportExport(
        export, extern, WitParser.docs(first), attributes, in.since(keyword));
  }

  // extern-type ::= func-type ';' | 'interface' '{' interface-items* '}' | use-path ';'
  private WorldMember.Extern externType() {
    int start = in.mark();
    if (in.checkIdent() && in.peekNext().kind() == TokenKind.COLON) {
      Ident name = in.ident("a name");
      in.advance();
      if (in.check(TokenKind.FUNC) || in.check(TokenKind.ASYNC)) {
        FuncType type = items.funcType();
        in.expect(TokenKind.SEMICOLON, "end the function with `;`");
        return new WorldMember.Extern.Func(name, type);
      }
      if (in.match(TokenKind.INTERFACE)) {
        return new WorldMember.Extern.InlineInterface(name, items.interfaceBody());
      }
      // `ns:pkg/iface` also starts with `id :`; an `id /` after the colon tells it apart.
      boolean qualified = in.checkIdent() && in.peekNext().kind() == TokenKind.SLASH;
      if (!qualified) {
        UsePath path = items.usePath();
        in.expect(TokenKind.SEMICOLON, "end the item with `;`");
        return new WorldMember.Extern.NamedPath(name, path);
      }
      in.reset(start);
    }
    UsePath path = items.usePath();
    in.expect(TokenKind.SEMICOLON, "end the item with `;`");
    return new WorldMember.Extern.Path(path);
  }

  // include-item ::= 'include' use-path ';' | 'include' use-path 'with' '{' id 'as' id, ... '}'
  private WorldMember includeItem(List<Attribute> attributes) {
    Token keyword = in.advance();
    UsePath from = items.usePath();
    List<WorldMember.IncludeName> with = new ArrayList<>();
    if (in.match(TokenKind.WITH)) {
      in.expect(TokenKind.LEFT_BRACE, "write `with { name as new-name }`");
      while (!in.match(TokenKind.RIGHT_BRACE)) {
        Ident name = in.ident("a name to rename");
        in.expect(TokenKind.AS, "write `" + name.name() + " as new-name`");
        with.add(new WorldMember.IncludeName(name, in.ident("the new name")));
        if (!in.match(TokenKind.COMMA)) {
          in.expect(TokenKind.RIGHT_BRACE, "separate renames with `,` and close them with `}`");
          break;
        }
      }
    } else {
      in.expect(TokenKind.SEMICOLON, "end the include with `;`, or rename with `with { a as b }`");
    }
    return new WorldMember.IncludeDecl(from, with, attributes, in.since(keyword));
  }
}
