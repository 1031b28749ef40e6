package dev.weft.wit.decode;

import dev.weft.wit.binary.UnsupportedComponentException;
import dev.weft.wit.model.FunctionKind;
import java.util.Optional;

/**
 * The names a component gives functions ({@code [method]blob.read}, {@code [constructor]blob}...)
 * and what they mean in WIT.
 */
final class FunctionNames {
  private FunctionNames() {}

  /**
   * @param name the name as WIT's model keeps it: {@code [method]r.f} stays, {@code [async]}
   *     prefixes go into {@code async}
   */
  record Parsed(String name, FunctionKind.Form form, Optional<String> resource, boolean async) {}

  static Parsed parse(String name) {
    if (!name.startsWith("[")) {
      return new Parsed(name, FunctionKind.Form.FREESTANDING, Optional.empty(), false);
    }
    int close = name.indexOf(']');
    String annotation = close < 0 ? "" : name.substring(1, close);
    String rest = close < 0 ? "" : name.substring(close + 1);
    boolean async = annotation.startsWith("async");
    String form = async ? annotation.substring("async".length()).trim() : annotation;
    return switch (form) {
      case "" -> {
        if (!async) {
          throw bad(name);
        }
        yield new Parsed(rest, FunctionKind.Form.FREESTANDING, Optional.empty(), true);
      }
      case "constructor" ->
          new Parsed(
              "[constructor]" + rest, FunctionKind.Form.CONSTRUCTOR, Optional.of(rest), async);
      case "method", "static" -> {
        int dot = rest.indexOf('.');
        if (dot <= 0) {
          throw bad(name);
        }
        yield new Parsed(
            "[" + form + "]" + rest,
            form.equals("method") ? FunctionKind.Form.METHOD : FunctionKind.Form.STATIC,
            Optional.of(rest.substring(0, dot)),
            async);
      }
      default -> throw bad(name);
    };
  }

  private static UnsupportedComponentException bad(String name) {
    return new UnsupportedComponentException(
        "function name `" + name + "` is not a WIT function, constructor, method or static name");
  }
}
