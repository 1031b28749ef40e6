package dev.weft.cli;

import dev.weft.wit.model.Function;
import dev.weft.wit.model.Kind;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeNames;
import dev.weft.wit.model.TypeTable;
import dev.weft.wit.model.WitType;
import java.util.stream.Collectors;

/** Function signatures in WIT syntax, for {@code weft inspect} and {@code weft invoke} messages. */
final class WitSignatures {
  private WitSignatures() {}

  /** {@code func(a: string, b: u32) -> result<point, string>}, named types by name. */
  static String of(Function f, TypeTable types) {
    String params = f.params().stream()
        .map(p -> p.name() + ": " + type(p.type(), types))
        .collect(Collectors.joining(", "));
    return "func(" + params + ")" + f.result().map(r -> " -> " + type(r, types)).orElse("");
  }

  /** A type as WIT source names it: named definitions by their name only. */
  static String type(WitType t, TypeTable types) {
    if (t instanceof Named n) {
      TypeDef def = types.type(n.id());
      if (def.name().isPresent()) {
        return def.name().get();
      }
      return type(def.definition(), types);
    }
    return TypeNames.display(t, types).replaceAll("(record|variant|enum|flags|resource) ", "");
  }

  /** A named definition as a WIT declaration, e.g. {@code record point { x: s32, y: s32 }}. */
  static String definition(TypeDef def, TypeTable types) {
    String name = def.name().orElse("_");
    WitType t = def.definition();
    if (t.kind() == Kind.NAMED || t.kind().ordinal() < Kind.LIST.ordinal()) {
      return "type " + name + " = " + type(t, types) + ";";
    }
    String body = TypeNames.display(t, types);
    return body.replaceFirst("^(record|variant|enum|flags|resource)", "$1 " + name);
  }
}
