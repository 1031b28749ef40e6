package dev.weft.engine.host;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Where {@code weft:host/log} and built-in {@code log} nodes write. Called on the guest's worker
 * thread, in the middle of its call, or on the thread running a built-in node (an event loop,
 * possibly): implementations must be thread-safe and must not block for long.
 */
@FunctionalInterface
public interface GuestLog {
  /** The levels of {@code weft:host/log.level}, lowest first. */
  enum Level {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /**
   * Logs one message.
   *
   * @param component the flow's name for the component that logged it, or {@code flow.node} for
   *     a built-in {@code log} node
   * @param fields the structured fields (key, value), in the guest's order
   */
  void log(String component, Level level, String message, List<Map.Entry<String, String>> fields);

  /** Logs to {@code java.util.logging}, logger {@code weft.guest.<component>}, fields as {@code k=v}. */
  static GuestLog julLog() {
    return (component, level, message, fields) -> {
      Logger logger = Logger.getLogger("weft.guest." + component);
      java.util.logging.Level jul = switch (level) {
        case TRACE -> java.util.logging.Level.FINER;
        case DEBUG -> java.util.logging.Level.FINE;
        case INFO -> java.util.logging.Level.INFO;
        case WARN -> java.util.logging.Level.WARNING;
        case ERROR -> java.util.logging.Level.SEVERE;
      };
      if (logger.isLoggable(jul)) {
        StringBuilder b = new StringBuilder(message);
        fields.forEach(f -> b.append(' ').append(f.getKey()).append('=').append(f.getValue()));
        logger.log(jul, b.toString());
      }
    };
  }
}
