package dev.weft.wit.ast;

import dev.weft.wit.diag.Span;
import java.util.Objects;

/** An {@code @...} attribute before an item (WIT.md "Feature Gates"). */
public sealed interface Attribute {
  /** Which attribute this is, for exhaustive switches. */
  enum Form {
    SINCE,
    UNSTABLE,
    DEPRECATED,
    EXTERNAL_ID
  }

  /** Which attribute this is. */
  Form form();

  /** Where the attribute's name is. */
  Span span();

  /** {@code @since(version = 1.2.3)}. */
  record Since(String version, Span span) implements Attribute {
    public Since {
      Objects.requireNonNull(version, "version");
    }

    @Override
    public Form form() {
      return Form.SINCE;
    }
  }

  /** {@code @unstable(feature = name)}. */
  record Unstable(Ident feature, Span span) implements Attribute {
    public Unstable {
      Objects.requireNonNull(feature, "feature");
    }

    @Override
    public Form form() {
      return Form.UNSTABLE;
    }
  }

  /** {@code @deprecated(version = 1.2.3)}. */
  record Deprecated(String version, Span span) implements Attribute {
    public Deprecated {
      Objects.requireNonNull(version, "version");
    }

    @Override
    public Form form() {
      return Form.DEPRECATED;
    }
  }

  /** {@code @external-id("...")}: a name for the world outside, kept as written. */
  record ExternalId(String id, Span span) implements Attribute {
    public ExternalId {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Form form() {
      return Form.EXTERNAL_ID;
    }
  }
}
