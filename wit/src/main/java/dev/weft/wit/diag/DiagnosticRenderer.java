package dev.weft.wit.diag;

import java.util.List;

/**
 * Renders diagnostics in the compiler style of wit-parser and rustc:
 *
 * <pre>
 * error[WIT0102]: type `reqest` does not exist
 *   --&gt; wit/orders.wit:12:21
 *    |
 * 12 |     handle: func(r: reqest) -&gt; response;
 *    |                     ^^^^^^
 *    = help: did you mean `request`?
 * </pre>
 *
 * Spans that are unknown, or on lines longer than {@link #MAX_SNIPPET_LINE} characters, render
 * without a snippet. Thread-safe.
 */
public final class DiagnosticRenderer {
  /** Lines longer than this are not shown (minified input would flood the terminal). */
  public static final int MAX_SNIPPET_LINE = 500;

  private final SourceMap sources;

  public DiagnosticRenderer(SourceMap sources) {
    this.sources = sources;
  }

  /** All diagnostics, separated by blank lines. */
  public String render(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(render(d));
    }
    return out.toString();
  }

  /** One diagnostic, ending in a newline. */
  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    out.append(d.severity().label()).append('[').append(d.code()).append("]: ");
    out.append(d.message()).append('\n');
    SourceMap.Location at = d.span().known() ? sources.locate(d.span().start()) : null;
    String pad = "  ";
    if (at != null) {
      String lineNo = Integer.toString(at.line());
      pad = " ".repeat(lineNo.length() + 1);
      out.append(pad.substring(1)).append("--> ").append(at.source().name()).append(':');
      out.append(at.line()).append(':').append(at.column()).append('\n');
      String text = at.source().line(at.line());
      if (text.length() <= MAX_SNIPPET_LINE) {
        out.append(pad).append("|\n");
        out.append(lineNo).append(" | ").append(text).append('\n');
        out.append(pad).append("| ").append(caretLine(text, at, d.span())).append('\n');
      }
    }
    if (d.help().isPresent()) {
      out.append(pad).append("= help: ").append(d.help().get()).append('\n');
    }
    return out.toString();
  }

  /** Spaces (tabs kept, so the caret lines up) then one caret per code point of the span. */
  private static String caretLine(String text, SourceMap.Location at, Span span) {
    StringBuilder b = new StringBuilder();
    int[] cps = text.codePoints().toArray();
    int col = Math.min(at.column() - 1, cps.length);
    for (int i = 0; i < col; i++) {
      b.append(cps[i] == '\t' ? '\t' : ' ');
    }
    int lineStartGlobal = span.start() - text.offsetByCodePoints(0, col);
    int endInLine = Math.min(span.end() - lineStartGlobal, text.length());
    int startInLine = text.offsetByCodePoints(0, col);
    int width = endInLine > startInLine ? text.codePointCount(startInLine, endInLine) : 1;
    b.append("^".repeat(width));
    return b.toString();
  }
}
