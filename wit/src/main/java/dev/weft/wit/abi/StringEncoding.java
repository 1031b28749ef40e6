package dev.weft.wit.abi;

/** The {@code string-encoding} canonical option. */
public enum StringEncoding {
  UTF8,
  UTF16,
  /**
   * {@code latin1+utf16}: Latin-1 when every char fits, else UTF-16 with the length's top bit set.
   */
  LATIN1_UTF16
}
