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
      return project(item, it.steps(), "$item");
    }
    if (b instanceof Binding.FromInput in) {
      return project(inputs.get(in.input()), in.steps(), "$input." + in.input());
    }
    if (b instanceof Binding.FromNode n) {
      return project(nodeValue.apply(n.node().name()), n.steps(), "$" + n.node().name());
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

  /** A scalar or enum as a template writes it: its JSON mapping, without quotes. */
  private static String text(WitValue v, Typed type) {
    if (v instanceof WitValue.Str str) {
      return str.value();
    }
    JsonNode json = ValueJson.toJson(v, type.type(), type.table());
    return json.isTextual() ? json.asText() : json.toString();
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

  private static WitValue unwrap(WitValue v, Step.CaseStep c, StringBuilder path) {
    if (v instanceof WitValue.OptionValue o) {
      if (o.value().isEmpty()) {
        throw new EngineException(ErrorKind.VALUE, "`" + path + "`: the option is none");
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
        ErrorKind.VALUE, "`" + path + "`: the result is " + (r.isOk() ? "ok" : "err") + payload);
  }

  private static WitValue project(WitValue v, List<Step> steps, String root) {
    WitValue at = v;
    StringBuilder path = new StringBuilder(root);
    for (Step s : steps) {
      if (s instanceof Step.FieldStep f) {
        at = ((WitValue.RecordValue) at).fields().get(f.index()).value();
        path.append('.').append(f.name());
      } else if (s instanceof Step.CaseStep c) {
        path.append('.').append(c.name());
        at = unwrap(at, c, path);
      } else {
        int i = ((Step.IndexStep) s).index();
        if (at instanceof WitValue.TupleValue t) {
          at = t.elements().get(i);
        } else {
          WitValue.ListLike l = (WitValue.ListLike) at;
          if (i >= l.size()) {
            throw new EngineException(
                ErrorKind.VALUE,
                "`" + path + "[" + i + "]`: index out of range, the list has " + l.size()
                    + " elements");
          }
          at = l.get(i);
        }
        path.append('[').append(i).append(']');
      }
    }
    return at;
  }
}
