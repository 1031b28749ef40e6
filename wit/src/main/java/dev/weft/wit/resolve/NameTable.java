package dev.weft.wit.resolve;

import dev.weft.wit.ast.Ident;
import dev.weft.wit.diag.Diagnostics;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The plain names of a world's imports (or exports). Kebab names compare without case, since
 * bindings in many languages would map {@code get-user} and {@code GET-USER} to one name.
 */
final class NameTable {
  private record Entry(String name, String kind) {}

  private final String direction;
  private final Diagnostics diags;
  private final Map<String, Entry> names = new HashMap<>();

  NameTable(String direction, Diagnostics diags) {
    this.direction = direction;
    this.diags = diags;
  }

  /** Takes {@code name} for an item of {@code kind}; false (and reported) if it is taken. */
  boolean claim(Ident name, String kind) {
    Entry prior = names.putIfAbsent(key(name.name()), new Entry(name.name(), kind));
    if (prior == null) {
      return true;
    }
    String message =
        prior.name().equals(name.name())
            ? direction
                + " `"
                + name.name()
                + "` conflicts with prior "
                + prior.kind()
                + " of same name"
            : direction
                + " `"
                + name.name()
                + "` conflicts with "
                + direction
                + " `"
                + prior.name()
                + "` (kebab-case names are case-insensitive)";
    diags.error("WIT0132", message, name.span(), "give the " + direction + " another name");
    return false;
  }

  /** Whether {@code name} is taken, without claiming it. */
  boolean taken(String name) {
    return names.containsKey(key(name));
  }

  /** Takes a name that came from an include; false if it is taken. */
  boolean claimQuietly(String name, String kind) {
    return names.putIfAbsent(key(name), new Entry(name, kind)) == null;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
