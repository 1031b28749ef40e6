package dev.weft.wit.conformance;

import dev.weft.wit.model.Borrow;
import dev.weft.wit.model.Case;
import dev.weft.wit.model.EnumType;
import dev.weft.wit.model.Field;
import dev.weft.wit.model.FixedListType;
import dev.weft.wit.model.FlagsType;
import dev.weft.wit.model.Function;
import dev.weft.wit.model.FutureType;
import dev.weft.wit.model.Interface;
import dev.weft.wit.model.InterfaceId;
import dev.weft.wit.model.ListType;
import dev.weft.wit.model.Named;
import dev.weft.wit.model.OptionType;
import dev.weft.wit.model.Own;
import dev.weft.wit.model.Param;
import dev.weft.wit.model.Primitive;
import dev.weft.wit.model.RecordType;
import dev.weft.wit.model.Resolve;
import dev.weft.wit.model.ResultType;
import dev.weft.wit.model.StreamType;
import dev.weft.wit.model.TupleType;
import dev.weft.wit.model.TypeDef;
import dev.weft.wit.model.TypeId;
import dev.weft.wit.model.VariantType;
import dev.weft.wit.model.WitPackage;
import dev.weft.wit.model.WitType;
import dev.weft.wit.model.World;
import dev.weft.wit.model.WorldItem;
import dev.weft.wit.model.WorldKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A text dump of a resolved model with every id replaced by a name, so two models that differ only
 * in arena order (as a printed and re-parsed model may) dump the same. Worlds' items are sorted by
 * key: their order carries no meaning.
 */
public final class ModelDump {
  private final Resolve r;
  private final StringBuilder b = new StringBuilder();

  private ModelDump(Resolve r) {
    this.r = r;
  }

  public static String of(Resolve r) {
    ModelDump d = new ModelDump(r);
    Map<String, WitPackage> pkgs = new TreeMap<>();
    r.packages().forEach(p -> pkgs.put(p.name().toString(), p));
    pkgs.values().forEach(d::pkg);
    return d.b.toString();
  }

  private void pkg(WitPackage p) {
    b.append("package ").append(p.name()).append(' ').append(p.docs()).append('\n');
    new TreeMap<>(p.interfaces()).forEach((n, id) -> iface("  ", id));
    new TreeMap<>(p.worlds()).forEach((n, id) -> world(r.world(id)));
  }

  private void iface(String indent, InterfaceId id) {
    Interface i = r.iface(id);
    b.append(indent)
        .append("interface ")
        .append(i.name().orElse("<anon>"))
        .append(' ')
        .append(i.docs())
        .append(' ')
        .append(i.stability())
        .append('\n');
    i.types()
        .forEach(
            (n, t) ->
                b.append(indent)
                    .append("  type ")
                    .append(n)
                    .append(" = ")
                    .append(typeDef(t))
                    .append('\n'));
    // Sorted: a canonical printer puts resource functions inside their resource.
    new TreeMap<>(i.functions())
        .forEach(
            (n, f) ->
                b.append(indent)
                    .append("  func ")
                    .append(n)
                    .append(' ')
                    .append(func(f))
                    .append('\n'));
  }

  private void world(World w) {
    b.append("  world ")
        .append(w.name())
        .append(' ')
        .append(w.docs())
        .append(' ')
        .append(w.stability())
        .append('\n');
    items("import", w.imports());
    items("export", w.exports());
  }

  private void items(String dir, Map<WorldKey, WorldItem> items) {
    Map<String, WorldItem> sorted = new TreeMap<>();
    items.forEach((k, v) -> sorted.put(k.name().orElseGet(() -> qualified(k.iface().get())), v));
    sorted.forEach(
        (k, v) -> {
          b.append("    ").append(dir).append(' ').append(k).append(": ");
          if (v instanceof WorldItem.InterfaceItem i) {
            b.append(i.stability()).append('\n');
            if (r.iface(i.id()).name().isEmpty()) {
              iface("      ", i.id());
            } else {
              b.append("      ").append(qualified(i.id())).append('\n');
            }
          } else if (v instanceof WorldItem.FunctionItem f) {
            b.append(func(f.function())).append('\n');
          } else {
            b.append(typeDef(((WorldItem.TypeItem) v).id())).append('\n');
          }
        });
  }

