package dev.weft.engine.host;

import dev.weft.engine.wasm.HostImports;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.Str;
import java.util.Map;
import java.util.Optional;

/** {@code weft:host/config}: the values the flow gives under {@code grants: {config: ...}}. */
final class ConfigHost {
  private ConfigHost() {}

  static void register(HostImports.Builder b, Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    b.withFunction(HostInterface.CONFIG.key("get"), args -> {
      String v = copy.get(HostValues.str(args.get(0)));
      return Optional.of(v == null ? OptionValue.NONE : OptionValue.some(new Str(v)));
    });
  }
}
