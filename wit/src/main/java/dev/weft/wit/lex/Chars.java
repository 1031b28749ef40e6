package dev.weft.wit.lex;

/** Code points that WIT text must not contain (WIT.md "Lexical structure"). */
final class Chars {
  private Chars() {}

  /** Bidirectional overrides can make text look different from what it means (CVE-2021-42574). */
  static boolean isBidiOverride(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
  }

  /** Code points Unicode deprecates or strongly discourages. */
  static boolean isDeprecated(int cp) {
    return cp == 0x149
        || cp == 0x673
        || cp == 0xF77
        || cp == 0xF79
        || cp == 0x17A3
        || cp == 0x17A4
        || cp == 0x17B4
        || cp == 0x17B5;
  }
}
