package dev.weft.flows.ast;

import dev.weft.flows.yaml.YNode;
import dev.weft.wit.diag.Span;
import java.util.List;
import java.util.Objects;

/**
 * A value expression in {@code with:}, {@code when:}, {@code output:}: a reference to an input or
 * a node's result ({@code $input.name}, {@code $hello.field[0]}), a literal written in the JSON
 * mapping of WIT values, or a list or mapping that contains references.
 */
public sealed interface Expr {
  /** Where the expression is. */
  Span span();

  /** Whether any reference occurs inside; an expression without one is a constant. */
  boolean hasRefs();

  /** {@code $root.path...}: the input record ({@code $input}) or a node's result. */
  record Ref(Ident root, List<Segment> path, Span span) implements Expr {
    public Ref {
      Objects.requireNonNull(root, "root");
      path = List.copyOf(path);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public boolean hasRefs() {
      return true;
    }

    /** The reference as written, without the leading {@code $}. */
    public String text() {
      StringBuilder b = new StringBuilder(root.name());
      for (Segment s : path) {
        b.append(s.text());
      }
      return b.toString();
    }
  }

  /** A step into a value: a record field or a list/tuple index. */
  sealed interface Segment {
    Span span();

    String text();
  }

  /** {@code .name}: a record field (or an input of {@code $input}). */
  record FieldSegment(String name, Span span) implements Segment {
    @Override
    public String text() {
      return "." + name;
    }
  }

  /** {@code [n]}: an element of a list or tuple. */
  record IndexSegment(int index, Span span) implements Segment {
    @Override
    public String text() {
      return "[" + index + "]";
    }
  }

  /** A constant YAML value, read in the JSON mapping against the type it must have. */
  record Literal(YNode node) implements Expr {
    public Literal {
      Objects.requireNonNull(node, "node");
    }

    @Override
    public Span span() {
      return node.span();
    }

    @Override
    public boolean hasRefs() {
      return false;
    }
  }

  /** A YAML list with references inside: a list or tuple built from parts. */
  record ListExpr(List<Expr> items, Span span) implements Expr {
    public ListExpr {
      items = List.copyOf(items);
    }

    @Override
    public boolean hasRefs() {
      return true;
    }
  }

  /** A YAML mapping with references inside: a record (or variant/result) built from parts. */
  record MapExpr(List<Entry> entries, Span span) implements Expr {
    public MapExpr {
      entries = List.copyOf(entries);
    }

    @Override
    public boolean hasRefs() {
      return true;
    }
  }

  /**
   * A string with values inserted: {@code "hash:${id.ok}"}. Each {@code ${ref}} is replaced by the
   * text of the referenced value; {@code $$} stands for a literal {@code $}.
   */
  record Template(List<TemplatePart> parts, Span span) implements Expr {
    public Template {
      parts = List.copyOf(parts);
    }

    @Override
    public boolean hasRefs() {
      return true;
    }
  }

  /** A piece of a {@link Template}. */
  sealed interface TemplatePart {}

  /** Text taken as it is. */
  record TextPart(String text) implements TemplatePart {}

  /** A value inserted as text; the reference's span covers its {@code ${...}}. */
  record RefPart(Ref ref) implements TemplatePart {}

  /** One key of a {@link MapExpr}. */
  record Entry(Ident key, Expr value) {}
}
