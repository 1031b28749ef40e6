package dev.weft.wit.ast;

/** WIT names (WIT.md "Identifiers"): kebab-case words, each all lower case or all upper case. */
public final class Names {
  private Names() {}

  /** Why {@code name} is not a valid WIT name, or null when it is. */
  public static String kebabProblem(String name) {
    if (name.isEmpty()) {
      return "it is empty";
    }
    String[] words = name.split("-", -1);
    for (int w = 0; w < words.length; w++) {
      String word = words[w];
      if (word.isEmpty()) {
        return "it has an empty word between `-`s";
      }
      // Words after the first may start with a digit (`v1-2`), the first may not.
      if (w == 0 && !isAsciiLetter(word.charAt(0))) {
        return "it must start with a letter";
      }
      Boolean upper = null;
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (c >= '0' && c <= '9') {
          continue;
        }
        if (!isAsciiLetter(c)) {
          return "`" + new String(Character.toChars(word.codePointAt(i))) + "` is not allowed";
        }
        boolean isUpper = c >= 'A' && c <= 'Z';
        if (upper == null) {
          upper = isUpper;
        } else if (upper != isUpper) {
          return "the word `" + word + "` mixes upper and lower case";
        }
      }
    }
    return null;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
