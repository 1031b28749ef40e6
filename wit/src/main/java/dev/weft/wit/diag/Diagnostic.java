package dev.weft.wit.diag;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in user input: a stable code (listed in {@code docs/errors.md}), a message in
 * lower case without a final period, where it is, and optionally what to write instead.
 */
public record Diagnostic(
    Severity severity, String code, String message, Span span, Optional<String> help) {
  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(help, "help");
  }

  /** An error without a help line. */
  public static Diagnostic error(String code, String message, Span span) {
    return new Diagnostic(Severity.ERROR, code, message, span, Optional.empty());
  }

  /** An error with a help line saying what to write. */
  public static Diagnostic error(String code, String message, Span span, String help) {
    return new Diagnostic(Severity.ERROR, code, message, span, Optional.ofNullable(help));
  }

  /** The same problem with (another) help line. */
  public Diagnostic withHelp(String text) {
    return new Diagnostic(severity, code, message, span, Optional.ofNullable(text));
  }
}
