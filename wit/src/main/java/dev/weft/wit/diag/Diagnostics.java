package dev.weft.wit.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink that passes report problems into and keep going. Not thread-safe: one per check.
 */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  /** Adds a problem. */
  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  /** Adds an error. */
  public void error(String code, String message, Span span) {
    add(Diagnostic.error(code, message, span));
  }

  /** Adds an error with a help line. */
  public void error(String code, String message, Span span, String help) {
    add(Diagnostic.error(code, message, span, help));
  }

  /** Whether any error was reported. */
  public boolean hasErrors() {
    return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** The problems in the order they were reported. */
  public List<Diagnostic> all() {
    return List.copyOf(items);
  }

  /** How many problems were reported. */
  public int size() {
    return items.size();
  }
}
