package dev.weft.flows.yaml;

import dev.weft.flows.yaml.YNode.ScalarType;
import dev.weft.flows.yaml.YNode.YEntry;
import dev.weft.flows.yaml.YNode.YMap;
import dev.weft.flows.yaml.YNode.YScalar;
import dev.weft.flows.yaml.YNode.YSeq;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one YAML document with SnakeYAML Engine's compose API (a node tree, not object binding)
 * and turns it into {@link YNode}s whose spans are global offsets of a {@code SourceMap}.
 * Syntax errors and duplicate keys become diagnostics ({@code FLOW0001}, {@code FLOW0002}).
 */
public final class YamlReader {
  /** Anchors and aliases beyond this many are refused (a billion-laughs guard). */
  public static final int MAX_ALIASES = 50;

  /** Keeps YAML's nesting from overflowing the Java stack on hostile input. */
  public static final int MAX_DEPTH = 200;

  private final String text;
  private final int base;
  private final Diagnostics diags;
  // SnakeYAML counts code points; spans count chars. Null when the text has no surrogate pairs.
  private final int[] charOffsetOfCodePoint;

  private YamlReader(String text, int base, Diagnostics diags) {
    this.text = text;
    this.base = base;
    this.diags = diags;
    this.charOffsetOfCodePoint =
        text.codePointCount(0, text.length()) == text.length() ? null : codePointOffsets(text);
  }

  /**
   * Reads {@code text}, which a {@code SourceMap} holds at offset {@code base}.
   *
   * @return the root node, or empty when the document is empty or unreadable (then a diagnostic
   *     says why)
   */
  public static Optional<YNode> read(String text, int base, Diagnostics diags) {
    return new YamlReader(text, base, diags).read();
  }

  private Optional<YNode> read() {
    LoadSettings settings =
        LoadSettings.builder()
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setLabel("flow")
            .build();
    Optional<Node> root;
    try {
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      Span at = e.getProblemMark().map(this::point).orElse(Span.NONE);
      String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
      String context = e.getContext() == null ? "" : " " + e.getContext().strip();
      String help =
          e.getContextMark()
              .map(m -> "the" + context.replaceFirst("^ while parsing (an? )?", " ")
                  + " that starts at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)
                  + "; check that it is closed and indented as intended")
              .orElse("check the indentation and quoting near this place");
      diags.error("FLOW0001", "invalid YAML: " + problem.strip() + context, at, help);
      return Optional.empty();
    } catch (YamlEngineException e) {
      diags.error("FLOW0001", "invalid YAML: " + e.getMessage(), Span.NONE);
      return Optional.empty();
    }
    return root.map(n -> convert(n, 0));
  }

  private YNode convert(Node node, int depth) {
    Span span = span(node);
    if (depth > MAX_DEPTH) {
      diags.error("FLOW0001", "YAML nested deeper than " + MAX_DEPTH + " levels", span);
      return new YScalar("", ScalarType.NULL, span);
    }
    if (node instanceof ScalarNode s) {
      return new YScalar(s.getValue(), scalarType(s), span);
    }
    if (node instanceof SequenceNode s) {
      List<YNode> items = new ArrayList<>();
      for (Node item : s.getValue()) {
        items.add(convert(item, depth + 1));
      }
      return new YSeq(items, span);
    }
    MappingNode m = (MappingNode) node;
    List<YEntry> entries = new ArrayList<>();
    Map<String, YScalar> seen = new HashMap<>();
    for (NodeTuple t : m.getValue()) {
      YNode key = convert(t.getKeyNode(), depth + 1);
      YNode value = convert(t.getValueNode(), depth + 1);
      if (!(key instanceof YScalar k)) {
        diags.error("FLOW0002", "mapping keys must be plain names, found " + key.describe(), key.span());
        continue;
      }
      YScalar first = seen.putIfAbsent(k.value(), k);
      if (first != null) {
        diags.error(
            "FLOW0002",
            "duplicate key `" + k.value() + "`",
            k.span(),
            "remove one of the two; the first is at line " + lineOf(first.span()));
        continue;
      }
      entries.add(new YEntry(k, value));
    }
    return new YMap(entries, span);
  }

  private static ScalarType scalarType(ScalarNode s) {
    Tag tag = s.getTag();
    if (!s.isPlain() || Tag.STR.equals(tag)) {
      return ScalarType.STRING;
    }
    if (Tag.INT.equals(tag)) {
      return ScalarType.INT;
    }
    if (Tag.FLOAT.equals(tag)) {
      return ScalarType.FLOAT;
    }
    if (Tag.BOOL.equals(tag)) {
      return ScalarType.BOOL;
    }
    if (Tag.NULL.equals(tag)) {
      return ScalarType.NULL;
    }
    return ScalarType.STRING;
  }

  private Span span(Node node) {
    Optional<Mark> start = node.getStartMark();
    Optional<Mark> end = node.getEndMark();
    if (start.isEmpty()) {
      return Span.NONE;
    }
    int s = offset(start.get());
    int e = end.map(this::offset).orElse(s);
    // Block collections end at the start of the next token; trim trailing whitespace and newlines.
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return new Span(base + s, base + Math.max(s, e));
  }

  private Span point(Mark mark) {
    int at = offset(mark);
    return new Span(base + at, base + Math.min(text.length(), at + 1));
  }

  private int offset(Mark mark) {
    int cp = mark.getIndex();
    if (charOffsetOfCodePoint == null) {
      return Math.min(cp, text.length());
    }
    return charOffsetOfCodePoint[Math.min(cp, charOffsetOfCodePoint.length - 1)];
  }

  private int lineOf(Span span) {
    int local = span.start() - base;
    int line = 1;
    for (int i = 0; i < local && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int[] codePointOffsets(String text) {
    int count = text.codePointCount(0, text.length());
    int[] offsets = new int[count + 1];
    int i = 0;
    for (int cp = 0; cp < count; cp++) {
      offsets[cp] = i;
      i = text.offsetByCodePoints(i, 1);
    }
    offsets[count] = text.length();
    return offsets;
  }
}
