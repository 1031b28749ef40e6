package dev.weft.engine.host;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A guest's stdout or stderr as log lines: bytes are collected until a newline, then the line
 * (UTF-8, invalid bytes replaced, a trailing {@code \r} dropped) goes to the {@link GuestLog}
 * under the component's name. What is left without a newline goes out when the call ends ({@link
 * #endLine()}) or the stream is closed; a line longer than {@link #MAX_LINE} bytes goes out in
 * pieces, so a guest cannot make the host hold unbounded output. One per instance and stream;
 * not thread-safe.
 */
final class LineLog extends OutputStream {
  /** The longest line kept whole, in bytes. */
  static final int MAX_LINE = 16 * 1024;

  private final String component;
  private final GuestLog log;
  private final GuestLog.Level level;
  private final List<Map.Entry<String, String>> fields;
  private byte[] line = new byte[128];
  private int length;

  /**
   * Lines of the stream {@code stream} ({@code stdout}, {@code stderr}) of {@code component}, logged
   * at {@code level} with the field {@code stream=<stream>}.
   */
  LineLog(String component, String stream, GuestLog log, GuestLog.Level level) {
    this.component = component;
    this.log = log;
    this.level = level;
    this.fields = List.of(Map.entry("stream", stream));
  }

  @Override
  public void write(int b) {
    if (b == '\n') {
      emit();
      return;
    }
    if (length == line.length) {
      line = Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
    }
    line[length++] = (byte) b;
    if (length == MAX_LINE) {
      emit();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  /** Logs what was written since the last newline, if anything: the guest's call is over. */
  void endLine() {
    if (length > 0) {
      emit();
    }
  }

  @Override
  public void close() {
    endLine();
  }

  private void emit() {
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    String text = new String(line, 0, end, StandardCharsets.UTF_8); // invalid bytes become U+FFFD
    length = 0;
    log.log(component, level, text, fields);
  }
}
