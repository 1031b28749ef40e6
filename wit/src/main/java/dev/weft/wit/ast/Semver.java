package dev.weft.wit.ast;

import java.math.BigInteger;

/** Semantic Versioning 2.0 precedence, for checking {@code @since} against a package version. */
public final class Semver {
  private Semver() {}

  /** Semantic Versioning 2.0: numbers without leading zeros, dotted pre-release and build ids. */
  private static final java.util.regex.Pattern SEMVER =
      java.util.regex.Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(-((0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(\\.(0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(\\+([0-9a-zA-Z-]+(\\.[0-9a-zA-Z-]+)*))?");

  /** Whether {@code v} is a valid semantic version. */
  public static boolean isValid(String v) {
    return SEMVER.matcher(v).matches();
  }

  /** Negative, zero or positive as {@code a} is older than, as old as or newer than {@code b}. */
  public static int compare(String a, String b) {
    String[] ca = core(a).split("\\.");
    String[] cb = core(b).split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = new BigInteger(ca[i]).compareTo(new BigInteger(cb[i]));
      if (c != 0) {
        return c;
      }
    }
    String pa = pre(a);
    String pb = pre(b);
    if (pa.isEmpty() || pb.isEmpty()) {
      // A release is newer than any of its pre-releases.
      return pa.isEmpty() == pb.isEmpty() ? 0 : (pa.isEmpty() ? 1 : -1);
    }
    String[] ia = pa.split("\\.");
    String[] ib = pb.split("\\.");
    for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
      int c = comparePart(ia[i], ib[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ia.length, ib.length);
  }

  private static int comparePart(String x, String y) {
    boolean nx = x.chars().allMatch(Character::isDigit);
    boolean ny = y.chars().allMatch(Character::isDigit);
    if (nx && ny) {
      return new BigInteger(x).compareTo(new BigInteger(y));
    }
    if (nx != ny) {
      return nx ? -1 : 1;
    }
    return x.compareTo(y);
  }

  private static String withoutBuild(String v) {
    int plus = v.indexOf('+');
    return plus < 0 ? v : v.substring(0, plus);
  }

  private static String core(String v) {
    String s = withoutBuild(v);
    int dash = s.indexOf('-');
    return dash < 0 ? s : s.substring(0, dash);
  }

  private static String pre(String v) {
    String s = withoutBuild(v);
    int dash = s.indexOf('-');
    return dash < 0 ? "" : s.substring(dash + 1);
  }
}
