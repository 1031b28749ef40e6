package dev.weft.engine.host;

import dev.weft.engine.wasm.ComponentInstance;
import dev.weft.engine.wasm.ComponentLoader;
import dev.weft.engine.wasm.LoadOptions;
import dev.weft.flows.host.Grants;
import dev.weft.wit.value.WitValue;
import dev.weft.wit.value.WitValue.OptionValue;
import dev.weft.wit.value.WitValue.ResultValue;
import dev.weft.wit.value.WitValue.S64;
import dev.weft.wit.value.WitValue.Str;
import dev.weft.wit.value.WitValue.U64;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The hostcaps example guest (examples/components/hostcaps), and calling it from tests. */
final class HostCaps {
  static final Path WASM =
      Path.of("").toAbsolutePath().getParent().resolve("examples/components/hostcaps/hostcaps.wasm");

  /** Everything granted: bucket `visits`, loopback HTTP, config `greeting`. */
  static final Grants ALL =
      new Grants(true, true, true, Optional.of(Set.of("visits")), Optional.of(Set.of("127.0.0.1")),
          Optional.of(Map.of("greeting", "hi")));

  private HostCaps() {}

  /** An instance importing from {@code env} with {@code grants}; interpreted, to load fast. */
  static ComponentInstance instance(HostEnvironment env, Grants grants) {
    return ComponentLoader.load(WASM, new LoadOptions(256, false), env.importsFor("hostcaps", grants)).instantiate();
  }

  static WitValue call(ComponentInstance i, String fn, WitValue... args) {
    return i.call(fn, List.of(args)).orElse(null);
  }

  /** The ok value of a {@code result<T, string>}, failing with the error string. */
  static WitValue ok(WitValue result) {
    ResultValue r = (ResultValue) result;
    if (!r.isOk()) {
      throw new AssertionError("expected ok, got err " + r.value().map(Object::toString).orElse(""));
    }
    return r.value().orElse(null);
  }

  /** The error string of a {@code result<T, string>}. */
  static String err(WitValue result) {
    ResultValue r = (ResultValue) result;
    if (r.isOk()) {
      throw new AssertionError("expected err, got ok " + r.value().map(Object::toString).orElse(""));
    }
    return ((Str) r.value().orElseThrow()).value();
  }

  static long countVisit(ComponentInstance i, String user) {
    return ((S64) ok(call(i, "count-visit", new Str(user)))).value();
  }

  static WitValue remember(ComponentInstance i, String key, String value, Optional<Long> ttl) {
    return call(i, "remember", new Str(key), new Str(value),
        ttl.<WitValue>map(t -> OptionValue.some(new U64(t))).orElse(OptionValue.NONE));
  }

  static Optional<String> recall(ComponentInstance i, String key) {
    OptionValue o = (OptionValue) ok(call(i, "recall", new Str(key)));
    return o.value().map(v -> ((Str) v).value());
  }
}
