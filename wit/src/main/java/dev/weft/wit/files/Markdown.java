package dev.weft.wit.files;

/**
 * WIT inside markdown: keeps the text of {@code ```wit} code fences and blanks everything else,
 * keeping every line break. The result has the same length as the input, so offsets into it are
 * offsets into the markdown file and errors point at the right line of the document.
 */
final class Markdown {
  private Markdown() {}

  static String witOf(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length());
    boolean inWit = false;
    int pos = 0;
    while (pos < markdown.length()) {
      int nl = markdown.indexOf('\n', pos);
      int end = nl < 0 ? markdown.length() : nl + 1;
      String line = markdown.substring(pos, end);
      String trimmed = line.strip();
      boolean fence = trimmed.startsWith("```");
      if (fence) {
        inWit = !inWit && trimmed.substring(3).strip().equals("wit");
        blank(line, out);
      } else if (inWit) {
        out.append(line);
      } else {
        blank(line, out);
      }
      pos = end;
    }
    return out.toString();
  }

  private static void blank(String line, StringBuilder out) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      out.append(c == '\n' || c == '\r' ? c : ' ');
    }
  }
}
