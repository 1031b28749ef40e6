package dev.weft.flows.builtin;

import dev.weft.wit.model.Field;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a built-in node looks like to the type checker, derived from its {@code weft:host}
 * function: its parameters (for {@code http.request}, the fields of the WIT {@code request}
 * record) and its result. Where the WIT returns {@code result<T, error>} the node's value is
 * {@code T} and an {@code err} fails the node, so {@code retry} and {@code fallback} handle it as
 * any failure.
 *
 * @param function the node's signature, named as the node calls it ({@code kv.get})
 * @param types the table its types refer to: the resolved {@code weft:host} package
 * @param witFunction the WIT function behind it, as the WIT declares it
 * @param failsOnErr whether the WIT result is a {@code result} whose {@code err} fails the node
 */
public record BuiltinSignature(
    Builtin builtin, Function function, TypeTable types, Function witFunction, boolean failsOnErr) {
  private static final class Holder {
    static final Map<Builtin, BuiltinSignature> ALL = derive(HostPackage.get());
  }

  /** The signature of {@code b}. */
  public static BuiltinSignature of(Builtin b) {
    return Holder.ALL.get(b);
  }

  /** {@code func(bucket: string, key: string) -> option<list<u8>>}, for messages and docs. */
  public String display() {
    String params =
        function.params().stream()
            .map(p -> p.name() + ": " + TypeNames.display(p.type(), types))
            .collect(Collectors.joining(", "));
    return "func(" + params + ")"
        + function.result().map(t -> " -> " + TypeNames.display(t, types)).orElse("");
  }

  private static Map<Builtin, BuiltinSignature> derive(HostPackage host) {
    Map<Builtin, BuiltinSignature> out = new EnumMap<>(Builtin.class);
    TypeTable types = host.types();
    for (Builtin b : Builtin.values()) {
      Function wit = host.function(b.namespace(), b.witFunction()).orElseThrow(() ->
          new IllegalStateException("weft:host has no function " + b.namespace() + "." + b.witFunction()));
      List<Param> params = wit.params();
      if (b == Builtin.HTTP_REQUEST) {
        // One record parameter becomes one parameter per field: `with:` then reads as a request.
        RecordType request = (RecordType) types.unalias(params.get(0).type());
        params = request.fields().stream().map((Field f) -> new Param(f.name(), f.type())).toList();
      }
      Optional<WitType> result = wit.result();
      boolean failsOnErr = result.isPresent() && types.unalias(result.get()) instanceof ResultType;
      if (failsOnErr) {
        result = ((ResultType) types.unalias(result.get())).ok();
      }
      Function node = new Function(b.callName(), wit.kind(), params, result, wit.docs(), wit.stability());
      out.put(b, new BuiltinSignature(b, node, types, wit, failsOnErr));
    }
    return out;
  }
}
