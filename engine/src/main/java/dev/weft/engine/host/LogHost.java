package dev.weft.engine.host;

import dev.weft.engine.wasm.HostImports;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.EnumValue;
import dev.weft.wit.value.WitValue.ListLike;
import dev.weft.wit.value.WitValue.TupleValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code weft:host/log}: messages go to a {@link GuestLog} under the component's flow name. */
final class LogHost {
  private LogHost() {}

  static void register(HostImports.Builder b, String component, GuestLog sink) {
    b.withFunction(HostInterface.LOG.key("log"), args -> {
      log(sink, component, args);
      return Optional.empty();
    });
  }

  /** {@code log(level, message, fields)} from {@code source}: a component, or a built-in node. */
  static void log(GuestLog sink, String source, List<WitValue> args) {
    GuestLog.Level level = GuestLog.Level.valueOf(((EnumValue) args.get(0)).caseName().toUpperCase(Locale.ROOT));
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    for (WitValue f : ((ListLike) args.get(2)).elements()) {
      List<WitValue> kv = ((TupleValue) f).elements();
      fields.add(Map.entry(HostValues.str(kv.get(0)), HostValues.str(kv.get(1))));
    }
    sink.log(source, level, HostValues.str(args.get(1)), List.copyOf(fields));
  }
}