  private String qualified(InterfaceId id) {
    Interface i = r.iface(id);
    String pkg = i.pkg().map(p -> r.pkg(p).name().toString()).orElse("?");
    return pkg + "/" + i.name().orElse("<anon>");
  }

  private String typeDef(TypeId id) {
    TypeDef d = r.type(id);
    return d.name().orElse("?") + " " + type(d.definition()) + " " + d.docs() + " " + d.stability();
  }

  private String ref(TypeId id) {
    TypeDef d = r.type(id);
    String owner =
        d.owner()
            .iface()
            .map(this::qualified)
            .orElse(d.owner().world().map(w -> "world " + r.world(w).name()).orElse("-"));
    return owner + "." + d.name().orElse("?");
  }

  private String func(Function f) {
    String params = f.params().stream().map(this::param).collect(Collectors.joining(", "));
    return f.kind().form()
        + f.kind().resource().map(this::ref).map(s -> "[" + s + "]").orElse("")
        + (f.kind().async() ? " async" : "")
        + " ("
        + params
        + ") -> "
        + f.result().map(this::type).orElse("-")
        + " "
        + f.docs()
        + " "
        + f.stability();
  }

  private String param(Param p) {
    return p.name() + ": " + type(p.type());
  }

  private String type(WitType t) {
    return switch (t.kind()) {
      case BOOL, U8, U16, U32, U64, S8, S16, S32, S64, F32, F64, CHAR, STRING, ERROR_CONTEXT ->
          ((Primitive) t).witName();
      case LIST -> "list<" + type(((ListType) t).element()) + ">";
      case FIXED_LIST ->
          "list<" + type(((FixedListType) t).element()) + ", " + ((FixedListType) t).size() + ">";
      case MAP ->
          "map<"
              + type(((dev.weft.wit.model.MapType) t).key())
              + ", "
              + type(((dev.weft.wit.model.MapType) t).value())
              + ">";
      case OPTION -> "option<" + type(((OptionType) t).some()) + ">";
      case RESULT ->
          "result<"
              + ((ResultType) t).ok().map(this::type).orElse("_")
              + ", "
              + ((ResultType) t).err().map(this::type).orElse("_")
              + ">";
      case TUPLE ->
          ((TupleType) t)
              .types().stream().map(this::type).collect(Collectors.joining(", ", "tuple<", ">"));
      case RECORD ->
          ((RecordType) t)
              .fields().stream().map(this::field).collect(Collectors.joining(", ", "record{", "}"));
      case VARIANT ->
          ((VariantType) t)
              .cases().stream().map(this::kase).collect(Collectors.joining(", ", "variant{", "}"));
      case ENUM -> "enum" + ((EnumType) t).cases();
      case FLAGS -> "flags" + ((FlagsType) t).flags();
      case RESOURCE -> "resource";
      case OWN -> "own<" + ref(((Own) t).resource()) + ">";
      case BORROW -> "borrow<" + ref(((Borrow) t).resource()) + ">";
      case FUTURE -> "future<" + ((FutureType) t).element().map(this::type).orElse("-") + ">";
      case STREAM -> "stream<" + ((StreamType) t).element().map(this::type).orElse("-") + ">";
      case NAMED -> "named<" + ref(((Named) t).id()) + ">";
    };
  }

  private String field(Field f) {
    return f.name() + ": " + type(f.type()) + " " + f.docs();
  }

  private String kase(Case c) {
    return c.name() + c.type().map(x -> "(" + type(x) + ")").orElse("") + " " + c.docs();
  }
}
