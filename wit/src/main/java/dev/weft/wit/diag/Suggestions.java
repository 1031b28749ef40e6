package dev.weft.wit.diag;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for names: the closest candidate by edit distance, when it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code name}, if it is within a third of the name's length (at
   * least one edit), ties broken by the order of {@code candidates}.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int budget = Math.max(1, name.length() / 3);
    for (String c : candidates) {
      if (c.equals(name)) {
        continue; // the name itself is not a suggestion
      }
      int d = distance(name, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= budget ? Optional.of(best) : Optional.empty();
  }

  /** "did you mean `x`?" or empty. */
  public static Optional<String> didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> "did you mean `" + c + "`?");
  }

  /** Damerau-Levenshtein distance (optimal string alignment): a swap of neighbours costs one. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
