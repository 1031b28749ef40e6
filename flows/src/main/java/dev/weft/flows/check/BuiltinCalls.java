package dev.weft.flows.check;

import dev.weft.flows.ast.ComponentDecl;
import dev.weft.flows.ast.Ident;
import dev.weft.flows.builtin.Builtin;
import dev.weft.flows.builtin.BuiltinSignature;
import dev.weft.wit.diag.Diagnostics;
import dev.weft.wit.diag.Span;
import dev.weft.wit.diag.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Names of built-in nodes for the checker: a {@code call} in a built-in namespace resolves to its
 * {@link BuiltinSignature} ({@code FLOW0502} with "did you mean" when there is no such built-in),
 * and no component may take a namespace's name ({@code FLOW0501}). Stateless.
 */
final class BuiltinCalls {
  private BuiltinCalls() {}

  /** Reports a component declared under a built-in namespace's name. */
  static void checkName(ComponentDecl c, Diagnostics diags) {
    String name = c.name().name();
    if (!Builtin.NAMESPACES.contains(name)) {
      return;
    }
    String kind = switch (name) {
      case "kv" -> "KV nodes";
      case "http" -> "HTTP node";
      case "log" -> "log node";
      default -> name + " nodes";
    };
    String calls = Builtin.in(name).stream().map(b -> "`" + b.callName() + "`").collect(Collectors.joining(", "));
    diags.error("FLOW0501", "`" + name + "` is the name of Weft's built-in " + kind + " (" + calls
            + "); call this component something else",
        c.name().span(), "rename it, e.g. `my-" + name + "`, and write `my-" + name + ".function` in its nodes");
  }

  /**
   * The built-in that {@code ns.fn} names ({@code fn} is empty for {@code call: log}); reports
   * an unknown one at the span of the whole name.
   */
  static Optional<BuiltinSignature> resolve(Ident ns, Ident fn, Diagnostics diags) {
    Optional<Builtin> b = Builtin.find(ns.name(), fn.name());
    if (b.isPresent()) {
      return Optional.of(BuiltinSignature.of(b.get()));
    }
    String written = ns.name() + (fn.name().isEmpty() ? "" : "." + fn.name());
    List<String> all = Arrays.stream(Builtin.values()).map(Builtin::callName).toList();
    List<Builtin> here = Builtin.in(ns.name());
    String list = here.stream()
        .map(x -> "`" + x.callName() + ": " + BuiltinSignature.of(x).display() + "`")
        .collect(Collectors.joining(", "));
    diags.error("FLOW0502", "`" + written + "` is not a built-in function",
        fn.name().isEmpty() ? ns.span() : new Span(ns.span().start(), fn.span().end()),
        Suggestions.didYouMean(written, all).map(s -> s + " ").orElse("")
            + "the `" + ns.name() + "` built-" + (here.size() == 1 ? "in is " : "ins are ") + list);
    return Optional.empty();
  }
}
