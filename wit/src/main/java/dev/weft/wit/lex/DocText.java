package dev.weft.wit.lex;

import java.util.ArrayList;
import java.util.List;

/** Joins the bodies of consecutive doc comments into the text kept on the model. */
final class DocText {
  private DocText() {}

  /**
   * Trims each comment's end, removes the indentation all non-empty lines share (so {@code /// a}
   * gives {@code a} while deliberate extra indentation survives) and joins lines with newlines.
   */
  static String join(List<String> bodies) {
    List<String> lines = new ArrayList<>();
    for (String body : bodies) {
      for (String line : body.split("\r?\n", -1)) {
        lines.add(line.stripTrailing());
      }
    }
    int common = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isEmpty()) {
        int ws = 0;
        while (ws < line.length() && line.charAt(ws) == ' ') {
          ws++;
        }
        common = Math.min(common, ws);
      }
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i > 0) {
        b.append('\n');
      }
      b.append(line.isEmpty() ? line : line.substring(common));
    }
    return b.toString();
  }
}
