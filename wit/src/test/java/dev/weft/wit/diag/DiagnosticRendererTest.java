package dev.weft.wit.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {
  @Test
  void caretsSitUnderTheSpanWithFileLineAndColumn() {
    SourceMap map = new SourceMap();
    String text = "package a:b;\ninterface i {\n    handle: func(r: reqest);\n}\n";
    int base = map.add("wit/orders.wit", text);
    int at = text.indexOf("reqest");
    Diagnostic d =
        Diagnostic.error(
            "WIT0102",
            "type `reqest` does not exist",
            new Span(base + at, base + at + 6),
            "did you mean `request`?");
    String expected =
        "error[WIT0102]: type `reqest` does not exist\n"
            + " --> wit/orders.wit:3:21\n"
            + "  |\n"
            + "3 |     handle: func(r: reqest);\n"
            + "  |                     ^^^^^^\n"
            + "  = help: did you mean `request`?\n";
    assertEquals(expected, new DiagnosticRenderer(map).render(d));
  }

  @Test
  void columnsCountCodePointsNotUtf16Units() {
    SourceMap map = new SourceMap();
    String text = "name: \uD83D\uDE00 é bad\n";
    int base = map.add("f.yaml", text);
    int at = text.indexOf("bad");
    Diagnostic d = Diagnostic.error("X0001", "bad", new Span(base + at, base + at + 3));
    String out = new DiagnosticRenderer(map).render(d);
    assertEquals(
        "error[X0001]: bad\n"
            + " --> f.yaml:1:11\n"
            + "  |\n"
            + "1 | name: \uD83D\uDE00 é bad\n"
            + "  |           ^^^\n",
        out);
  }

  @Test
  void unknownSpanRendersWithoutSnippet() {
    Diagnostic d = Diagnostic.error("X0002", "no place", Span.NONE, "write something");
    assertEquals(
        "error[X0002]: no place\n  = help: write something\n",
        new DiagnosticRenderer(new SourceMap()).render(d));
  }
}
