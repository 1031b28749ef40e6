package dev.weft.flows.model;

import dev.weft.wit.value.WitValue;
import java.util.List;
import java.util.Objects;

/**
 * How a value is obtained at run time, with the WIT type it has: an input, a node's result (both
 * with steps into the value), a constant, or a list, tuple, record or {@code some} built from
 * other bindings. Produced by the type checker, so every binding fits where it is used.
 */
public sealed interface Binding {
  /** The static type of the value this binding produces. */
  Typed type();

  /** {@code $input.name...}. */
  record FromInput(String input, List<Step> steps, Typed type) implements Binding {
    public FromInput {
      Objects.requireNonNull(input, "input");
      steps = List.copyOf(steps);
    }
  }

  /**
   * {@code $node...}; when the node is conditional its value is an {@code option} that is {@code
   * none} if the node did not run.
   */
  record FromNode(NodeId node, List<Step> steps, Typed type) implements Binding {
    public FromNode {
      Objects.requireNonNull(node, "node");
      steps = List.copyOf(steps);
    }
  }

  /** {@code $item...}: the current element of a {@code for-each} node. */
  record FromItem(List<Step> steps, Typed type) implements Binding {
    public FromItem {
      steps = List.copyOf(steps);
    }
  }

  /** A literal, converted to a value when the flow was checked. */
  record Constant(WitValue value, Typed type) implements Binding {}

  /** A list of parts. */
  record MakeList(List<Binding> items, Typed type) implements Binding {
    public MakeList {
      items = List.copyOf(items);
    }
  }

  /** A tuple of parts. */
  record MakeTuple(List<Binding> items, Typed type) implements Binding {
    public MakeTuple {
      items = List.copyOf(items);
    }
  }

  /** A record whose fields, in declaration order, are the parts. */
  record MakeRecord(List<String> names, List<Binding> values, Typed type) implements Binding {
    public MakeRecord {
      names = List.copyOf(names);
      values = List.copyOf(values);
    }
  }

  /** {@code some(inner)}, where a value is passed to an {@code option} parameter. */
  record WrapSome(Binding inner, Typed type) implements Binding {}

  /**
   * A string made of parts, each written as text: strings as they are, numbers, bools and chars
   * as in the JSON mapping (without quotes), enums by case name. Its type is {@code string}.
   */
  record Template(List<Binding> parts, Typed type) implements Binding {
    public Template {
      parts = List.copyOf(parts);
    }
  }

  /** The UTF-8 bytes of a {@code string}, where a {@code list<u8>} is expected. */
  record Utf8(Binding text, Typed type) implements Binding {}
}
