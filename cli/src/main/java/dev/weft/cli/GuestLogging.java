package dev.weft.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where the CLI shows what guests log ({@code weft:host/log}, and WASI stdout and stderr): one line
 * each on stderr, {@code LEVEL component: message}, so that stdout keeps only a run's output. The
 * level comes from {@value #ENV} ({@code off}, {@code error}, {@code warn}, {@code info}, {@code
 * debug}, {@code trace}; default {@code info}).
 */
final class GuestLogging {
  /** The environment variable that sets the level. */
  static final String ENV = "WEFT_GUEST_LOG";

  /** The parent of every guest's logger ({@code weft.guest.<component>}). */
  private static final String PARENT = "weft.guest";

  /** A strong reference: java.util.logging keeps loggers weakly and would forget the setup. */
  private static final Logger GUESTS = Logger.getLogger(PARENT);

  private GuestLogging() {}

  /** Routes guests' log records to stderr at the level {@value #ENV} names; idempotent. */
  static synchronized void install() {
    GUESTS.setLevel(level(System.getenv(ENV)));
    GUESTS.setUseParentHandlers(false);
    for (Handler h : GUESTS.getHandlers()) {
      if (h instanceof StderrHandler) {
        return;
      }
    }
    GUESTS.addHandler(new StderrHandler());
  }

  static Level level(String name) {
    if (name == null || name.isBlank()) {
      return Level.INFO;
    }
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "off" -> Level.OFF;
      case "error" -> Level.SEVERE;
      case "warn", "warning" -> Level.WARNING;
      case "debug" -> Level.FINE;
      case "trace" -> Level.FINER;
      default -> Level.INFO;
    };
  }

  /** One line per record on the stderr of the moment (tests replace System.err). */
  private static final class StderrHandler extends Handler {
    StderrHandler() {
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord r) {
      if (!isLoggable(r)) {
        return;
      }
      String name = r.getLoggerName();
      String component = name != null && name.startsWith(PARENT + ".") ? name.substring(PARENT.length() + 1) : name;
      PrintStream err = System.err;
      err.println(label(r.getLevel()) + " " + component + ": " + r.getMessage());
    }

    private static String label(Level l) {
      int v = l.intValue();
      if (v >= Level.SEVERE.intValue()) {
        return "ERROR";
      } else if (v >= Level.WARNING.intValue()) {
        return "WARN";
      } else if (v >= Level.INFO.intValue()) {
        return "INFO";
      } else if (v >= Level.FINE.intValue()) {
        return "DEBUG";
      }
      return "TRACE";
    }

    @Override
    public void flush() {
      System.err.flush();
    }

    @Override
    public void close() {}
  }
}
