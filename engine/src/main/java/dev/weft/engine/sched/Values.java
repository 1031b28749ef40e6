package dev.weft.engine.sched;

import dev.weft.engine.ErrorKind;
import dev.weft.engine.EngineException;
import dev.weft.flows.model.Binding;
import dev.weft.flows.model.Step;
import dev.weft.flows.model.Typed;
import dev.weft.wit.value.ValueJson;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates bindings to values during a run. Bindings were type-checked, so the casts here hold;
 * only list indexes are checked, because a list's length is known at run time alone.
 */
final class Values {
  private Values() {}

  /** The value of {@code b}; {@code item} is the current for-each element, or null. */
  static WitValue eval(
      Binding b, Map<String, WitValue> inputs, Function<String, WitValue> nodeValue, WitValue item) {
    if (b instanceof Binding.FromItem it) {
      return project(item, it.steps(), b);
    }
    if (b instanceof Binding.FromInput in) {
      return project(inputs.get(in.input()), in.steps(), b);
    }
    if (b instanceof Binding.FromNode n) {
      return project(nodeValue.apply(n.node().name()), n.steps(), b);
    }
    if (b instanceof Binding.Constant c) {
      return c.value();
    }
    if (b instanceof Binding.MakeList l) {
      return new WitValue.ListValue(all(l.items(), inputs, nodeValue, item));
    }
    if (b instanceof Binding.MakeTuple t) {
      return new WitValue.TupleValue(all(t.items(), inputs, nodeValue, item));
    }
    if (b instanceof Binding.MakeRecord r) {
      List<FieldValue> fields = new ArrayList<>(r.names().size());
      for (int i = 0; i < r.names().size(); i++) {
        fields.add(new FieldValue(r.names().get(i), eval(r.values().get(i), inputs, nodeValue, item)));
      }
      return new WitValue.RecordValue(fields);
    }
    if (b instanceof Binding.Template t) {
      StringBuilder out = new StringBuilder();
      for (Binding part : t.parts()) {
        out.append(text(eval(part, inputs, nodeValue, item), part.type()));
      }
      return new WitValue.Str(out.toString());
    }
    if (b instanceof Binding.Utf8 u) {
      String text = ((WitValue.Str) eval(u.text(), inputs, nodeValue, item)).value();
      return WitValue.Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
    Binding.WrapSome s = (Binding.WrapSome) b;
    return WitValue.OptionValue.some(eval(s.inner(), inputs, nodeValue, item));
  }

  /**
   * A scalar or enum as a template writes it: its JSON mapping, without quotes. Integers, bools,
   * chars, enums and strings are written here directly (a key such as {@code "hash:${id}"} is
   * built on every run, and a JSON node printed through Jackson cost more than the rest of the
   * template); floats keep the JSON mapping's own rules ({@code 2.0}, {@code "NaN"}).
   */
  static String text(WitValue v, Typed type) {
    return switch (v.kind()) {
      case STRING -> ((WitValue.Str) v).value();
      case BOOL -> ((WitValue.Bool) v).value() ? "true" : "false";
      case U8 -> Integer.toString(((WitValue.U8) v).value());
      case U16 -> Integer.toString(((WitValue.U16) v).value());
      case U32 -> Long.toString(((WitValue.U32) v).value());
      case U64 -> Long.toUnsignedString(((WitValue.U64) v).value());
      case S8 -> Integer.toString(((WitValue.S8) v).value());
      case S16 -> Integer.toString(((WitValue.S16) v).value());
      case S32 -> Integer.toString(((WitValue.S32) v).value());
      case S64 -> Long.toString(((WitValue.S64) v).value());
      case CHAR -> Character.toString(((WitValue.CharValue) v).codePoint());
      case ENUM -> ((WitValue.EnumValue) v).caseName();
      case F32, F64, LIST, RECORD, TUPLE, VARIANT, FLAGS, OPTION, RESULT, HANDLE -> {
        JsonNode json = ValueJson.toJson(v, type.type(), type.table());
        yield json.isTextual() ? json.asText() : json.toString();
      }
    };
  }

  private static List<WitValue> all(
      List<Binding> parts,
      Map<String, WitValue> inputs,
      Function<String, WitValue> nodeValue,
      WitValue item) {
    List<WitValue> out = new ArrayList<>(parts.size());
    for (Binding part : parts) {
      out.add(eval(part, inputs, nodeValue, item));
    }
    return out;
  }

  private static WitValue unwrap(WitValue v, Step.CaseStep c, Binding from, List<Step> steps, int k) {
    if (v instanceof WitValue.OptionValue o) {
      if (o.value().isEmpty()) {
        throw new EngineException(ErrorKind.VALUE, "`" + path(from, steps, k + 1) + "`: the option is none");
      }
      return o.value().get();
    }
    WitValue.ResultValue r = (WitValue.ResultValue) v;
    boolean wantOk = c.name().equals("ok");
    if (r.isOk() == wantOk) {
      return r.value().orElseThrow();
    }
    String payload =
        r.value().isPresent() && c.other().isPresent()
            ? ": " + dev.weft.wit.value.ValueJson.toJson(
                r.value().get(), c.other().get().type(), c.other().get().table())
            : "";
    throw new EngineException(
        ErrorKind.VALUE, "`" + path(from, steps, k + 1) + "`: the result is " + (r.isOk() ? "ok" : "err") + payload);
  }

  /** Follows {@code steps} into {@code v}, the value that {@code from} refers to. */
  private static WitValue project(WitValue v, List<Step> steps, Binding from) {
    WitValue at = v;
    for (int k = 0; k < steps.size(); k++) {
      Step s = steps.get(k);
      if (s instanceof Step.FieldStep f) {
        at = ((WitValue.RecordValue) at).fields().get(f.index()).value();
      } else if (s instanceof Step.CaseStep c) {
        at = unwrap(at, c, from, steps, k);
      } else {
        int i = ((Step.IndexStep) s).index();
        if (at instanceof WitValue.TupleValue t) {
          at = t.elements().get(i);
        } else {
          WitValue.ListLike l = (WitValue.ListLike) at;
          if (i >= l.size()) {
            throw new EngineException(
                ErrorKind.VALUE,
                "`" + path(from, steps, k) + "[" + i + "]`: index out of range, the list has " + l.size()
                    + " elements");
          }
          at = l.get(i);
        }
      }
    }
    return at;
  }

  /**
   * The reference as the flow wrote it, up to its first {@code count} steps ({@code
   * $input.order.items[2]}), for messages: built only when one is needed.
   */
  private static String path(Binding from, List<Step> steps, int count) {
    StringBuilder path = new StringBuilder();
    if (from instanceof Binding.FromInput in) {
      path.append("$input.").append(in.input());
    } else if (from instanceof Binding.FromNode n) {
      path.append('$').append(n.node().name());
    } else {
      path.append("$item");
    }
    for (Step s : steps.subList(0, count)) {
      if (s instanceof Step.FieldStep f) {
        path.append('.').append(f.name());
      } else if (s instanceof Step.CaseStep c) {
        path.append('.').append(c.name());
      } else {
        path.append('[').append(((Step.IndexStep) s).index()).append(']');
      }
    }
    return path.toString();
  }
}
