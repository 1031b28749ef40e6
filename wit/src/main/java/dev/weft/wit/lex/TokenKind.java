package dev.weft.wit.lex;

/** The kinds of WIT tokens (WIT.md "Lexical structure"); whitespace and comments are not tokens. */
public enum TokenKind {
  EQUALS("`=`"),
  COMMA("`,`"),
  COLON("`:`"),
  PERIOD("`.`"),
  SEMICOLON("`;`"),
  LEFT_PAREN("`(`"),
  RIGHT_PAREN("`)`"),
  LEFT_BRACE("`{`"),
  RIGHT_BRACE("`}`"),
  LESS_THAN("`<`"),
  GREATER_THAN("`>`"),
  R_ARROW("`->`"),
  STAR("`*`"),
  AT("`@`"),
  SLASH("`/`"),
  PLUS("`+`"),
  MINUS("`-`"),
  STRING_LITERAL("a string literal"),

  USE("keyword `use`"),
  TYPE("keyword `type`"),
  FUNC("keyword `func`"),
  U8("keyword `u8`"),
  U16("keyword `u16`"),
  U32("keyword `u32`"),
  U64("keyword `u64`"),
  S8("keyword `s8`"),
  S16("keyword `s16`"),
  S32("keyword `s32`"),
  S64("keyword `s64`"),
  F32("keyword `f32`"),
  F64("keyword `f64`"),
  CHAR("keyword `char`"),
  RECORD("keyword `record`"),
  RESOURCE("keyword `resource`"),
  OWN("keyword `own`"),
  BORROW("keyword `borrow`"),
  FLAGS("keyword `flags`"),
  VARIANT("keyword `variant`"),
  ENUM("keyword `enum`"),
  BOOL("keyword `bool`"),
  STRING("keyword `string`"),
  OPTION("keyword `option`"),
  RESULT("keyword `result`"),
  FUTURE("keyword `future`"),
  STREAM("keyword `stream`"),
  ERROR_CONTEXT("keyword `error-context`"),
  LIST("keyword `list`"),
  MAP("keyword `map`"),
  UNDERSCORE("keyword `_`"),
  AS("keyword `as`"),
  FROM("keyword `from`"),
  STATIC("keyword `static`"),
  INTERFACE("keyword `interface`"),
  TUPLE("keyword `tuple`"),
  IMPORT("keyword `import`"),
  EXPORT("keyword `export`"),
  WORLD("keyword `world`"),
  PACKAGE("keyword `package`"),
  CONSTRUCTOR("keyword `constructor`"),
  ASYNC("keyword `async`"),
  INCLUDE("keyword `include`"),
  WITH("keyword `with`"),

  ID("an identifier"),
  EXPLICIT_ID("an `%`-escaped identifier"),
  INTEGER("an integer"),
  EOF("end of input");

  private final String description;

  TokenKind(String description) {
    this.description = description;
  }

  /** How "expected X, found Y" names this kind, such as {@code keyword `use`} or {@code `;`}. */
  public String describe() {
    return description;
  }

  /** The keyword spelled {@code word}, or {@link #ID} when it is no keyword. */
  public static TokenKind keyword(String word) {
    return keyword(word, 0, word.length());
  }

  /** The keywords by their spelling, probed without cutting a string out of the source. */
  private static final KeywordTable KEYWORDS = new KeywordTable();

  /**
   * The keyword spelled by {@code text[start, end)}, or {@link #ID}. Allocates nothing: the lexer
   * calls it for every word, and most words are not keywords.
   */
  public static TokenKind keyword(String text, int start, int end) {
    return KEYWORDS.find(text, start, end);
  }

  /** Whether this kind is a keyword (a word that needs a {@code %} to be used as a name). */
  public boolean isKeyword() {
    return ordinal() >= USE.ordinal() && ordinal() <= WITH.ordinal();
  }
}
