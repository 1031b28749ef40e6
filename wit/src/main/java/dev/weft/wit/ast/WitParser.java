package dev.weft.wit.ast;

import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import dev.weft.wit.lex.Token;
import dev.weft.wit.lex.TokenKind;
import dev.weft.wit.lex.WitLexer;
import dev.weft.wit.model.Docs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The WIT parser (WIT.md "Top-level items" onwards): tokens to a syntax tree that keeps spans. Each
 * grammar rule is one method named after it and opens with its production. After a syntax error it
 * skips to the end of the item (see {@link TokenCursor#recover}) and goes on, so one run reports
 * every independent mistake. Types are parsed by {@link TypeParser}, named type definitions by
 * {@link TypeDefParser} and {@link ResourceParser}, worlds by {@link WorldParser}.
 */
public final class WitParser {
  private final TokenCursor in;
  private final TypeParser types;
  private final GateParser gates;
  private final TypeDefParser typeDefs;

  private WitParser(TokenCursor in) {
    this.in = in;
    this.types = new TypeParser(in);
    this.gates = new GateParser(in);
    this.typeDefs = new TypeDefParser(in, types);
  }

  /**
   * Parses one file. Never throws for bad input: problems go to {@code diags} and the tree holds
   * every item that parsed.
   *
   * @param name the file's name as shown to users
   */
  public static SourceFile parse(String name, WitLexer.Tokens tokens, Diagnostics diags) {
    WitParser p = new WitParser(new TokenCursor(tokens, diags));
    return p.file(name);
  }

  /**
   * Parses tokens that must form exactly one type expression, such as {@code list<u32>}.
   *
   * @return the type, or empty after problems were reported to {@code diags}
   */
  public static Optional<TypeExpr> parseType(WitLexer.Tokens tokens, Diagnostics diags) {
    return Optional.ofNullable(TypeParser.parseAlone(new TokenCursor(tokens, diags)));
  }

  // wit-file ::= (package-decl ';')? (package-items | nested-package-definition)*
  private SourceFile file(String name) {
    Optional<PackageDecl> header = Optional.empty();
    int start = in.mark();
    try {
      header = packageHeader();
    } catch (TokenCursor.SyntaxError e) {
      in.recover(start);
    }
    List<TopItem> items = new ArrayList<>();
    while (!in.atEnd()) {
      if (in.check(TokenKind.RIGHT_BRACE)) {
        in.error("unexpected `}`", in.advance(), "remove it; braces must balance");
        continue;
      }
      topItem(0, items);
    }
    int base = in.source.base();
    return new SourceFile(name, new Span(base, base + in.source.text().length()), header, items);
  }

  /** {@code package ns:name;} when the file starts with it (a block is an item instead). */
  private Optional<PackageDecl> packageHeader() {
    if (!in.check(TokenKind.PACKAGE)) {
      return Optional.empty();
    }
    int start = in.mark();
    Token keyword = in.advance();
    PackageDecl decl = packageDecl(keyword);
    if (in.match(TokenKind.SEMICOLON)) {
      return Optional.of(decl);
    }
    if (in.check(TokenKind.LEFT_BRACE)) {
      in.reset(start);
      return Optional.empty();
    }
    throw in.error(
        "expected `;` or `{`, found " + in.describe(in.peek()),
        in.peek(),
        "end the package declaration with `;`, or give its items in `{ }`");
  }

  // package-decl ::= 'package' id ':' id ('@' valid-semver)?
  private PackageDecl packageDecl(Token keyword) {
    Ident namespace = in.ident("a package namespace");
    in.expect(TokenKind.COLON, "write `package namespace:name;`");
    Ident name = in.ident("a package name");
    if (in.check(TokenKind.COLON) || in.check(TokenKind.SLASH)) {
      throw in.error(
          "nested namespaces and package paths are not supported",
          in.peek(),
          "write `package namespace:name;`");
    }
    Optional<String> version = optionalVersion();
    return new PackageDecl(namespace, name, version, docs(keyword), in.since(keyword));
  }

  /** Adds the next item to {@code items}, or skips past it after a reported error. */
  private void topItem(int depth, List<TopItem> items) {
    int start = in.mark();
    try {
      items.add(topItemRule(depth));
    } catch (TokenCursor.SyntaxError e) {
      in.recover(start);
    }
  }

  // package-items ::= gate (interface-item | world-item | toplevel-use-item) | nested-package
  private TopItem topItemRule(int depth) {
    Token first = in.peek();
    List<Attribute> attributes = gates.attributes();
    return switch (in.peek().kind()) {
      case INTERFACE -> interfaceItem(first, attributes);
      case WORLD -> new WorldParser(in, gates, this).worldItem(first, attributes);
      case USE -> toplevelUse(attributes);
      case PACKAGE -> nestedPackage(first, attributes, depth);
      default ->
          throw in.error(
              "expected `world`, `interface`, `use` or `package`, found " + in.describe(in.peek()),
              in.peek(),
              "a WIT file holds interfaces, worlds, `use` items and nested packages");
    };
  }

  // nested-package-definition ::= package-decl '{' package-items* '}'
  private TopItem nestedPackage(Token first, List<Attribute> attributes, int depth) {
    Token keyword = in.advance();
    if (!attributes.isEmpty()) {
      throw in.error("attributes are not allowed on nested packages", keyword, null);
    }
    if (depth >= 1) {
      // Reported once; recovery then skips the whole block, nested blocks included.
      in.diags.error(
          "WIT0016",
          "nested packages must be placed at the top level",
          keyword.span(),
          "declare `package ... { }` blocks at the top level of the file");
      throw new TokenCursor.SyntaxError();
    }
    PackageDecl decl = packageDecl(first);
    in.expect(TokenKind.LEFT_BRACE, "give the package's items in `{ }`");
    List<TopItem> items = new ArrayList<>();
    while (!in.check(TokenKind.RIGHT_BRACE) && !in.atEnd()) {
      topItem(depth + 1, items);
    }
    in.expect(TokenKind.RIGHT_BRACE, "close the package with `}`");
    return new TopItem.NestedPackage(decl, items);
  }

  // toplevel-use-item ::= 'use' use-path ('as' id)? ';'
  private TopItem toplevelUse(List<Attribute> attributes) {
    Token keyword = in.advance();
    UsePath path = usePath();
    Optional<Ident> as = Optional.empty();
    if (in.match(TokenKind.AS)) {
      as = Optional.of(in.ident("a name after `as`"));
    }
    in.expect(TokenKind.SEMICOLON, "end the `use` with `;`");
    return new TopItem.TopUse(path, as, attributes, in.since(keyword));
  }

  // interface-item ::= gate 'interface' id '{' interface-items* '}'
  private TopItem interfaceItem(Token first, List<Attribute> attributes) {
    in.advance();
    Ident name = in.ident("an interface name");
    return new TopItem.InterfaceDecl(name, docs(first), attributes, interfaceBody());
  }

  /** '{' (gate interface-definition)* '}' */
  List<Member> interfaceBody() {
    in.expect(TokenKind.LEFT_BRACE, "give the interface's items in `{ }`");
    List<Member> members = new ArrayList<>();
    while (!in.check(TokenKind.RIGHT_BRACE) && !in.atEnd()) {
      int start = in.mark();
      try {
        members.add(member());
      } catch (TokenCursor.SyntaxError e) {
        in.recover(start);
      }
    }
    in.expect(TokenKind.RIGHT_BRACE, "close the interface with `}`");
    return members;
  }

  // interface-definition ::= use-item | typedef-item | func-item
  private Member member() {
    Token first = in.peek();
    List<Attribute> attributes = gates.attributes();
    Member shared = sharedMember(first, attributes);
    if (shared != null) {
      return shared;
    }
    if (in.checkIdent()) {
      return funcItem(first, attributes);
    }
    throw in.error(
        "expected `use`, a type definition or a function, found " + in.describe(in.peek()),
        in.peek(),
        in.peek().kind().isKeyword()
            ? "`"
                + in.text(in.peek())
                + "` is a keyword; write `%"
                + in.text(in.peek())
                + "` to use it as a name"
            : "write `name: func(...)`, `record name { ... }`, `use other.{name};`...");
  }

  /** A use or a type definition (shared by interfaces and worlds), or null for anything else. */
  Member sharedMember(Token first, List<Attribute> attributes) {
    return switch (in.peek().kind()) {
      case USE -> useItem(attributes);
      case TYPE -> typeDefs.typeItem(first, attributes);
      case RECORD -> typeDefs.recordItem(first, attributes);
      case VARIANT -> typeDefs.variantItem(first, attributes);
      case ENUM -> typeDefs.enumItem(first, attributes);
      case FLAGS -> typeDefs.flagsItem(first, attributes);
      case RESOURCE -> new ResourceParser(in, this).resourceItem(first, attributes);
      default -> null;
    };
  }

  // func-item ::= id ':' func-type ';'
  private Member funcItem(Token first, List<Attribute> attributes) {
    Ident name = in.ident("a function name");
    in.expect(TokenKind.COLON, "write `" + name.name() + ": func(...);`");
    FuncType type = funcType();
    in.expect(TokenKind.SEMICOLON, "end the function with `;`");
    return new Member.FuncDecl(name, type, docs(first), attributes);
  }

  // func-type ::= 'async'? 'func' param-list result-list
  FuncType funcType() {
    boolean async = in.match(TokenKind.ASYNC);
    Token func = in.expect(TokenKind.FUNC, "write `func(params) -> result`");
    List<FuncType.Param> params = paramList();
    Optional<TypeExpr> result = resultList();
    return new FuncType(async, params, result, func.span());
  }

  // param-list ::= '(' (id ':' ty (',' id ':' ty)* ','?)? ')'
  List<FuncType.Param> paramList() {
    in.expect(TokenKind.LEFT_PAREN, "write the parameters in `( )`");
    List<FuncType.Param> params = new ArrayList<>();
    while (!in.match(TokenKind.RIGHT_PAREN)) {
      Ident name = in.ident("a parameter name");
      in.expect(TokenKind.COLON, "write `" + name.name() + ": type`");
      params.add(new FuncType.Param(name, types.ty()));
      if (!in.match(TokenKind.COMMA)) {
        in.expect(TokenKind.RIGHT_PAREN, "separate parameters with `,` and close them with `)`");
        break;
      }
    }
    return params;
  }

  // result-list ::= ('->' ty)?
  Optional<TypeExpr> resultList() {
    if (in.match(TokenKind.R_ARROW)) {
      if (in.check(TokenKind.LEFT_PAREN)) {
        throw in.error(
            "functions have one result type, not a list of named results",
            in.peek(),
            "return a `tuple<..>` or a `record` instead");
      }
      return Optional.of(types.ty());
    }
    return Optional.empty();
  }

  // use-item ::= 'use' use-path '.' '{' (use-name (',' use-name)* ','?)? '}' ';'
  private Member useItem(List<Attribute> attributes) {
    Token keyword = in.advance();
    UsePath from = usePath();
    in.expect(TokenKind.PERIOD, "write `use " + from.name().name() + ".{name};`");
    in.expect(TokenKind.LEFT_BRACE, "list the names to use in `{ }`");
    List<Member.UseName> names = new ArrayList<>();
    while (!in.match(TokenKind.RIGHT_BRACE)) {
      Ident name = in.ident("a type name");
      Optional<Ident> as = Optional.empty();
      if (in.match(TokenKind.AS)) {
        as = Optional.of(in.ident("a name after `as`"));
      }
      names.add(new Member.UseName(name, as));
      if (!in.match(TokenKind.COMMA)) {
        in.expect(TokenKind.RIGHT_BRACE, "separate names with `,` and close the list with `}`");
        break;
      }
    }
    in.expect(TokenKind.SEMICOLON, "end the `use` with `;`");
    return new Member.UseDecl(from, names, attributes, in.since(keyword));
  }

  // use-path ::= id | id ':' id '/' id ('@' valid-semver)?
  UsePath usePath() {
    Token first = in.peek();
    Ident id = in.ident("an interface name");
    if (!in.match(TokenKind.COLON)) {
      return new UsePath.Local(id);
    }
    Ident pkg = in.ident("a package name");
    in.expect(TokenKind.SLASH, "write `namespace:package/interface`");
    Ident name = in.ident("an interface name");
    Optional<String> version = optionalVersion();
    return new UsePath.Foreign(id, pkg, name, version, in.since(first));
  }

  /** ('@' valid-semver)? */
  private Optional<String> optionalVersion() {
    return in.match(TokenKind.AT) ? Optional.of(gates.version()) : Optional.empty();
  }

  /** The doc comments written before {@code first}, the first token of an item. */
  static Docs docs(Token first) {
    return Docs.of(first.docs());
  }
}
