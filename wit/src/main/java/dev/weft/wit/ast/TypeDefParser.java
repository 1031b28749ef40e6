package dev.weft.wit.ast;

import dev.weft.wit.lex.Token;
import dev.weft.wit.lex.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules for named type definitions: aliases, records, variants, enums and flags. */
final class TypeDefParser {
  private final TokenCursor in;
  private final TypeParser types;

  TypeDefParser(TokenCursor in, TypeParser types) {
    this.in = in;
    this.types = types;
  }

  // type-item ::= 'type' id '=' ty ';'
  Member typeItem(Token first, List<Attribute> attributes) {
    in.advance();
    Ident name = in.ident("a type name");
    in.expect(TokenKind.EQUALS, "write `type " + name.name() + " = other-type;`");
    TypeExpr target = types.ty();
    in.expect(TokenKind.SEMICOLON, "end the type with `;`");
    return new Member.TypeDecl(name, WitParser.docs(first), attributes, new TypeBody.Alias(target));
  }

  // record-item ::= 'record' id '{' (id ':' ty (',' id ':' ty)* ','?)? '}'
  Member recordItem(Token first, List<Attribute> attributes) {
    in.advance();
    Ident name = in.ident("a record name");
    in.expect(TokenKind.LEFT_BRACE, "give the record's fields in `{ }`");
    List<TypeBody.FieldDecl> fields = new ArrayList<>();
    while (!in.match(TokenKind.RIGHT_BRACE)) {
      Token start = in.peek();
      Ident field = in.ident("a field name");
      in.expect(TokenKind.COLON, "write `" + field.name() + ": type`");
      fields.add(new TypeBody.FieldDecl(field, types.ty(), WitParser.docs(start)));
      if (!in.match(TokenKind.COMMA)) {
        in.expect(TokenKind.RIGHT_BRACE, "separate fields with `,` and close the record with `}`");
        break;
      }
    }
    return new Member.TypeDecl(
        name, WitParser.docs(first), attributes, new TypeBody.RecordBody(fields));
  }

  // variant-items ::= 'variant' id '{' variant-case (',' variant-case)* ','? '}'
  Member variantItem(Token first, List<Attribute> attributes) {
    in.advance();
    Ident name = in.ident("a variant name");
    in.expect(TokenKind.LEFT_BRACE, "give the variant's cases in `{ }`");
    List<TypeBody.CaseDecl> cases = new ArrayList<>();
    while (!in.match(TokenKind.RIGHT_BRACE)) {
      cases.add(variantCase());
      if (!in.match(TokenKind.COMMA)) {
        in.expect(TokenKind.RIGHT_BRACE, "separate cases with `,` and close the variant with `}`");
        break;
      }
    }
    return new Member.TypeDecl(
        name, WitParser.docs(first), attributes, new TypeBody.VariantBody(cases));
  }

  // variant-case ::= id ('(' ty ')')?
  private TypeBody.CaseDecl variantCase() {
    Token start = in.peek();
    Ident name = in.ident("a case name");
    Optional<TypeExpr> payload = Optional.empty();
    if (in.match(TokenKind.LEFT_PAREN)) {
      payload = Optional.of(types.ty());
      in.expect(TokenKind.RIGHT_PAREN, "close the payload type with `)`");
    }
    return new TypeBody.CaseDecl(name, payload, WitParser.docs(start));
  }

  // enum-items ::= 'enum' id '{' id (',' id)* ','? '}'
  Member enumItem(Token first, List<Attribute> attributes) {
    in.advance();
    Ident name = in.ident("an enum name");
    List<TypeBody.NameDecl> cases = nameList("enum", "a case name");
    return new Member.TypeDecl(
        name, WitParser.docs(first), attributes, new TypeBody.EnumBody(cases));
  }

  // flags-items ::= 'flags' id '{' id (',' id)* ','? '}'
  Member flagsItem(Token first, List<Attribute> attributes) {
    in.advance();
    Ident name = in.ident("a flags name");
    List<TypeBody.NameDecl> flags = nameList("flags", "a flag name");
    return new Member.TypeDecl(
        name, WitParser.docs(first), attributes, new TypeBody.FlagsBody(flags));
  }

  private List<TypeBody.NameDecl> nameList(String what, String itemWhat) {
    in.expect(TokenKind.LEFT_BRACE, "give the " + what + "'s names in `{ }`");
    List<TypeBody.NameDecl> names = new ArrayList<>();
    while (!in.match(TokenKind.RIGHT_BRACE)) {
      Token start = in.peek();
      names.add(new TypeBody.NameDecl(in.ident(itemWhat), WitParser.docs(start)));
      if (!in.match(TokenKind.COMMA)) {
        in.expect(TokenKind.RIGHT_BRACE, "separate names with `,` and close the list with `}`");
        break;
      }
    }
    return names;
  }
}
