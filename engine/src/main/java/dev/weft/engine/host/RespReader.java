package dev.weft.engine.host;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads Redis replies (RESP2) from the bytes a connection receives, in whatever pieces they come.
 * A reply is a {@code String} (simple string), a {@code Long} (integer), a {@code byte[]} (bulk
 * string), a {@code List<Object>} (array), {@code null} (null bulk string or array), or a {@link
 * RespError} (error reply). See https://redis.io/docs/latest/develop/reference/protocol-spec/.
 *
 * <p>Bytes that end in the middle of a reply are kept until the rest comes; a reply is parsed
 * again from its start then, which only long replies split across many reads (a big {@code
 * SCAN} page) pay. Not thread-safe: one connection's event loop feeds it.
 */
final class RespReader {
  /** The largest bulk string or array accepted (Redis's own default limit for bulk strings). */
  static final int MAX_LENGTH = 512 << 20;

  private static final int INCOMPLETE = -1;

  private Buffer pending;
  private Object value; // the reply parse() last read

  /** A reply that is an error ({@code -ERR message}): its text is the message. */
  static final class RespError extends RuntimeException {
    RespError(String message) {
      super(message, null, false, false);
    }
  }

  /** The bytes do not follow RESP2: the connection cannot be trusted any more. */
  static final class ProtocolException extends RuntimeException {
    ProtocolException(String message) {
      super(message);
    }
  }

  /**
   * Takes the next bytes received and gives each reply they complete to {@code replies}, in
   * order.
   *
   * @throws ProtocolException when the bytes are not RESP2
   */
  void feed(Buffer data, Consumer<Object> replies) {
    Buffer b;
    if (pending == null) {
      b = data;
    } else {
      pending.appendBuffer(data);
      b = pending;
    }
    int pos = 0;
    int end;
    while (pos < b.length() && (end = parse(b, pos)) != INCOMPLETE) {
      pos = end;
      replies.accept(value);
    }
    if (pos == b.length()) {
      pending = null;
    } else if (b != pending || pos > 0) {
      pending = Buffer.buffer(b.length() - pos + 256).appendBuffer(b, pos, b.length() - pos);
    }
  }

  /** Reads one reply starting at {@code pos} into {@link #value}; its end, or INCOMPLETE. */
  private int parse(Buffer b, int pos) {
    int line = lineEnd(b, pos + 1);
    if (line == INCOMPLETE) {
      return INCOMPLETE;
    }
    byte type = b.getByte(pos);
    switch (type) {
      case '+' -> {
        value = b.getString(pos + 1, line, StandardCharsets.UTF_8.name());
        return line + 2;
      }
      case '-' -> {
        value = new RespError(b.getString(pos + 1, line, StandardCharsets.UTF_8.name()));
        return line + 2;
      }
      case ':' -> {
        value = number(b, pos + 1, line);
        return line + 2;
      }
      case '$' -> {
        long n = number(b, pos + 1, line);
        if (n == -1) {
          value = null;
          return line + 2;
        }
        checkLength(n);
        int start = line + 2;
        if (b.length() < start + n + 2) {
          return INCOMPLETE;
        }
        value = b.getBytes(start, start + (int) n);
        return start + (int) n + 2;
      }
      case '*' -> {
        long n = number(b, pos + 1, line);
        if (n == -1) {
          value = null;
          return line + 2;
        }
        checkLength(n);
        List<Object> items = new ArrayList<>((int) Math.min(n, 1024));
        int at = line + 2;
        for (long i = 0; i < n; i++) {
          if (at >= b.length()) {
            return INCOMPLETE;
          }
          at = parse(b, at);
          if (at == INCOMPLETE) {
            return INCOMPLETE;
          }
          items.add(value);
        }
        value = items;
        return at;
      }
      default -> throw new ProtocolException("redis sent an unknown reply type `" + (char) type + "`");
    }
  }

  /** The index of the {@code \r} that ends the line starting at {@code from}, or INCOMPLETE. */
  private static int lineEnd(Buffer b, int from) {
    for (int i = from; i + 1 < b.length(); i++) {
      if (b.getByte(i) == '\r') {
        if (b.getByte(i + 1) != '\n') {
          throw new ProtocolException("redis sent a line that does not end in CRLF");
        }
        return i;
      }
    }
    return INCOMPLETE;
  }

  private static long number(Buffer b, int from, int to) {
    if (from == to) {
      throw new ProtocolException("redis sent an empty number");
    }
    boolean negative = b.getByte(from) == '-';
    long n = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      int d = b.getByte(i) - '0';
      if (d < 0 || d > 9 || n < (Long.MIN_VALUE + d) / 10) {
        throw new ProtocolException("redis sent a malformed number");
      }
      n = n * 10 - d; // accumulate negatively: Long.MIN_VALUE has no positive counterpart
    }
    if (negative) {
      return n;
    }
    if (n == Long.MIN_VALUE) {
      throw new ProtocolException("redis sent a malformed number");
    }
    return -n;
  }

  private static void checkLength(long n) {
    if (n < 0 || n > MAX_LENGTH) {
      throw new ProtocolException("redis sent a length of " + n);
    }
  }
}
